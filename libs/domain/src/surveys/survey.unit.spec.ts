import { command, spec } from '../core/spec';
import { SurveyEvent, SurveyResponseRecorded } from './survey';
import { RecordSurveyResponse, SurveyCommand } from './survey.decide';
import { surveyDecider } from './survey.decider';

const given = (events: SurveyEvent[]) => spec(surveyDecider).given(events);

const pre: RecordSurveyResponse['data'] = {
  projectId: 'p1',
  participantId: 'p-3',
  responseId: 'r-1',
  phase: 'pre',
  answers: { confidence_in_partnership: 2, skills_and_knowledge: 3 },
  respondedOn: '2026-01-15',
};
const preRecorded: SurveyResponseRecorded = { type: 'SurveyResponseRecorded', data: pre };
const respond = (data: Partial<RecordSurveyResponse['data']> = {}) => command<SurveyCommand>('RecordSurveyResponse', { ...pre, ...data });
const post = (data: Partial<RecordSurveyResponse['data']> = {}) =>
  respond({ responseId: 'r-2', phase: 'post', answers: { confidence_in_partnership: 4 }, respondedOn: '2026-06-15', ...data });

describe('survey response', () => {
  it('keeps one stream per person per project', () => {
    expect(surveyDecider.streamIdOf(respond())).toBe('p1.p-3');
  });

  it('records a pre response, dated when the person responded', () => {
    given([]).when(respond()).then([{ ...preRecorded, occurredAt: '2026-01-15' }]);
  });

  it('records a post after the pre', () => {
    const [event] = surveyDecider.decide(post(), given([preRecorded]).state);
    expect(event).toMatchObject({ type: 'SurveyResponseRecorded', data: { phase: 'post', responseId: 'r-2' }, occurredAt: '2026-06-15' });
  });

  it('allows a post without a pre', () => {
    expect(surveyDecider.decide(post(), given([]).state)).toHaveLength(1);
  });

  it.each([0, 6, 3.5])('refuses an answer of %p, naming the item and the value', (value) => {
    given([]).when(respond({ answers: { sense_of_influence: value } })).thenRefuses('rule', new RegExp(`answer to sense_of_influence must be a whole number from 1 to 5; got ${value}`));
  });

  it('refuses a response with no answers or an unknown item', () => {
    given([]).when(respond({ answers: {} })).thenRefuses('rule', /needs at least one answer/);
    given([]).when(respond({ answers: { happiness: 3 } as never })).thenRefuses('rule', /survey item "happiness" is not one of/);
  });

  it('refuses an unknown phase', () => {
    given([]).when(respond({ phase: 'mid' } as never)).thenRefuses('rule', /survey phase "mid" is not one of pre, post/);
  });

  it('refuses a second response for the same phase and points to correction', () => {
    given([preRecorded])
      .when(respond({ responseId: 'r-9' }))
      .thenRefuses('conflict', /a pre survey response \(r-1, 2026-01-15\) is already recorded for participant p-3 on project p1; correct that event/);
  });

  it('refuses reusing a response id, or a post dated before the pre', () => {
    given([preRecorded]).when(post({ responseId: 'r-1' })).thenRefuses('conflict', /response id r-1 is already used/);
    given([preRecorded]).when(post({ respondedOn: '2026-01-01' })).thenRefuses('rule', /post response on 2026-01-01 cannot come before the pre response on 2026-01-15/);
  });
});
