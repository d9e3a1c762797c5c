import type { Attribution, QuoteUse } from '@coprod/domain/core/vocabulary';
import type { QuoteFact } from '@coprod/frameworks';
import { attributableRoles, speakerRole } from '@coprod/frameworks/disclosure/role-table';
import { roleNoun } from '@coprod/frameworks/indicators/labels';
import { attributeQuote } from '@coprod/privacy/consent/attribute-quote';
import { quoteVisibility } from '@coprod/privacy/consent/quote-visibility';
import type { QuoteBlock } from '../model/report-model';
import type { ProjectEvidence } from './report-inputs';

/**
 * The quotes an output may show, as quote blocks, in the order given. Consent is checked here for
 * every quote: withdrawn quotes, erased speakers and uses not consented are left out, and the
 * speaker is named only as their consent allows. A role the output does not show (too few people) is
 * never named: the speaker is then "a resident or community member", or whatever their role group is.
 */
export function consentedQuotes(
  quotes: readonly QuoteFact[],
  evidence: ProjectEvidence,
  output: QuoteUse,
  shownRoles: ReadonlySet<string> = attributableRoles(evidence.summary),
): QuoteBlock[] {
  const blocks: QuoteBlock[] = [];
  for (const quote of quotes) {
    const speaker = evidence.facts.participants.get(quote.participantId);
    const visibility = quoteVisibility(
      {
        attribution: quote.attribution as Attribution,
        allowedUses: quote.allowedUses as QuoteUse[],
        withdrawn: quote.withdrawn,
        participantErased: speaker?.erased ?? false,
      },
      output,
    );
    const words = evidence.words.get(quote.quoteId);
    if (!visibility.show || words === undefined) continue;
    const name = visibility.attribution === 'named' ? evidence.names.get(quote.participantId)?.trim() : undefined;
    const attribution = attributeQuote(visibility.attribution, { name, roleLabel: roleNoun(speakerRole(speaker?.role ?? '', shownRoles)) });
    blocks.push({
      quoteId: quote.quoteId,
      text: words,
      attribution,
      ...(name && attribution.startsWith(name) ? { speaker: name } : {}),
      lang: quote.language,
      context: quote.context,
      outcomeIds: [...quote.outcomeIds],
    });
  }
  return blocks;
}

/** The project's quotes in the order they were captured. */
export function quotesInOrder(evidence: ProjectEvidence): QuoteFact[] {
  return [...evidence.facts.quotes.values()].sort((a, b) => a.capturedOn.localeCompare(b.capturedOn) || a.quoteId.localeCompare(b.quoteId));
}
