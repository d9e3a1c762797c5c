import { Command } from '../core/event';
import { CorrectionCommand } from '../corrections/correctable';
import { conflict, requireCalendarDate, ruleBroken } from '../core/errors';
import { LIKERT_MAX, LIKERT_MIN, SurveyItem, SURVEY_ITEMS } from '../core/vocabulary';
import { SurveyEvent, SurveyPhase, SURVEY_PHASES, SurveyState } from './survey';

export type RecordSurveyResponse = Command<
  'RecordSurveyResponse',
  {
    projectId: string;
    participantId: string;
    responseId: string;
    phase: SurveyPhase;
    answers: Partial<Record<SurveyItem, number>>;
    respondedOn: string;
  }
>;

export type SurveyCommand = RecordSurveyResponse;

type Correcting<Type extends string, Fields extends object = object> = CorrectionCommand<Type, { projectId: string; participantId: string }, Fields>;
export type AmendSurveyResponse = Correcting<'AmendSurveyResponse', Pick<RecordSurveyResponse['data'], 'answers'>>;
export type VoidSurveyResponse = Correcting<'VoidSurveyResponse'>;
export type SurveyCorrection = AmendSurveyResponse | VoidSurveyResponse;

/** A post response without a pre is allowed: it is simply unmatched when change is measured. */
export function decideSurvey(command: SurveyCommand, state: SurveyState): SurveyEvent[] {
  switch (command.type) {
    case 'RecordSurveyResponse':
      return recordResponse(command, state);
    default: {
      const unexpected: never = command.type;
      throw new Error(`unknown survey command ${unexpected}`);
    }
  }
}

function recordResponse(command: RecordSurveyResponse, state: SurveyState): SurveyEvent[] {
  const { phase } = command.data;
  if (!(SURVEY_PHASES as readonly string[]).includes(phase)) {
    throw ruleBroken('survey.phase_unknown', `survey phase "${phase}" is not one of ${SURVEY_PHASES.join(', ')}`);
  }
  checkAnswers(command.data.answers);
  if (state.status === 'responded') checkAgainstEarlier(command, state);
  requireCalendarDate(command.data.respondedOn, 'respondedOn');
  return [{ type: 'SurveyResponseRecorded', data: { ...command.data }, occurredAt: command.data.respondedOn }];
}

function checkAnswers(answers: Partial<Record<string, number>>): void {
  const items = Object.keys(answers);
  if (items.length === 0) {
    throw ruleBroken('survey.no_answers', `a survey response needs at least one answer (items: ${SURVEY_ITEMS.join(', ')})`);
  }
  for (const item of items) {
    if (!(SURVEY_ITEMS as readonly string[]).includes(item)) {
      throw ruleBroken('survey.item_unknown', `survey item "${item}" is not one of ${SURVEY_ITEMS.join(', ')}`);
    }
    const value = answers[item];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < LIKERT_MIN || value > LIKERT_MAX) {
      throw ruleBroken(
        'survey.answer_out_of_scale',
        `answer to ${item} must be a whole number from ${LIKERT_MIN} to ${LIKERT_MAX}; got ${String(value)}`,
      );
    }
  }
}

function checkAgainstEarlier(command: RecordSurveyResponse, state: Extract<SurveyState, { status: 'responded' }>): void {
  const { phase, responseId, respondedOn, participantId, projectId } = command.data;
  const same = state.responses[phase];
  if (same) {
    throw conflict(
      'survey.phase_already_recorded',
      `a ${phase} survey response (${same.responseId}, ${same.respondedOn}) is already recorded for participant ${participantId} on project ${projectId}; correct that event instead`,
    );
  }
  const other = state.responses[phase === 'pre' ? 'post' : 'pre'];
  if (!other) return;
  if (other.responseId === responseId) {
    throw conflict('survey.response_id_used', `survey response id ${responseId} is already used for another phase; use a new id`);
  }
  const outOfOrder = phase === 'pre' ? Date.parse(respondedOn) > Date.parse(other.respondedOn) : Date.parse(respondedOn) < Date.parse(other.respondedOn);
  if (outOfOrder) {
    throw ruleBroken(
      'survey.phases_out_of_order',
      `a ${phase} response on ${respondedOn} cannot come ${phase === 'pre' ? 'after' : 'before'} the ${phase === 'pre' ? 'post' : 'pre'} response on ${other.respondedOn}; check the date or the phase`,
    );
  }
}
