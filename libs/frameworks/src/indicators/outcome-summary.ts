import { describeProtection, discloseResults, ProtectionDescription } from '../disclosure/disclose';
import { sensitivityPolicy } from '../disclosure/sensitivity';
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
  /** What disclosure control protected in these figures and why, for the method section. */
  protection: ProtectionDescription;
}

/**
 * Computes every indicator once, applies disclosure control to all of them together (so nothing hidden
 * in one can be worked out from another), and arranges them under the framework's outcomes. Every
 * output (JSON, pages, reports) starts from this summary, so none sees a number disclosure control withheld.
 */
export function summariseOutcomes(facts: ProjectFacts, context: IndicatorContext & { framework: OutcomeFrameworkView }): OutcomeSummary {
  const policy = context.sensitivity ?? sensitivityPolicy(context.framework.disclosure?.dimensions);
  const raw = [...INDICATOR_CATALOGUE.values()].map((definition) => definition.compute(facts, context));
  const disclosed = discloseResults(raw, context.suppressionThreshold, policy, (shown) =>
    INDICATOR_CATALOGUE.get(shown.id)?.restate?.(shown, context),
  );
  if (disclosed.unprotected.length > 0) {
    throw new Error(
      `disclosure control could not protect ${disclosed.unprotected.join(', ')}; no figure is published rather than one that discloses a person`,
    );
  }
  const indicators: Record<string, IndicatorResult> = Object.fromEntries(disclosed.results.map((r) => [r.id, r]));
  const quotes = [...facts.quotes.values()].filter((q) => !q.withdrawn);
  return {
    framework: { id: context.framework.id, name: context.framework.name, version: context.framework.version },
    outcomes: context.framework.outcomes.map((outcome) => ({
      id: outcome.id,
      number: outcome.number,
      title: outcome.title,
      tailoredWording:
        facts.tailoredOutcomes[outcome.id]?.wording ?? (outcome.tailoredPerProject ? (facts.project?.improvementSought ?? null) : null),
      quoteKind: outcome.quoteKind,
      indicators: outcome.indicators.map((id) => indicators[id]).filter((r): r is IndicatorResult => r !== undefined),
      quoteIds: quotes.filter((q) => q.outcomeIds.includes(outcome.id)).map((q) => q.quoteId),
    })),
    indicators,
    suppressionThreshold: context.suppressionThreshold,
    protection: describeProtection(policy, context.suppressionThreshold, context.framework.disclosure?.threshold),
  };
}

/**
 * One indicator with disclosure control applied to it alone. An output applies it to all its
 * indicators at once (`summariseOutcomes`), so that none can be worked out from another.
 */
export function computeDisclosed(id: string, facts: ProjectFacts, context: IndicatorContext): IndicatorResult {
  const definition = INDICATOR_CATALOGUE.get(id);
  if (!definition) throw new Error(`no indicator ${id} in the catalogue`);
  const policy = context.sensitivity ?? sensitivityPolicy(context.framework.disclosure?.dimensions);
  const { results, unprotected } = discloseResults([definition.compute(facts, context)], context.suppressionThreshold, policy, (shown) =>
    definition.restate?.(shown, context),
  );
  if (unprotected.length > 0) throw new Error(`disclosure control could not protect ${unprotected.join(', ')}`);
  return results[0];
}
