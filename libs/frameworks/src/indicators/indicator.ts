import type { DisclosureSpec } from '../disclosure/disclosure-spec';
import type { EffectiveDisclosure } from '../disclosure/council-file';
import type { SensitivityPolicy } from '../disclosure/sensitivity';
import { ProjectFacts } from './project-facts';

/** One cell of a breakdown. `value` is null when suppressed. */
export interface BreakdownEntry {
  key: string;
  label: string;
  value: number | null;
  /** People this cell rests on (null where the cell counts things, not people). */
  n: number | null;
  suppressed: boolean;
}

/** One line of a listing indicator ("you said, we did", stage history, ...). */
export type IndicatorItem = Record<string, string | number | boolean | null | string[]> & { eventIds: string[] };

export type IndicatorUnit = 'people' | 'hours' | 'sessions' | 'percent' | 'decisions' | 'pence' | 'items' | 'score' | 'flags' | 'level';

/** What every indicator returns: a value, its breakdown, the people it rests on, and its evidence. */
export interface IndicatorResult {
  id: string;
  title: string;
  unit: IndicatorUnit;
  value: number | null;
  /** The words for the value where it is a level rather than a count ("Co-production"). */
  valueLabel?: string;
  /** Number of people the figure rests on. */
  n: number;
  breakdown: BreakdownEntry[];
  /** What the breakdown's cells count, where it differs from the headline's unit (a share of people broken down in people). */
  breakdownUnit?: IndicatorUnit;
  /** A second breakdown where one is customary (e.g. Needham & Carr beside the TLAP ladder). */
  secondaryBreakdown?: BreakdownEntry[];
  items: IndicatorItem[];
  /** Plain-English statement of the figure, for reports and alt text. */
  statement: string;
  note?: string;
  sourceEventIds: string[];
}

/** Settings an indicator needs besides the facts. */
export interface IndicatorContext {
  /** Breakdown cells resting on fewer people than this are suppressed. */
  suppressionThreshold: number;
  /** Local population shares by seldom-heard group id, when the council supplies a profile. */
  population?: { area: string; source: string; groups: { id: string; name: string; share: number }[] };
  framework: FrameworkView;
  /** Which dimensions are protected; the framework's overrides of the defaults when not given. */
  sensitivity?: SensitivityPolicy;
}

/** The parts of a framework the indicators read. */
export interface FrameworkView {
  id: string;
  name: string;
  version: string;
  principles: { id: string; name: string }[];
  setupActivities: { id: string; name: string }[];
  notCoproduction: { id: string; description: string; check: string | null }[];
  /** The framework's changes to which dimensions are protected, with the council's settings file laid over them where there is one. */
  disclosure?: EffectiveDisclosure;
}

export interface IndicatorDefinition {
  id: string;
  title: string;
  /** What it measures and how, for the methods section. */
  description: string;
  /**
   * The figure with every true number, and (where it publishes numbers about people) how they relate:
   * disclosure control reads that, for every indicator of an output at once, before anything is shown.
   */
  compute(facts: ProjectFacts, context: IndicatorContext): IndicatorResult & { disclosure?: DisclosureSpec };
  /** The statement written again from the figure as shown, where it mentions a number that can be hidden. */
  restate?(shown: IndicatorResult, context: IndicatorContext): string;
}

/** A breakdown cell resting on `n` people; disclosure control decides later whether it is shown. */
export function peopleCell(key: string, label: string, value: number, n: number): BreakdownEntry {
  return { key, label, value, n, suppressed: false };
}

/** A breakdown cell counting things rather than people. */
export function countCell(key: string, label: string, value: number): BreakdownEntry {
  return { key, label, value, n: null, suppressed: false };
}

export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

export function hours(minutes: number): number {
  return Math.round((minutes / 60) * 10) / 10;
}

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** "person_drawing_on_care" -> "Person drawing on care". */
export function label(key: string): string {
  const text = key.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
