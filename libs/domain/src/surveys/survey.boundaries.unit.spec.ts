import { spec } from '../core/spec';
import { SurveyEvent, SurveyResponseRecorded } from './survey';
import { RecordSurveyResponse } from './survey.decide';
import { surveyDecider } from './survey.decider';

const given = (events: SurveyEvent[]) => spec(surveyDecider).given(events);

const pre: RecordSurveyResponse['data'] = {
  projectId: 'p1',
  participantId: 'p-3',
  responseId: 'r-1',
  phase: 'pre',
  answers: { confidence_in_partnership: 2 },
  respondedOn: '2026-01-15',
};
const preRecorded: SurveyResponseRecorded = { type: 'SurveyResponseRecorded', data: pre };
const postRecorded: SurveyResponseRecorded = {
  type: 'SurveyResponseRecorded',
  data: { ...pre, responseId: 'r-2', phase: 'post', answers: { confidence_in_partnership: 4 }, respondedOn: '2026-06-15' },
};

describe('survey responses: the records named and the state kept', () => {
  // The command handler refuses a response whose project or person does not exist, or whose person was erased.
  it('names the project and the person who responded, each to be checked before a response is recorded', () => {
    expect(surveyDecider.references!.RecordSurveyResponse!(pre)).toEqual([
      { aggregate: 'project', id: 'p1' },
      { aggregate: 'participant', id: 'p-3' },
    ]);
  });

  it('starts with no responses', () => {
    expect(surveyDecider.initialState()).toEqual({ status: 'no_responses' });
    expect(given([]).state).toEqual({ status: 'no_responses' });
  });

  it('keeps the id and date of each phase recorded, the first one included', () => {
    expect(given([preRecorded]).state).toEqual({
      status: 'responded',
      projectId: 'p1',
      participantId: 'p-3',
      responses: { pre: { responseId: 'r-1', respondedOn: '2026-01-15' } },
    });
    expect(given([preRecorded, postRecorded]).state).toEqual({
      status: 'responded',
      projectId: 'p1',
      participantId: 'p-3',
      responses: { pre: { responseId: 'r-1', respondedOn: '2026-01-15' }, post: { responseId: 'r-2', respondedOn: '2026-06-15' } },
    });
  });
});
