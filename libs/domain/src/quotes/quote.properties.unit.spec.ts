import fc from 'fast-check';
import { checkInvariants, ids, invariant, isBlank, mostly, request, StreamView } from '../core/properties';
import { ATTRIBUTIONS, QUOTE_USES } from '../core/vocabulary';
import { QuoteCaptured, QuoteEvent } from './quote';
import { quoteDecider } from './quote.decider';

const quoteId = ids('q-1', 'q-2');
const participantId = ids('p-1', 'p-2');
const attribution = mostly(ATTRIBUTIONS, ['initials', '']);
const allowedUses = fc.oneof(
  { weight: 4, arbitrary: fc.shuffledSubarray([...QUOTE_USES], { minLength: 1 }) },
  { weight: 1, arbitrary: fc.array(mostly(QUOTE_USES, ['social_media']), { maxLength: 4 }) },
);
const words = mostly(['Roedd y cyngor yn gwrando arnom ni go iawn.'], ['', '  ']);
const day = mostly(['2026-03-10', '2026-04-01T09:00:00+01:00'], ['2026-02-30', '']);

const capture = request(
  'CaptureQuote',
  fc.record({
    quoteId,
    projectId: fc.constant('p1'),
    participantId,
    activityId: fc.constantFrom(null, 'a-1'),
    decisionId: fc.constantFrom(null, 'd-1'),
    context: fc.constant('Asked what difference the group made'),
    outcomeIds: fc.subarray(['wb-1', 'wb-4']),
    attribution,
    allowedUses,
    language: fc.constantFrom('en', 'cy'),
    capturedOn: day,
    personal: fc.record({ subjectId: participantId, fields: fc.option(fc.record({ words }), { nil: undefined, freq: 10 }) }, { requiredKeys: ['subjectId'] }),
  }),
);
const requests = fc.oneof(
  { weight: 1, arbitrary: capture },
  { weight: 4, arbitrary: request('ChangeQuoteConsent', fc.record({ quoteId, attribution, allowedUses, reason: mostly(['Happy for it to be public now'], ['', ' ']) })) },
  { weight: 2, arbitrary: request('WithdrawQuoteConsent', fc.record({ quoteId, withdrawnOn: day, reason: fc.constantFrom(null, 'Asked by phone') })) },
);

/** Consent as the decider accepts it: a known attribution and at least one known use, each once. */
function consentIsValid(quoteId: string, attribution: string, uses: readonly string[]): void {
  invariant((ATTRIBUTIONS as readonly string[]).includes(attribution), `quote ${quoteId} attributed "${attribution}"`);
  invariant(uses.length > 0, `quote ${quoteId} has no allowed use`);
  invariant(uses.every((use) => (QUOTE_USES as readonly string[]).includes(use)), `quote ${quoteId} allows ${uses.join(', ')}`);
  invariant(new Set(uses).size === uses.length, `quote ${quoteId} lists a use twice: ${uses.join(', ')}`);
}

/** Walks the quote: captured once in its speaker's own words with consent; once withdrawn, nothing more. */
function quoteInvariants({ id, read }: StreamView<QuoteEvent>): void {
  let quote: QuoteCaptured['data'] | undefined;
  let withdrawn = false;
  for (const event of read) {
    invariant((quote === undefined) === (event.type === 'QuoteCaptured'), `quote ${id}: ${event.type} ${event.id} ${quote ? 'after it was captured' : 'before it was captured'}`);
    invariant(!withdrawn, `consent for quote ${id} was withdrawn, then ${event.type} ${event.id}`);
    switch (event.type) {
      case 'QuoteCaptured':
        invariant(event.data.personal.subjectId === event.data.participantId, `quote ${id} gives ${event.data.personal.subjectId}'s words for ${event.data.participantId}`);
        invariant(!isBlank(event.data.personal.fields?.words), `quote ${id} has no words`);
        consentIsValid(id, event.data.attribution, event.data.allowedUses);
        quote = event.data;
        break;
      case 'QuoteConsentChanged':
        consentIsValid(id, event.data.attribution, event.data.allowedUses);
        invariant(!isBlank(event.data.reason), `consent for quote ${id} changed without a reason`);
        break;
      case 'QuoteConsentWithdrawn':
        invariant(event.data.participantId === quote!.participantId, `consent for quote ${id} withdrawn for ${event.data.participantId}, not its speaker ${quote!.participantId}`);
        withdrawn = true;
        break;
    }
  }
}

describe('quote properties', () => {
  it('keeps a quote in its speaker words with valid consent, and withdrawn consent withdrawn', () => {
    checkInvariants(quoteDecider, { opening: capture, requests }, quoteInvariants);
  });
});
