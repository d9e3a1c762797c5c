import { command, spec } from '../core/spec';
import { QuoteCaptured, QuoteConsentWithdrawn, QuoteEvent } from './quote';
import { CaptureQuote, QuoteCommand } from './quote.decide';
import { quoteDecider } from './quote.decider';

const given = (events: QuoteEvent[]) => spec(quoteDecider).given(events);

const capture: CaptureQuote['data'] = {
  quoteId: 'q-1',
  projectId: 'p1',
  participantId: 'p-3',
  activityId: 'a-1',
  decisionId: null,
  context: 'Asked what difference the group made',
  outcomeIds: ['wb-1', 'wb-4'],
  attribution: 'role_only',
  allowedUses: ['internal_evaluation', 'committee_papers'],
  language: 'cy',
  capturedOn: '2026-03-10',
  personal: { subjectId: 'p-3', fields: { words: 'Roedd y cyngor yn gwrando arnom ni go iawn.' } },
};
const captured: QuoteCaptured = { type: 'QuoteCaptured', data: capture };
const withdrawn: QuoteConsentWithdrawn = {
  type: 'QuoteConsentWithdrawn',
  data: { quoteId: 'q-1', projectId: 'p1', participantId: 'p-3', withdrawnOn: '2026-04-01', reason: null },
};
const captureWith = (data: Partial<CaptureQuote['data']>) => command<QuoteCommand>('CaptureQuote', { ...capture, ...data });
const change = (allowedUses: string[], reason = 'Happy for it to be public now') =>
  command<QuoteCommand>('ChangeQuoteConsent', { quoteId: 'q-1', attribution: 'named', allowedUses, reason } as never);
const withdraw = command<QuoteCommand>('WithdrawQuoteConsent', { quoteId: 'q-1', withdrawnOn: '2026-04-01', reason: null });

describe('quote', () => {
  describe('capturing', () => {
    it('captures words with their consent, dated when they were said', () => {
      given([]).when(command<QuoteCommand>('CaptureQuote', capture)).then([{ ...captured, occurredAt: '2026-03-10' }]);
    });

    it('refuses a quote without consent', () => {
      given([]).when(captureWith({ allowedUses: [] })).thenRefuses('rule', 'a quote needs consent: at least one allowed use');
    });

    it('refuses a use listed twice or outside the vocabulary', () => {
      given([]).when(captureWith({ allowedUses: ['public', 'public'] })).thenRefuses('rule', /allowed use public is listed more than once/);
      given([]).when(captureWith({ allowedUses: ['social_media'] } as never)).thenRefuses('rule', /allowed use social_media is not one of/);
    });

    it('refuses a quote without words', () => {
      given([]).when(captureWith({ personal: { subjectId: 'p-3', fields: { words: '  ' } } })).thenRefuses('rule', /quote q-1 has no words/);
      given([]).when(captureWith({ personal: { subjectId: 'p-3' } })).thenRefuses('rule', /quote q-1 has no words/);
    });

    it("refuses words recorded as someone else's", () => {
      given([]).when(captureWith({ personal: { subjectId: 'p-4', fields: { words: 'x' } } })).thenRefuses('rule', /recorded as p-4's but the quote is by p-3/);
    });

    it('refuses capturing the same quote twice', () => {
      given([captured]).when(command<QuoteCommand>('CaptureQuote', capture)).thenRefuses('conflict', /quote q-1 is already captured/);
    });

    it('folds a quote whose words were erased with the participant', () => {
      const erasedWords: QuoteCaptured = { type: 'QuoteCaptured', data: { ...capture, personal: { subjectId: 'p-3', erased: true } } };
      expect(given([erasedWords]).state).toMatchObject({ status: 'consented', allowedUses: ['internal_evaluation', 'committee_papers'] });
    });
  });

  describe('changing consent', () => {
    it('changes attribution and uses, with the reason', () => {
      given([captured])
        .when(change(['public']))
        .then([
          {
            type: 'QuoteConsentChanged',
            data: { quoteId: 'q-1', attribution: 'named', allowedUses: ['public'], reason: 'Happy for it to be public now', projectId: 'p1' },
          },
        ]);
    });

    it('refuses a change that leaves no use, repeats one, or has no reason', () => {
      given([captured]).when(change([])).thenRefuses('rule', /at least one allowed use/);
      given([captured]).when(change(['public', 'public'])).thenRefuses('rule', /listed more than once/);
      given([captured]).when(change(['public'], '')).thenRefuses('rule', /needs a reason/);
    });

    it('refuses a change to a quote that does not exist', () => {
      given([]).when(change(['public'])).thenRefuses('not_found', /quote q-1 does not exist/);
    });
  });

  describe('withdrawing consent', () => {
    it('withdraws consent on the day the participant asked', () => {
      given([captured]).when(withdraw).then([{ ...withdrawn, occurredAt: '2026-04-01' }]);
      expect(given([captured, withdrawn]).state).toMatchObject({ status: 'withdrawn', withdrawnOn: '2026-04-01' });
    });

    it('refuses withdrawing twice, or changing consent after withdrawal', () => {
      given([captured, withdrawn]).when(withdraw).thenRefuses('conflict', /consent for quote q-1 was withdrawn on 2026-04-01/);
      given([captured, withdrawn]).when(change(['public'])).thenRefuses('conflict', /was withdrawn on 2026-04-01; it cannot be used or changed/);
    });
  });
});
