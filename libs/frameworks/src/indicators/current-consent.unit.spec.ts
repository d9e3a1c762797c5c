import { ConsentChange, withCurrentConsent } from './current-consent';
import { FactEvent, foldProjectFacts } from './project-facts';

const at = (eventId: string, type: string, data: Record<string, unknown>, position: number): FactEvent => ({ eventId, type, data, position, occurredAt: '2026-03-01T10:00:00.000Z' });
const facts = () =>
  foldProjectFacts([
    at('e1', 'ParticipantRegistered', { participantId: 'p-1', role: 'resident', seldomHeardGroups: [], preferredFormats: [] }, 1),
    at('e2', 'ParticipantRegistered', { participantId: 'p-2', role: 'carer', seldomHeardGroups: [], preferredFormats: [] }, 2),
    at('e3', 'QuoteCaptured', { quoteId: 'q-1', participantId: 'p-1', context: 'x', attribution: 'named', allowedUses: ['public'], capturedOn: '2026-03-01', personal: {} }, 3),
    at('e4', 'QuoteCaptured', { quoteId: 'q-2', participantId: 'p-2', context: 'y', attribution: 'named', allowedUses: ['public'], capturedOn: '2026-03-01', personal: {} }, 4),
  ]);
const change = (eventId: string, type: ConsentChange['type'], data: Record<string, unknown>): ConsentChange =>
  ({ eventId, type, data, position: 9, occurredAt: '2026-04-01T10:00:00.000Z' }) as unknown as ConsentChange;

describe('consent as it now stands', () => {
  it('withdraws a quote and erases a person in new facts, leaving the folded facts as they were', () => {
    const before = facts();
    const { facts: now, applied } = withCurrentConsent(before, [
      change('c1', 'QuoteConsentWithdrawn', { quoteId: 'q-2', participantId: 'p-2', withdrawnOn: '2026-04-01', reason: null }),
      change('c2', 'ParticipantErased', { participantId: 'p-1', erasedOn: '2026-04-02T09:00:00.000Z', reason: 'asked' }),
    ]);
    expect(applied).toEqual(['c1', 'c2']);
    expect([...now.quotes.values()].map((q) => [q.quoteId, q.withdrawn])).toEqual([['q-1', true], ['q-2', true]]);
    expect(now.participants.get('p-1')?.erased).toBe(true);
    expect(now.participants.get('p-2')?.erased).toBe(false);
    expect([...before.quotes.values()].map((q) => q.withdrawn)).toEqual([false, false]);
    expect(before.participants.get('p-1')?.erased).toBe(false);
  });

  it('names only the changes that altered something, and returns the same facts when none did', () => {
    const before = facts();
    const { facts: now, applied } = withCurrentConsent(before, [
      change('c1', 'QuoteConsentWithdrawn', { quoteId: 'q-9', participantId: 'p-9', withdrawnOn: '2026-04-01', reason: null }),
      change('c2', 'ParticipantErased', { participantId: 'p-9', erasedOn: '2026-04-02T09:00:00.000Z', reason: 'asked' }),
    ]);
    expect(applied).toEqual([]);
    expect(now).toBe(before);
  });

  it('an erasure counts the person as erased even when they gave no quote, and withdraws the quotes of a person not in these facts', () => {
    const withoutQuotes = foldProjectFacts([at('e1', 'ParticipantRegistered', { participantId: 'p-1', role: 'resident', seldomHeardGroups: [], preferredFormats: [] }, 1)]);
    const erased = withCurrentConsent(withoutQuotes, [change('c1', 'ParticipantErased', { participantId: 'p-1', erasedOn: '2026-04-02T09:00:00.000Z', reason: 'asked' })]);
    expect(erased.applied).toEqual(['c1']);
    expect(erased.facts.participants.get('p-1')?.erased).toBe(true);

    // A quote of someone whose registration is not among the facts (recorded under another project) is still withdrawn.
    const quoteOnly = foldProjectFacts([
      at('e3', 'QuoteCaptured', { quoteId: 'q-1', participantId: 'p-7', context: 'x', attribution: 'named', allowedUses: ['public'], capturedOn: '2026-03-01', personal: {} }, 3),
    ]);
    const gone = withCurrentConsent(quoteOnly, [change('c2', 'ParticipantErased', { participantId: 'p-7', erasedOn: '2026-04-02T09:00:00.000Z', reason: 'asked' })]);
    expect(gone.applied).toEqual(['c2']);
    expect(gone.facts.quotes.get('q-1')?.withdrawn).toBe(true);
    expect(gone.facts.participants.has('p-7')).toBe(false);
  });
});
