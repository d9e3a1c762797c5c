import type { BreakdownEntry, IndicatorItem, IndicatorResult } from '../indicators/indicator';
import type { CellQuantities, DisclosedQuantity, DisclosureSpec } from './disclosure-spec';
import { AuditQuantity, LinearRelation, recoverable, sumRelation } from './linear-audit';
import type { ThresholdSetting } from './council-file';
import { DISCLOSURE_DIMENSIONS, isProtected, SensitivityPolicy, SensitivitySource } from './sensitivity';

/** An indicator as computed, before disclosure control: every true number, and how they relate. */
export type RawIndicatorResult = IndicatorResult & { disclosure?: DisclosureSpec };

/** What was protected in an output and why, for its method section. No count of what was hidden is given. */
export interface ProtectionDescription {
  threshold: number;
  /** Why the threshold is what it is, when the council's settings file set it. */
  thresholdReason?: string;
  /** The dimensions whose cells were protected, each with the reason, any categories exempt, and who changed the default. */
  protectedDimensions: { dimension: string; reason: string; publicCategories: string[]; setBy?: SensitivitySource }[];
  /** Dimensions shown as they are, with why and who changed the default. */
  publicDimensions: { dimension: string; reason: string; setBy?: SensitivitySource }[];
  /** The sentences a method section prints. */
  sentences: string[];
}

export interface DisclosureOutcome {
  results: IndicatorResult[];
  /** Hidden quantities a reader could still pin down (empty unless the output cannot be protected at all). */
  unprotected: string[];
  protection: ProtectionDescription;
}

interface Merge {
  otherValue: string;
  otherN: string | null;
  spec: NonNullable<DisclosureSpec['merge']>;
  cells: (CellQuantities | null)[];
}

/**
 * Disclosure control for one output, applied before any renderer sees a figure. Primary: a cell of a
 * protected dimension resting on fewer people than the threshold is hidden. Secondary: while a
 * reader could work out a hidden cell from the totals, the other cells, other indicators in the same
 * output, or bounds every reader knows, another cell is hidden (a protected one first, the smallest
 * first). Statements are then written from what is shown, so the words never tell a hidden number.
 */
