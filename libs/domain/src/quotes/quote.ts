import { Event, PersonalData } from '../core/event';
import { Attribution, QuoteUse } from '../core/vocabulary';

/**
 * A participant's own words. The words are their personal data (`personal.subjectId` is the
 * participant), so erasing the person removes the words but keeps the record of the quote.
 * `language` is a BCP 47 tag such as "en", "cy" or "pl".
 */
export type QuoteCaptured = Event<
  'QuoteCaptured',
  {
    quoteId: string;
    projectId: string;
    participantId: string;
    activityId: string | null;
    decisionId: string | null;
    context: string;
    outcomeIds: string[];
    attribution: Attribution;
    allowedUses: QuoteUse[];
    language: string;
    capturedOn: string;
    personal: PersonalData<{ words: string }>;
  }
>;
export type QuoteConsentChanged = Event<
  'QuoteConsentChanged',
  { quoteId: string; projectId: string; attribution: Attribution; allowedUses: QuoteUse[]; reason: string }
>;
/** From here on the quote appears in no report built after it. */
export type QuoteConsentWithdrawn = Event<
  'QuoteConsentWithdrawn',
  { quoteId: string; projectId: string; participantId: string; withdrawnOn: string; reason: string | null }
>;

export type QuoteEvent = QuoteCaptured | QuoteConsentChanged | QuoteConsentWithdrawn;

type Quote = { quoteId: string; projectId: string; participantId: string };

export type QuoteState =
  | { status: 'uncaptured' }
  | ({ status: 'consented'; attribution: Attribution; allowedUses: QuoteUse[] } & Quote)
  | ({ status: 'withdrawn'; withdrawnOn: string } & Quote);

export const initialQuoteState = (): QuoteState => ({ status: 'uncaptured' });

/** Never reads the words: they are absent once the participant has been erased. */
export function evolveQuote(state: QuoteState, event: QuoteEvent): QuoteState {
  switch (event.type) {
    case 'QuoteCaptured': {
      const { quoteId, projectId, participantId, attribution, allowedUses } = event.data;
      return { status: 'consented', quoteId, projectId, participantId, attribution, allowedUses: [...allowedUses] };
    }
    case 'QuoteConsentChanged':
      if (state.status !== 'consented') return state;
      return { ...state, attribution: event.data.attribution, allowedUses: [...event.data.allowedUses] };
    case 'QuoteConsentWithdrawn':
      if (state.status === 'uncaptured') return state;
      return {
        status: 'withdrawn',
        quoteId: state.quoteId,
        projectId: state.projectId,
        participantId: state.participantId,
        withdrawnOn: event.data.withdrawnOn,
      };
    default: {
      // Events this aggregate does not know (a correction sharing the stream) leave it unchanged.
      const ignored: never = event;
      void ignored;
      return state;
    }
  }
}
