import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ProjectOutcomes } from '@coprod/application';
import { LIKERT_MAX, LIKERT_MIN, SURVEY_ITEMS } from '@coprod/domain';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { setFlash } from '../web-page';
import { DateParts, dateError, dateFrom, dateParts, fieldError, idFor, partsOf, text, today, whole } from './form-input';
import { PeopleDirectory } from './people-directory';
import { besideFields, errorsOf, may, PageRequest, projectPath, projectRecord, show } from './recording-page';
import { say } from './words';

const SCALE = ['Disagree strongly', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Agree strongly'];

interface ResponseValues {
  formKey: string;
  participantId: string;
  phase: string;
  responseId: string;
  answers: Record<string, string>;
  date: DateParts;
}

const LABELS: Record<string, string> = {
  participantId: 'Person',
  phase: 'Before or after',
  responseId: 'Form number',
  respondedOn: 'Date they responded',
  answers: 'Answers',
  ...Object.fromEntries(SURVEY_ITEMS.map((item) => [`answers.${item}`, say('surveyItem', item)])),
};

/** Self-assessment before and after taking part (the evidence for the outcomes about skills and confidence). */
@ApiExcludeController()
@Controller('projects/:projectId/surveys')
export class SurveysController {
  constructor(
    private readonly queries: QueryBus,
    private readonly forms: FormCommand,
    private readonly people: PeopleDirectory,
  ) {}

  @Get()
  @Requires('read_figures')
  async list(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const seesNames = may(request, 'read_personal');
    const surveys = outcomes.facts.surveys;
    const names = seesNames ? await this.people.names(surveys.map((s) => s.participantId)) : new Map<string, string>();
    show(request, response, 'recording/surveys/list.njk', 'Survey responses', {
      project: outcomes.facts.project,
      items: SURVEY_ITEMS.map((item) => ({ id: item, text: say('surveyItem', item) })),
      responses: surveys.map((s) => ({
        who: outcomes.facts.participants.get(s.participantId)?.erased ? 'Erased person' : (names.get(s.participantId) ?? s.participantId),
        phase: s.phase === 'pre' ? 'Before' : 'After',
        answers: SURVEY_ITEMS.map((item) => (s.answers[item] === undefined ? 'Not answered' : String(s.answers[item]))),
      })),
      seesNames,
      canRecord: may(request, 'record'),
      roleName: request.actor.role.replace(/_/g, ' '),
    });
  }

  @Get('new')
  @Requires('record')
  async form(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    await this.showForm(request, response, outcomes, { formKey: newFormKey(), participantId: '', phase: '', responseId: '', answers: {}, date: partsOf(today()) });
  }

  @Post('new')
  @Requires('record')
  async record(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const body = request.body;
    const values: ResponseValues = {
      formKey: text(body, 'formKey'),
      participantId: text(body, 'participantId'),
      phase: text(body, 'phase'),
      responseId: text(body, 'responseId'),
      answers: Object.fromEntries(SURVEY_ITEMS.map((item) => [item, text(body, item)])),
      date: dateParts(body, 'respondedOn'),
    };
    const errors: FormError[] = [];
    if (!values.participantId) errors.push(fieldError('participantId', 'Select the person who responded'));
    if (!values.phase) errors.push(fieldError('phase', 'Select whether they responded before or after taking part'));
    if (SURVEY_ITEMS.every((item) => !values.answers[item])) errors.push(fieldError(SURVEY_ITEMS[0], 'Select an answer to at least one statement'));
    const day = dateFrom(values.date, 'the date they responded');
    if ('problem' in day) errors.push(dateError('respondedOn', day));
    if (errors.length > 0 || 'problem' in day) return this.showForm(request, response, outcomes, values, errors);
    const answers = Object.fromEntries(SURVEY_ITEMS.filter((item) => values.answers[item]).map((item) => [item, whole(values.answers[item])]));
    const outcome = await this.forms.send(
      'RecordSurveyResponse',
      { projectId, participantId: values.participantId, responseId: values.responseId || idFor('svy', values.formKey || newFormKey()), phase: values.phase, answers, respondedOn: day.date },
      { actor: request.actor, formKey: values.formKey, labels: LABELS },
    );
    const refused = besideFields(
      errorsOf(outcome),
      { 'survey.phase_already_recorded': 'phase', 'survey.response_id_used': 'responseId', 'reference.not_found': 'participantId', 'participant.erased': 'participantId' },
      { respondedOn: 'respondedOn-day', ...Object.fromEntries(SURVEY_ITEMS.map((item) => [`answers.${item}`, item])) },
    );
    if (refused.length > 0) return this.showForm(request, response, outcomes, values, refused);
    setFlash(request, 'Survey response recorded');
    response.redirect(303, projectPath(projectId, '/surveys'));
  }

  private async showForm(request: PageRequest, response: Response, outcomes: ProjectOutcomes, values: ResponseValues, errors: FormError[] = []): Promise<void> {
    const seesNames = may(request, 'read_personal');
    const everyone = (await this.people.everyone(seesNames)).filter((p) => !p.erased);
    const onProject = new Set(outcomes.facts.participants.keys());
    const people = everyone
      .map((p) => ({ value: p.participantId, text: `${p.name ?? p.participantId}${onProject.has(p.participantId) ? '' : ' (not yet in this project)'}`, selected: p.participantId === values.participantId }))
      .sort((a, b) => a.text.localeCompare(b.text, 'en-GB'));
    const scale = (item: string) =>
      SCALE.map((words, i) => ({ value: String(LIKERT_MIN + i), text: `${LIKERT_MIN + i}: ${words}`, checked: values.answers[item] === String(LIKERT_MIN + i) })).slice(0, LIKERT_MAX - LIKERT_MIN + 1);
    show(
      request,
      response,
      'recording/surveys/response.njk',
      'Record a survey response',
      {
        project: outcomes.facts.project,
        values,
        people: [{ value: '', text: 'Choose the person' }, ...people],
        phases: [
          { value: 'pre', text: 'Before taking part', checked: values.phase === 'pre' },
          { value: 'post', text: 'After taking part', checked: values.phase === 'post' },
        ],
        items: SURVEY_ITEMS.map((item) => ({ id: item, text: say('surveyItem', item), scale: scale(item) })),
        seesNames,
        roleName: request.actor.role.replace(/_/g, ' '),
      },
      errors,
    );
  }
}
