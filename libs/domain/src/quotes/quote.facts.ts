import { Fact, FactFold } from '../core/fact';
import { QuoteEvent } from './quote';

export interface QuoteFact {
  quoteId: string;
  participantId: string;
  activityId: string | null;
  decisionId: string | null;
  context: string;
  outcomeIds: string[];
  attribution: string;
  allowedUses: string[];
  language: string;
  capturedOn: string;
  /** Sealed personal data (the words) exactly as stored. */
  personal: unknown;
  withdrawn: boolean;
  eventIds: string[];
}

export interface QuoteFacts {
  quotes: Map<string, QuoteFact>;
}

export const quoteFacts: FactFold<QuoteEvent, QuoteFacts> = {
  empty: () => ({ quotes: new Map() }),
  eventTypes: { QuoteCaptured: true, QuoteConsentChanged: true, QuoteConsentWithdrawn: true },
  apply(f: QuoteFacts, e: Fact<QuoteEvent>): void {
    if (e.type === 'QuoteCaptured') {
      const { quoteId, participantId, context, attribution, capturedOn, personal } = e.data;
      f.quotes.set(quoteId, {
        quoteId,
        participantId,
        activityId: e.data.activityId ?? null,
        decisionId: e.data.decisionId ?? null,
        context,
        outcomeIds: e.data.outcomeIds ?? [],
        attribution,
        allowedUses: e.data.allowedUses ?? [],
        language: e.data.language ?? 'en',
        capturedOn,
        personal,
        withdrawn: false,
        eventIds: [e.eventId],
      });
      return;
    }
    const quote = f.quotes.get(e.data.quoteId);
    if (!quote) return;
    quote.eventIds.push(e.eventId);
    switch (e.type) {
      case 'QuoteConsentChanged':
        quote.attribution = e.data.attribution;
        quote.allowedUses = e.data.allowedUses;
        return;
      case 'QuoteConsentWithdrawn':
        quote.withdrawn = true;
        return;
      default: {
        const unexpected: never = e;
        void unexpected;
      }
    }
  },
};
