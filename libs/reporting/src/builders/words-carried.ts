import type { ProjectFacts } from '@coprod/frameworks';
import type { ReportBlock, ReportModel, ReportSection } from '../model/report-model';

/** One participant whose words a report carries, with the quotes and contributions of theirs it shows. */
export interface WordsCarried {
  participantId: string;
  quoteIds: string[];
  contributionIds: string[];
}

/**
 * Whose words a built report carries, read from the report as it will be rendered (its definition
 * applied, so a section a council left out carries nothing): the speakers of its quotes and the
 * people behind the contributions it lists. In order of participant id.
 */
export function wordsCarried(model: ReportModel, facts: ProjectFacts): WordsCarried[] {
  const carried = new Map<string, WordsCarried>();
  const of = (participantId: string) => {
    const found = carried.get(participantId) ?? { participantId, quoteIds: [], contributionIds: [] };
    carried.set(participantId, found);
    return found;
  };
  const contributions = new Map(facts.contributions.map((c) => [c.contributionId, c]));
  for (const block of blocksOf(model.sections)) {
    if (block.kind === 'quote' && block.quote.quoteId) {
      const quote = facts.quotes.get(block.quote.quoteId);
      if (quote) addOnce(of(quote.participantId).quoteIds, quote.quoteId);
    } else if (block.kind === 'list') {
      for (const contributionId of block.contributionIds ?? []) {
        for (const participantId of contributions.get(contributionId)?.participantIds ?? []) addOnce(of(participantId).contributionIds, contributionId);
      }
    }
  }
  return [...carried.values()].sort((a, b) => a.participantId.localeCompare(b.participantId));
}

function blocksOf(sections: readonly ReportSection[]): ReportBlock[] {
  return sections.flatMap((section) => [...section.blocks, ...blocksOf(section.subsections ?? [])]);
}

function addOnce(ids: string[], id: string): void {
  if (!ids.includes(id)) ids.push(id);
}
