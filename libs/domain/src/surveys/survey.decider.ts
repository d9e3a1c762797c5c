import { Decider, referencesTo } from '../core/decider';
import { evolveSurvey, initialSurveyState, SurveyEvent, SurveyState } from './survey';
import { decideSurvey, SurveyCommand, SurveyCorrection } from './survey.decide';
import { CorrectionsOf } from '../corrections/correctable';

const corrections: CorrectionsOf<SurveyCorrection['type'], SurveyEvent['type'], SurveyCommand['type']> = {
  rules: {
    AmendSurveyResponse: { corrects: 'SurveyResponseRecorded', kind: 'amend', fields: ['answers'] },
    VoidSurveyResponse: { corrects: 'SurveyResponseRecorded', kind: 'void' },
  },
  recordedBy: { SurveyResponseRecorded: 'RecordSurveyResponse' },
};

/** One person's pre and post self-assessments on one project: one stream per person per project. */
export const surveyDecider: Decider<SurveyCommand, SurveyEvent, SurveyState> = {
  name: 'survey',
  commandTypes: ['RecordSurveyResponse'],
  initialState: initialSurveyState,
  decide: decideSurvey,
  evolve: evolveSurvey,
  streamIdOf: (command) => `${command.data.projectId}.${command.data.participantId}`,
  references: {
    RecordSurveyResponse: (data) => [...referencesTo('project', [data.projectId]), ...referencesTo('participant', [data.participantId])],
  },
  corrections,
};
