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

export type IndicatorUnit = 'people' | 'hours' | 'sessions' | 'percent' | 'decisions' | 'pence' | 'items' | 'score' | 'flags';

/** What every indicator returns: a value, its breakdown, the people it rests on, and its evidence. */
export interface IndicatorResult {
  id: string;
  title: string;
  unit: IndicatorUnit;
  value: number | null;
  /** Number of people the figure rests on. */
  n: number;
  breakdown: BreakdownEntry[];
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
}

/** The parts of a framework the indicators read. */
export interface FrameworkView {
  id: string;
  name: string;
  version: string;
  principles: { id: string; name: string }[];
  setupActivities: { id: string; name: string }[];
  notCoproduction: { id: string; description: string; check: string | null }[];
}

export interface IndicatorDefinition {
  id: string;
  title: string;
  /** What it measures and how, for the methods section. */
  description: string;
  compute(facts: ProjectFacts, context: IndicatorContext): IndicatorResult;
}

/** A people-based breakdown cell, suppressed when it rests on too few people. */
export function peopleCell(key: string, label: string, value: number, n: number, threshold: number): BreakdownEntry {
  const suppressed = n > 0 && n < threshold;
  return { key, label, value: suppressed ? null : value, n, suppressed };
}

/** A breakdown cell counting things rather than people: never suppressed. */
export function countCell(key: string, label: string, value: number): BreakdownEntry {
  return { key, label, value, n: null, suppressed: false };
}

/**
 * A share of people, withheld when the people on either side of it are too few: with its n, a share
 * such as 71.4% of 7 would reveal that exactly 2 people did not come back.
 */
export function peopleShare(part: number, whole: number, threshold: number): { value: number | null; suppressed: boolean } {
  const small = (count: number) => count > 0 && count < threshold;
  if (small(part) || small(whole - part)) return { value: null, suppressed: true };
  return { value: percent(part, whole), suppressed: false };
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
