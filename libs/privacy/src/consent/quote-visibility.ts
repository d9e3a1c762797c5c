import { Attribution, QuoteUse } from '@coprod/domain/core/vocabulary';

/** What the consent policy needs to know about a quote and its speaker. */
export interface QuoteConsent {
  attribution: Attribution;
  allowedUses: readonly QuoteUse[];
  withdrawn: boolean;
  participantErased: boolean;
}

/** Why a quote is left out: a stable code for the edges and a sentence for people. */
export type QuoteHiddenCode = 'consent_withdrawn' | 'participant_erased' | 'use_not_consented';

/** Whether a quote may appear in an output, and if so how its speaker is named. */
export type QuoteVisibility =
  | { show: true; attribution: Attribution }
  | { show: false; code: QuoteHiddenCode; reason: string };

const USE_LABELS: Record<QuoteUse, string> = {
  internal_evaluation: 'internal evaluation',
  committee_papers: 'committee papers',
  public: 'public documents',
};

/**
 * Decides whether a quote may be shown in an output. A withdrawn quote or an erased speaker is never
 * shown. Otherwise the output must be named in the consent: no use implies another (committee papers
 * are public documents, so they need their own consent, and public consent does not cover them).
 */
export function quoteVisibility(quote: QuoteConsent, output: QuoteUse): QuoteVisibility {
  if (quote.participantErased) {
    return { show: false, code: 'participant_erased', reason: 'the participant asked to be erased, so none of their words are used' };
  }
  if (quote.withdrawn) {
    return { show: false, code: 'consent_withdrawn', reason: 'the participant withdrew consent for this quote' };
  }
  if (!quote.allowedUses.includes(output)) {
    const given = quote.allowedUses.length === 0 ? 'no use' : quote.allowedUses.map((use) => USE_LABELS[use]).join(' and ');
    return {
      show: false,
      code: 'use_not_consented',
      reason: `consent covers ${given}, not ${USE_LABELS[output]}`,
    };
  }
  return { show: true, attribution: quote.attribution };
}
