import { Event } from '../core/event';
import { SurveyItem } from '../core/vocabulary';

export const SURVEY_PHASES = ['pre', 'post'] as const;
export type SurveyPhase = (typeof SURVEY_PHASES)[number];

/** One person's self-assessment before or after taking part: Likert answers per item. */
export type SurveyResponseRecorded = Event<
  'SurveyResponseRecorded',
  {
    projectId: string;
    participantId: string;
    responseId: string;
    phase: SurveyPhase;
    answers: Partial<Record<SurveyItem, number>>;
    respondedOn: string;
  }
>;

export type SurveyEvent = SurveyResponseRecorded;

type RecordedResponse = { responseId: string; respondedOn: string };

export type SurveyState =
  | { status: 'no_responses' }
  | {
      status: 'responded';
      projectId: string;
      participantId: string;
      responses: Partial<Record<SurveyPhase, RecordedResponse>>;
    };

export const initialSurveyState = (): SurveyState => ({ status: 'no_responses' });

export function evolveSurvey(state: SurveyState, event: SurveyEvent): SurveyState {
  switch (event.type) {
    case 'SurveyResponseRecorded': {
      const { projectId, participantId, responseId, phase, respondedOn } = event.data;
      const responses = state.status === 'responded' ? state.responses : {};
      return { status: 'responded', projectId, participantId, responses: { ...responses, [phase]: { responseId, respondedOn } } };
    }
    default: {
      // Events this aggregate does not know (a correction sharing the stream) leave it unchanged.
      const ignored: never = event.type;
      void ignored;
      return state;
    }
  }
}