export function discloseResults(
  raw: readonly RawIndicatorResult[],
  threshold: number,
  policy: SensitivityPolicy,
  restate: (result: IndicatorResult) => string | undefined = () => undefined,
): DisclosureOutcome {
  const quantities = new Map<string, DisclosedQuantity>();
  const relations: LinearRelation[] = [];
  const merges: Merge[] = [];
  const emptyPublic = new Set<string>();
  for (const result of raw) {
    const spec = result.disclosure;
    if (!spec) continue;
    for (const q of spec.quantities) {
      const seen = quantities.get(q.id);
      if (seen && seen.value !== q.value)
        throw new Error(
          `quantity ${q.id} is published as both ${seen.value} and ${q.value} (in ${result.id}); the same id must mean the same number`,
        );
      if (!seen) quantities.set(q.id, q);
    }
    relations.push(...spec.relations);
    if (spec.merge && spec.breakdown) {
      const otherValue = `${result.id}:${spec.merge.key}`;
      const withN = spec.merge.universe.some((u) => u.n !== undefined) && !spec.merge.protectAs;
      merges.push({ otherValue, otherN: withN ? `${otherValue}:n` : null, spec: spec.merge, cells: spec.breakdown });
      // Protected categories with nobody in them are not listed, and a reader cannot tell them from the merged ones.
      for (const u of spec.merge.universe) {
        for (const id of [u.value, u.n]) {
          if (id === undefined || quantities.has(id)) continue;
          quantities.set(id, { id, value: 0, dimension: spec.merge.dimension, category: u.category, restsOn: 0 });
          if (!isProtected(policy, spec.merge.dimension, u.category)) emptyPublic.add(id);
        }
      }
    }
  }
  // An empty public category is known to be empty: nobody was hidden there.
  const published = new Set<string>(emptyPublic);
  for (const result of raw) {
    const spec = result.disclosure;
    if (!spec) continue;
    if (spec.value) published.add(spec.value);
    for (const cell of [...(spec.breakdown ?? []), ...(spec.secondary ?? [])])
      if (cell) [cell.value, cell.n].forEach((id) => id && published.add(id));
    for (const item of spec.items ?? []) published.add(item.id);
  }

  const protectedQuantity = (q: DisclosedQuantity) => q.dimension !== null && q.category !== null && isProtected(policy, q.dimension, q.category);
  const hidden = new Set<string>();
  for (const id of published) {
    const q = quantities.get(id)!;
    if (protectedQuantity(q) && q.restsOn !== null && q.restsOn > 0 && q.restsOn < threshold) hidden.add(id);
  }
  const mustProtect = new Set(hidden);

  const mergedAway = (id: string) => merges.some((m) => m.spec.universe.some((u) => u.value === id || u.n === id));
  const unprotected: string[] = [];
  for (let round = 0; round <= published.size + merges.length; round++) {
    const { values, rels } = withMergedRows(quantities, relations, merges, hidden);
    // A merged row guarded as a category is withheld only while it rests on too few people: merging more cells into it can lift that.
    for (const m of merges) {
      const guard = m.spec.protectAs;
      if (!guard || !isProtected(policy, guard.dimension, guard.category)) continue;
      const listed = new Set(m.cells.filter((c): c is CellQuantities => c !== null && !hidden.has(c.value)).map((c) => c.value));
      const people = m.spec.universe.filter((u) => !listed.has(u.value)).reduce((s, u) => s + (u.n ? (quantities.get(u.n)?.value ?? 0) : 0), 0);
      const guarded = people > 0 && people < threshold && (values.get(m.otherValue) ?? 0) !== 0;
      if (guarded) {
        hidden.add(m.otherValue);
        mustProtect.add(m.otherValue);
        published.add(m.otherValue);
      } else if (mustProtect.has(m.otherValue)) {
        hidden.delete(m.otherValue);
        mustProtect.delete(m.otherValue);
      }
    }
    const known = (id: string) => (hidden.has(id) || !published.has(id) || !values.has(id) ? undefined : values.get(id));
    const audit = new Map<string, AuditQuantity>();
    for (const [id, q] of quantities) {
      if (known(id) !== undefined) continue;
      const merged = mergedAway(id);
      audit.set(id, { value: q.value, min: q.min ?? (merged || !published.has(id) ? 0 : 1), max: q.max ?? Infinity, integer: q.integer ?? true });
    }
    for (const m of merges)
      if (hidden.has(m.otherValue)) audit.set(m.otherValue, { value: values.get(m.otherValue) ?? 0, min: 0, max: Infinity, integer: true });
    const found = recoverable(audit, rels, known).filter(
      (r) => mustProtect.has(r.id) || (hidden.has(r.id) && quantities.has(r.id) && protectedQuantity(quantities.get(r.id)!)),
    );
    if (found.length === 0) break;
    const next = nextToHide(found[0].id, rels, (id) => known(id) !== undefined, quantities, values, protectedQuantity);
    if (!next) {
      unprotected.push(...found.map((f) => f.id));
      break;
    }
    hidden.add(next);
    if (merges.some((m) => m.otherValue === next || m.otherN === next)) published.add(next);
  }

  const { values } = withMergedRows(quantities, relations, merges, hidden);
  const results = raw.map((result) => {
    const shown = applyHiding(result, hidden, merges, values);
    const statement = result.disclosure ? restate(shown) : undefined;
    return statement ? { ...shown, statement } : shown;
  });
  return { results, unprotected, protection: describeProtection(policy, threshold) };
}

