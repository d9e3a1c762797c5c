import { command, spec } from '../core/spec';
import { streamName } from '../core/decider';
import { QuoteCaptured, QuoteConsentChanged, QuoteConsentWithdrawn, QuoteEvent } from './quote';
import { CaptureQuote, QuoteCommand } from './quote.decide';
import { quoteDecider } from './quote.decider';

const given = (events: QuoteEvent[]) => spec(quoteDecider).given(events);

const capture: CaptureQuote['data'] = {
  quoteId: 'q-7',
  projectId: 'p1',
  participantId: 'p-4',
  activityId: null,
  decisionId: null,
  context: 'Closing round of the workshop',
  outcomeIds: ['wb-2'],
  attribution: 'anonymous',
  allowedUses: ['internal_evaluation'],
  language: 'en',
  capturedOn: '2026-03-10',
  personal: { subjectId: 'p-4', fields: { words: 'They listened this time.' } },
};
const captured: QuoteCaptured = { type: 'QuoteCaptured', data: capture };
const consentChanged: QuoteConsentChanged = {
  type: 'QuoteConsentChanged',
  data: { quoteId: 'q-7', projectId: 'p1', attribution: 'named', allowedUses: ['internal_evaluation', 'public'], reason: 'Asked to be named' },
};
const withdrawn: QuoteConsentWithdrawn = {
  type: 'QuoteConsentWithdrawn',
  data: { quoteId: 'q-7', projectId: 'p1', participantId: 'p-4', withdrawnOn: '2026-05-01', reason: null },
};
const captureWith = (data: Partial<CaptureQuote['data']>) => command<QuoteCommand>('CaptureQuote', { ...capture, ...data } as never);
const change = (data: Record<string, unknown>) =>
  command<QuoteCommand>('ChangeQuoteConsent', {
    quoteId: 'q-7',
    attribution: 'named',
    allowedUses: ['public'],
    reason: 'Asked to be named',
    ...data,
  } as never);

describe('quote: consent as folded from the record', () => {
  it('folds a consent change: the quote now carries the new attribution and uses', () => {
    expect(given([captured, consentChanged]).state).toEqual({
      status: 'consented',
      quoteId: 'q-7',
      projectId: 'p1',
      participantId: 'p-4',
      attribution: 'named',
      allowedUses: ['internal_evaluation', 'public'],
    });
  });

  it('a consent change after withdrawal does not bring the quote back', () => {
    expect(given([captured, withdrawn, consentChanged]).state).toEqual({
      status: 'withdrawn',
      quoteId: 'q-7',
      projectId: 'p1',
      participantId: 'p-4',
      withdrawnOn: '2026-05-01',
    });
  });

  it('records a consent change with the project it belongs to', () => {
    given([captured])
      .when(change({ allowedUses: ['internal_evaluation', 'public'] }))
      .then([consentChanged]);
  });

  it('keeps each quote in its own stream, named quote-<id>', () => {
    expect(streamName(quoteDecider, quoteDecider.streamIdOf(captureWith({})))).toBe('quote-q-7');
  });
});

describe('quote: what is refused, with the code clients see', () => {
  it('refuses capturing twice', () => {
    given([captured])
      .when(captureWith({}))
      .thenRefuses('conflict', 'quote q-7 is already captured; change its consent or capture a new quote', 'quote.already_captured');
  });

  it('refuses words recorded as someone else’s', () => {
    given([])
      .when(captureWith({ personal: { subjectId: 'p-9', fields: { words: 'x' } } }))
      .thenRefuses(
        'rule',
        "the words of quote q-7 are recorded as p-9's but the quote is by p-4; a quote's words belong to the person who said them",
        'quote.personal_data_subject',
      );
  });

  it.each([[{ words: '  ' }], [{ words: '' }], [{}]])('refuses a quote without words (%p)', (fields) => {
    given([])
      .when(captureWith({ personal: { subjectId: 'p-4', fields } as never }))
      .thenRefuses('rule', 'quote q-7 has no words; record what p-4 said', 'quote.words_missing');
  });

  it('refuses an unknown attribution, on capture and on change, whatever way the command came in', () => {
    given([])
      .when(captureWith({ attribution: 'initials' as never }))
      .thenRefuses('rule', 'attribution "initials" is not one of named, role_only, anonymous', 'quote.attribution_unknown');
    given([captured])
      .when(change({ attribution: 'initials' }))
      .thenRefuses('rule', 'attribution "initials" is not one of named, role_only, anonymous', 'quote.attribution_unknown');
  });

  it('refuses consent with no use, an unknown use, or a use listed twice', () => {
    given([])
      .when(captureWith({ allowedUses: [] }))
      .thenRefuses('rule', 'a quote needs consent: at least one allowed use', 'quote.consent_missing');
    given([captured])
      .when(change({ allowedUses: ['public', 'tv'] }))
      .thenRefuses('rule', 'allowed use tv is not one of internal_evaluation, committee_papers, public', 'quote.use_unknown');
    given([captured])
      .when(change({ allowedUses: ['public', 'committee_papers', 'public'] }))
      .thenRefuses('rule', 'allowed use public is listed more than once; list each use once', 'quote.use_repeated');
  });

  it('names every unknown and every repeated use', () => {
    given([captured])
      .when(change({ allowedUses: ['tv', 'public', 'radio'] }))
      .thenRefuses('rule', 'allowed use tv, radio is not one of internal_evaluation, committee_papers, public', 'quote.use_unknown');
    given([captured])
      .when(change({ allowedUses: ['public', 'committee_papers', 'public', 'committee_papers'] }))
      .thenRefuses('rule', 'allowed use public, committee_papers is listed more than once; list each use once', 'quote.use_repeated');
  });

  it('ignores a withdrawal of a quote never captured when folding', () => {
    expect(given([withdrawn]).state).toEqual({ status: 'uncaptured' });
  });

  it('refuses a consent change without a reason', () => {
    given([captured])
      .when(change({ reason: ' ' }))
      .thenRefuses('rule', 'changing consent on quote q-7 needs a reason, e.g. what the participant asked for', 'quote.reason_missing');
  });

  it('refuses changing or withdrawing consent on a quote never captured, or already withdrawn', () => {
    const withdraw = command<QuoteCommand>('WithdrawQuoteConsent', { quoteId: 'q-7', withdrawnOn: '2026-06-01', reason: null });
    for (const cmd of [change({}), withdraw]) {
      given([]).when(cmd).thenRefuses('not_found', 'quote q-7 does not exist; capture it first', 'quote.not_found');
      given([captured, withdrawn])
        .when(cmd)
        .thenRefuses(
          'conflict',
          'consent for quote q-7 was withdrawn on 2026-05-01; it cannot be used or changed: capture the words again with fresh consent',
          'quote.consent_withdrawn',
        );
    }
  });

  it('refuses dates that are not dates', () => {
    given([])
      .when(captureWith({ capturedOn: 'yesterday' }))
      .thenRefuses('rule', /capturedOn "yesterday" is not a real calendar date/, 'value.not_a_date');
    given([captured])
      .when(command<QuoteCommand>('WithdrawQuoteConsent', { quoteId: 'q-7', withdrawnOn: '2026-04-31', reason: null }))
      .thenRefuses('rule', /withdrawnOn "2026-04-31" is not a real calendar date/, 'value.not_a_date');
  });
});
