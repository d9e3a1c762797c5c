import { INDICATOR_CATALOGUE } from './catalogue';
import { FrameworkView, IndicatorContext, IndicatorResult } from './indicator';
import { ProjectFacts } from './project-facts';

/** The parts of a framework an outcome summary reads. */
export interface OutcomeFrameworkView extends FrameworkView {
  outcomes: { id: string; number: number; title: string; tailoredPerProject: boolean; indicators: readonly string[]; quoteKind: string }[];
}

export interface OutcomeSection {
  id: string;
  number: number;
  title: string;
  /** The project's own wording of this outcome, where it was tailored. */
  tailoredWording: string | null;
  quoteKind: string;
  indicators: IndicatorResult[];
  /** Quotes tagged to this outcome, never a withdrawn one (attribution and uses are applied where they are shown). */
  quoteIds: string[];
}

export interface OutcomeSummary {
  framework: { id: string; name: string; version: string };
  outcomes: OutcomeSection[];
  /** Every indicator in the catalogue, computed once. */
  indicators: Record<string, IndicatorResult>;
  suppressionThreshold: number;
}

/** Computes every indicator once and arranges them under the framework's outcomes. */
export function summariseOutcomes(facts: ProjectFacts, context: IndicatorContext & { framework: OutcomeFrameworkView }): OutcomeSummary {
  const indicators: Record<string, IndicatorResult> = {};
  for (const [id, definition] of INDICATOR_CATALOGUE) indicators[id] = definition.compute(facts, context);
  const quotes = [...facts.quotes.values()].filter((q) => !q.withdrawn);
  return {
    framework: { id: context.framework.id, name: context.framework.name, version: context.framework.version },
    outcomes: context.framework.outcomes.map((outcome) => ({
      id: outcome.id,
      number: outcome.number,
      title: outcome.title,
      tailoredWording: facts.tailoredOutcomes[outcome.id]?.wording ?? (outcome.tailoredPerProject ? facts.project?.improvementSought ?? null : null),
      quoteKind: outcome.quoteKind,
      indicators: outcome.indicators.map((id) => indicators[id]).filter((r): r is IndicatorResult => r !== undefined),
      quoteIds: quotes.filter((q) => q.outcomeIds.includes(outcome.id)).map((q) => q.quoteId),
    })),
    indicators,
    suppressionThreshold: context.suppressionThreshold,
  };
}