/** The merged rows' values and the relations they add, for the cells hidden so far. */
function withMergedRows(
  quantities: ReadonlyMap<string, DisclosedQuantity>,
  relations: readonly LinearRelation[],
  merges: readonly Merge[],
  hidden: ReadonlySet<string>,
) {
  const values = new Map([...quantities].map(([id, q]) => [id, q.value]));
  const rels = [...relations];
  for (const m of merges) {
    const listed = new Set(m.cells.filter((c): c is CellQuantities => c !== null && !hidden.has(c.value)).map((c) => c.value));
    const unlisted = m.spec.universe.filter((u) => !listed.has(u.value));
    values.set(
      m.otherValue,
      unlisted.reduce((s, u) => s + (quantities.get(u.value)?.value ?? 0), 0),
    );
    rels.push(
      sumRelation(
        m.otherValue,
        unlisted.map((u) => u.value),
      ),
    );
    if (m.otherN) {
      values.set(
        m.otherN,
        unlisted.reduce((s, u) => s + (u.n ? (quantities.get(u.n)?.value ?? 0) : 0), 0),
      );
      rels.push(
        sumRelation(
          m.otherN,
          unlisted.flatMap((u) => (u.n ? [u.n] : [])),
        ),
      );
    }
  }
  return { values, rels };
}

/** The published quantity to hide next so that `target` can no longer be worked out. */
function nextToHide(
  target: string,
  relations: readonly LinearRelation[],
  isShown: (id: string) => boolean,
  quantities: ReadonlyMap<string, DisclosedQuantity>,
  values: ReadonlyMap<string, number>,
  protectedQuantity: (q: DisclosedQuantity) => boolean,
): string | undefined {
  // Relations near the target first: those naming it, then any that shares a hidden quantity with them.
  const near = relations.filter((r) => r.terms.some(([id]) => id === target));
  const reach = new Set(near.flatMap((r) => r.terms.map(([id]) => id)));
  const around = [...near, ...relations.filter((r) => !near.includes(r) && r.terms.some(([id]) => reach.has(id) && !isShown(id)))];
  const candidates = [...new Set(around.flatMap((r) => r.terms.map(([id]) => id)))].filter(isShown);
  const tier = (id: string) => {
    const q = quantities.get(id);
    if (q && protectedQuantity(q)) return 0;
    if (!q || q.dimension !== null) return 1;
    return 2;
  };
  return candidates.sort((a, b) => tier(a) - tier(b) || Math.abs(values.get(a) ?? 0) - Math.abs(values.get(b) ?? 0) || a.localeCompare(b))[0];
}

function hideCell(cell: BreakdownEntry, refs: CellQuantities | null | undefined, hidden: ReadonlySet<string>): BreakdownEntry {
  if (!refs) return cell;
  const valueHidden = hidden.has(refs.value);
  const nHidden = refs.n !== undefined && hidden.has(refs.n);
  if (!valueHidden && !nHidden) return cell;
  return {
    ...cell,
    value: valueHidden ? null : cell.value,
    n: nHidden || (valueHidden && refs.n === refs.value) ? null : cell.n,
    suppressed: valueHidden || cell.suppressed,
  };
}

function applyHiding(
  result: RawIndicatorResult,
  hidden: ReadonlySet<string>,
  merges: readonly Merge[],
  values: ReadonlyMap<string, number>,
): IndicatorResult {
  const { disclosure: spec, ...plain } = result;
  if (!spec) return plain;
  const value = spec.value && hidden.has(spec.value) ? null : plain.value;
  let breakdown = plain.breakdown.map((cell, i) => hideCell(cell, spec.breakdown?.[i], hidden));
  const merge = merges.find((m) => m.cells === spec.breakdown);
  if (merge && spec.merge) {
    const kept = breakdown.filter((cell, i) => !(spec.breakdown?.[i] && hidden.has(spec.breakdown[i]!.value)));
    if (kept.length < breakdown.length) {
      const otherHidden = hidden.has(merge.otherValue);
      const raw = values.get(merge.otherValue) ?? 0;
      kept.push({
        key: spec.merge.key,
        label: spec.merge.label,
        value: otherHidden ? null : result.unit === 'hours' ? Math.round((raw / 60) * 10) / 10 : raw,
        // A merged row of people is its own n; a merged row of hours or money has the people behind it as n, unless that is guarded.
        n: otherHidden
          ? null
          : merge.otherN
            ? hidden.has(merge.otherN)
              ? null
              : (values.get(merge.otherN) ?? null)
            : result.unit === 'people'
              ? raw
              : null,
        suppressed: otherHidden,
      });
    }
    breakdown = kept;
  }
  if (spec.dropHidden) breakdown = breakdown.filter((cell, i) => !(spec.breakdown?.[i] && hidden.has(spec.breakdown[i]!.value)));
  const secondaryBreakdown = plain.secondaryBreakdown?.map((cell, i) => hideCell(cell, spec.secondary?.[i], hidden));
  const items = plain.items.map((item, index): IndicatorItem => {
    const refs = (spec.items ?? []).filter((r) => r.index === index && hidden.has(r.id));
    if (refs.length === 0) return item;
    return { ...item, ...Object.fromEntries(refs.map((r) => [r.field, null])), suppressed: true };
  });
  return { ...plain, value, breakdown, ...(secondaryBreakdown ? { secondaryBreakdown } : {}), items };
}

