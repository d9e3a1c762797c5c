import type { LinearRelation } from './linear-audit';
import type { DisclosureDimension } from './sensitivity';

/**
 * A number an indicator publishes, in the terms disclosure control reasons about. The same id in two
 * indicators is the same quantity (the people who are carers are counted in the roles table and are
 * the n of the carers' hours), so hiding it in one hides it everywhere it is published.
 */
export interface DisclosedQuantity {
  id: string;
  /** Exact, in whole units where it can be: minutes, pence, people, sums of whole-point answers. */
  value: number;
  /** The dimension it is a cell of, or null for a total. */
  dimension: DisclosureDimension | null;
  category: string | null;
  /** How many people it rests on; null where it counts things (sessions, decisions). */
  restsOn: number | null;
  /** What a reader knows of it when hidden; a hidden cell is at least 1 (empty cells are not listed). */
  min?: number;
  max?: number;
  /** Whole numbers only; true unless said otherwise. */
  integer?: boolean;
}

/** Which quantities a breakdown cell publishes: its value, and its n where that is a count of people. */
export interface CellQuantities {
  value: string;
  n?: string;
}

/**
 * Cells of a protected dimension that are hidden are not listed one by one (a row of "not shown"
 * tells that someone is in that group) but merged into one row, beside the categories that are
 * empty: `universe` names every protected category the row could hold.
 */
export interface MergedRow {
  dimension: DisclosureDimension;
  key: string;
  label: string;
  universe: readonly { category: string; value: string; n?: string }[];
  /**
   * The merged row is itself protected as this category when the people behind it are too few
   * (an amount of money merged from one person's claims is still their payment); its n is then never published.
   */
  protectAs?: { dimension: DisclosureDimension; category: string };
}

/** How an indicator's published numbers relate, so that disclosure control can judge them together. */
export interface DisclosureSpec {
  quantities: DisclosedQuantity[];
  relations: LinearRelation[];
  /** The quantity the headline value publishes. */
  value?: string;
  /** Aligned with the breakdown: the quantities each cell publishes (null: nothing to protect). */
  breakdown?: (CellQuantities | null)[];
  /** Where hidden cells of the breakdown go instead of being listed. */
  merge?: MergedRow;
  /** Hidden cells are left out of the breakdown altogether (cells that overlap, such as seldom-heard groups, cannot be merged). */
  dropHidden?: boolean;
  secondary?: (CellQuantities | null)[];
  /** Numbers inside the listing items, by item index and field. */
  items?: { index: number; field: string; id: string }[];
}
