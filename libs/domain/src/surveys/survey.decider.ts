import { Decider } from '../core/decider';
import { evolveSurvey, initialSurveyState, SurveyEvent, SurveyState } from './survey';
import { decideSurvey, SurveyCommand } from './survey.decide';

/** One person's pre and post self-assessments on one project: one stream per person per project. */
export const surveyDecider: Decider<SurveyCommand, SurveyEvent, SurveyState> = {
  name: 'survey',
  commandTypes: ['RecordSurveyResponse'],
  initialState: initialSurveyState,
  decide: decideSurvey,
  evolve: evolveSurvey,
  streamIdOf: (command) => `${command.data.projectId}.${command.data.participantId}`,
};