/** Whose setting a changed dimension is, as the method section says it. */
const SET_BY_WORDS: Record<SensitivitySource, string> = { framework: "the framework's setting", council: "the council's setting" };

/**
 * The method section's account of what is protected and why, from the policy the output was made under.
 * A dimension changed by the framework or the council's settings file says so, and a threshold the
 * council set prints its reason, so a reader sees every change and why it was made.
 */
export function describeProtection(policy: SensitivityPolicy, threshold: number, thresholdSetting?: ThresholdSetting): ProtectionDescription {
  const protectedDimensions = DISCLOSURE_DIMENSIONS.filter((d) => policy[d].protected).map((d) => ({
    dimension: d,
    reason: policy[d].reason,
    publicCategories: [...policy[d].publicCategories],
    ...(policy[d].setBy ? { setBy: policy[d].setBy } : {}),
  }));
  const publicDimensions = DISCLOSURE_DIMENSIONS.filter((d) => !policy[d].protected).map((d) => ({
    dimension: d,
    reason: policy[d].reason,
    ...(policy[d].setBy ? { setBy: policy[d].setBy } : {}),
  }));
  const words = (d: string) => d.replace(/_/g, ' ');
  const capital = (text: string) => text.replace(/^./, (c) => c.toUpperCase());
  const whose = (d: { setBy?: SensitivitySource }) => (d.setBy ? ` (${SET_BY_WORDS[d.setBy]})` : '');
  const councilThreshold = thresholdSetting && thresholdSetting.value === threshold ? thresholdSetting : undefined;
  return {
    threshold,
    ...(councilThreshold ? { thresholdReason: councilThreshold.reason } : {}),
    protectedDimensions,
    publicDimensions,
    sentences: [
      `Figures about ${protectedDimensions.map((d) => words(d.dimension)).join(', ')} are protected: a group of fewer than ${threshold} ${threshold === 1 ? 'person' : 'people'} is not shown, and further figures are withheld wherever a hidden one could be worked out from the totals, the other figures in this output or the words around them.`,
      ...(councilThreshold ? [`The threshold of ${threshold} is the council's setting: ${councilThreshold.reason}`] : []),
      // Categories a framework or council exempts are named, whatever its reason says: a reader sees what is shown.
      ...protectedDimensions.map(
        (d) =>
          `${capital(words(d.dimension))}${whose(d)}: ${d.reason}${d.setBy && d.publicCategories.length ? ` Shown all the same: ${d.publicCategories.map(words).join(', ')}.` : ''}`,
      ),
      `Shown as they are: ${publicDimensions.map((d) => words(d.dimension)).join(', ')}, and totals.`,
      // A dimension shown only because the framework or the council changed the default says why.
      ...publicDimensions.filter((d) => d.setBy).map((d) => `${capital(words(d.dimension))} is shown${whose(d)}: ${d.reason}`),
      'Small groups that are not shown are counted together in one row ("not shown separately"), and a quote is never attributed to a group that is not shown.',
    ],
  };
}
