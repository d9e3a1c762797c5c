import { RecordReference } from '../core/decider';
import { CaptureQuote } from './quote.decide';
import { quoteDecider } from './quote.decider';

const capture: CaptureQuote['data'] = {
  quoteId: 'q-1',
  projectId: 'p1',
  participantId: 'p-3',
  activityId: 'a-1',
  decisionId: 'd-grants',
  context: 'Asked what difference the group made',
  outcomeIds: ['wb-1'],
  attribution: 'role_only',
  allowedUses: ['internal_evaluation'],
  language: 'en',
  capturedOn: '2026-03-10',
  personal: { subjectId: 'p-3', fields: { words: 'They listened to us this time.' } },
};
const referencesOf = (data: CaptureQuote['data']): readonly RecordReference[] => quoteDecider.references!.CaptureQuote!(data);

// The command handler refuses a command whose references do not exist (or name an erased person), so what a
// capture names here is what stops a quote being filed under an unknown project, person, session or decision.
describe('the records a quote names', () => {
  it('names its project, the person quoted, the session and the decision it speaks to, each to be checked before it is captured', () => {
    expect(referencesOf(capture)).toEqual([
      { aggregate: 'project', id: 'p1' },
      { aggregate: 'participant', id: 'p-3' },
      { aggregate: 'activity', id: 'a-1' },
      { aggregate: 'decision', id: 'd-grants' },
    ]);
  });

  it('names no session and no decision when the quote gives none', () => {
    expect(referencesOf({ ...capture, activityId: null, decisionId: null })).toEqual([
      { aggregate: 'project', id: 'p1' },
      { aggregate: 'participant', id: 'p-3' },
    ]);
  });

  it('names a decision without a session, and a session without a decision', () => {
    expect(referencesOf({ ...capture, activityId: null })).toEqual([
      { aggregate: 'project', id: 'p1' },
      { aggregate: 'participant', id: 'p-3' },
      { aggregate: 'decision', id: 'd-grants' },
    ]);
    expect(referencesOf({ ...capture, decisionId: null })).toEqual([
      { aggregate: 'project', id: 'p1' },
      { aggregate: 'participant', id: 'p-3' },
      { aggregate: 'activity', id: 'a-1' },
    ]);
  });

  it('is checked for capturing only: a consent change names the quote alone, found by its own stream', () => {
    expect(Object.keys(quoteDecider.references!)).toEqual(['CaptureQuote']);
  });
});
