import { command, spec } from '../core/spec';
import { streamName } from '../core/decider';
import { SurveyEvent, SurveyResponseRecorded } from './survey';
import { RecordSurveyResponse, SurveyCommand } from './survey.decide';
import { surveyDecider } from './survey.decider';

const given = (events: SurveyEvent[]) => spec(surveyDecider).given(events);

const base: RecordSurveyResponse['data'] = {
  projectId: 'p1',
  participantId: 'p-3',
  responseId: 'r-1',
  phase: 'pre',
  answers: { confidence_in_partnership: 2 },
  respondedOn: '2026-01-15',
};
const respond = (data: Partial<RecordSurveyResponse['data']> = {}) => command<SurveyCommand>('RecordSurveyResponse', { ...base, ...data });
const recorded = (data: Partial<RecordSurveyResponse['data']>): SurveyResponseRecorded => ({
  type: 'SurveyResponseRecorded',
  data: { ...base, ...data },
});
const postRecorded = recorded({ responseId: 'r-2', phase: 'post', respondedOn: '2026-06-15' });
const preRecorded = recorded({});

describe('survey response: what is refused, with the code clients see', () => {
  it.each([1, 5])('takes an answer of %p, the ends of the scale', (value) => {
    given([])
      .when(respond({ answers: { sense_of_influence: value } }))
      .then([{ ...recorded({ answers: { sense_of_influence: value } }), occurredAt: '2026-01-15' }]);
  });

  it.each([0, 6, 2.5])('refuses an answer of %p with its code', (value) => {
    given([])
      .when(respond({ answers: { sense_of_influence: value } }))
      .thenRefuses('rule', `answer to sense_of_influence must be a whole number from 1 to 5; got ${value}`, 'survey.answer_out_of_scale');
  });

  it('refuses an answer that is not a number', () => {
    given([])
      .when(respond({ answers: { sense_of_influence: '4' as never } }))
      .thenRefuses('rule', 'answer to sense_of_influence must be a whole number from 1 to 5; got 4', 'survey.answer_out_of_scale');
  });

  it('refuses a phase other than pre or post', () => {
    given([])
      .when(respond({ phase: 'mid' as never }))
      .thenRefuses('rule', 'survey phase "mid" is not one of pre, post', 'survey.phase_unknown');
  });

  it('refuses a response with no answers', () => {
    given([])
      .when(respond({ answers: {} }))
      .thenRefuses(
        'rule',
        'a survey response needs at least one answer (items: confidence_in_partnership, skills_and_knowledge, sense_of_influence)',
        'survey.no_answers',
      );
  });

  it('refuses an item not on the survey', () => {
    given([])
      .when(respond({ answers: { happiness: 3 } as never }))
      .thenRefuses(
        'rule',
        'survey item "happiness" is not one of confidence_in_partnership, skills_and_knowledge, sense_of_influence',
        'survey.item_unknown',
      );
  });

  it('refuses a second response in the same phase', () => {
    given([preRecorded])
      .when(respond({ responseId: 'r-9' }))
      .thenRefuses(
        'conflict',
        'a pre survey response (r-1, 2026-01-15) is already recorded for participant p-3 on project p1; correct that event instead',
        'survey.phase_already_recorded',
      );
  });

  it('refuses reusing the other phase response id', () => {
    given([preRecorded])
      .when(respond({ phase: 'post', respondedOn: '2026-06-15' }))
      .thenRefuses('conflict', 'survey response id r-1 is already used for another phase; use a new id', 'survey.response_id_used');
  });

  it('refuses a pre response dated after the post, and takes one dated before or on the same day', () => {
    given([postRecorded])
      .when(respond({ respondedOn: '2026-06-16' }))
      .thenRefuses(
        'rule',
        'a pre response on 2026-06-16 cannot come after the post response on 2026-06-15; check the date or the phase',
        'survey.phases_out_of_order',
      );
    given([postRecorded])
      .when(respond({ respondedOn: '2026-06-15' }))
      .then([{ ...recorded({ respondedOn: '2026-06-15' }), occurredAt: '2026-06-15' }]);
    given([postRecorded])
      .when(respond())
      .then([{ ...preRecorded, occurredAt: '2026-01-15' }]);
  });

  it('refuses a post response dated before the pre, and takes one on the same day', () => {
    given([preRecorded])
      .when(respond({ responseId: 'r-2', phase: 'post', respondedOn: '2026-01-14' }))
      .thenRefuses(
        'rule',
        'a post response on 2026-01-14 cannot come before the pre response on 2026-01-15; check the date or the phase',
        'survey.phases_out_of_order',
      );
    expect(surveyDecider.decide(respond({ responseId: 'r-2', phase: 'post', respondedOn: '2026-01-15' }), given([preRecorded]).state)).toHaveLength(
      1,
    );
  });

  it('refuses a response date that is not a date', () => {
    given([])
      .when(respond({ respondedOn: '15/01/2026' }))
      .thenRefuses('rule', /respondedOn "15\/01\/2026" is not a real calendar date/, 'value.not_a_date');
  });

  it('keeps one stream per person per project, named survey-<project>.<participant>', () => {
    expect(streamName(surveyDecider, surveyDecider.streamIdOf(respond()))).toBe('survey-p1.p-3');
  });
});
