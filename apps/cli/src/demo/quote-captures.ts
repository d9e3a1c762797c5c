import { Attribution, QuoteUse } from '@coprod/domain';
import { instant } from './demo-clock';
import { DemoActor } from './demo-step';
import { Timeline } from './timeline';

/** Consent tiers: kept for the evaluation team only, also in committee papers, or also in public. */
export const INTERNAL_ONLY: QuoteUse[] = ['internal_evaluation'];
export const COMMITTEE: QuoteUse[] = ['internal_evaluation', 'committee_papers'];
export const PUBLIC: QuoteUse[] = ['internal_evaluation', 'committee_papers', 'public'];

/** A participant's own words, with where they were said and what they agreed to. */
export interface DemoQuote {
  id: string;
  projectId: string;
  participantId: string;
  activityId?: string;
  decisionId?: string;
  context: string;
  outcomeIds: string[];
  attribution: Attribution;
  uses: QuoteUse[];
  /** BCP 47 tag; English unless said otherwise. */
  language?: string;
  /** When the words were written down and consent asked, `YYYY-MM-DD HH:MM`. */
  captured: string;
  words: string;
  consentChanged?: { on: string; attribution: Attribution; uses: QuoteUse[]; reason: string };
  withdrawn?: { on: string; reason: string | null };
}

/** Captures the quote and any later change to its consent. */
export function captureQuote(timeline: Timeline, recorder: DemoActor, quote: DemoQuote): void {
  const capturedOn = instant(quote.captured);
  timeline.from(capturedOn, recorder).record('CaptureQuote', {
    quoteId: quote.id,
    projectId: quote.projectId,
    participantId: quote.participantId,
    activityId: quote.activityId ?? null,
    decisionId: quote.decisionId ?? null,
    context: quote.context,
    outcomeIds: [...quote.outcomeIds],
    attribution: quote.attribution,
    allowedUses: [...quote.uses],
    language: quote.language ?? 'en',
    capturedOn,
    personal: { subjectId: quote.participantId, fields: { words: quote.words } },
  });
  if (quote.consentChanged) {
    const { on, attribution, uses, reason } = quote.consentChanged;
    timeline.from(instant(on), recorder).record('ChangeQuoteConsent', { quoteId: quote.id, attribution, allowedUses: [...uses], reason });
  }
  if (quote.withdrawn) {
    const withdrawnOn = instant(quote.withdrawn.on);
    timeline.from(withdrawnOn, recorder).record('WithdrawQuoteConsent', { quoteId: quote.id, withdrawnOn, reason: quote.withdrawn.reason });
  }
}
