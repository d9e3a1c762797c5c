import { BreakdownEntry, IndicatorResult } from '@coprod/frameworks';

/** One breakdown cell as [key, value, n, suppressed]. */
export type Cell = [string, number | null, number | null, boolean];

/** The parts of an indicator a hand check states: value, n and every breakdown cell. */
export interface Digest {
  value: number | null;
  n: number;
  breakdown: Cell[];
  secondary?: Cell[];
}

/** A people cell shown: `value` resting on `n` people. */
export const shown = (key: string, value: number, n: number): Cell => [key, value, n, false];
/** A people cell resting on fewer people than the threshold: its value is withheld. */
export const hidden = (key: string, n: number): Cell => [key, null, n, true];
/** The row small protected groups are counted in together (their names are not listed). */
export const merged = (value: number | null, n: number | null): Cell => ['not_shown_separately', value, n, value === null];
/** A cell counting things, not people: never suppressed. */
export const count = (key: string, value: number): Cell => [key, value, null, false];

const cell = (b: BreakdownEntry): Cell => [b.key, b.value, b.n, b.suppressed];

export function digest(result: IndicatorResult): Digest {
  const d: Digest = { value: result.value, n: result.n, breakdown: result.breakdown.map(cell) };
  if (result.secondaryBreakdown) d.secondary = result.secondaryBreakdown.map(cell);
  return d;
}
