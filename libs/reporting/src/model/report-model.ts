/**
 * A report as plain, serialisable data: every number, quote and chart series a renderer needs,
 * with the provenance that lets a reader rebuild it. Renderers never compute figures or read the clock.
 */

/** Which report this is; decides the definition file and the default section order. */
export type ReportKind = 'case_study' | 'committee_extract' | 'audit_history';

/** One report, ready to render as PDF, HTML or Markdown. */
export interface ReportModel {
  kind: ReportKind;
  title: string;
  subtitle?: string;
  /** BCP 47 language of the report, e.g. `en-GB`. */
  lang: string;
  /** The body that publishes the report, e.g. "West Berkshire Council". */
  publisher: string;
  /** Label/value pairs shown on the cover: project, aim, period, framework... */
  cover: CoverItem[];
  sections: ReportSection[];
  provenance: Provenance;
  /** Figures resting on fewer people than this are suppressed; renderers say so in words. */
  suppressionThreshold?: number;
  /** How the report is laid out in print; absent, it has a cover page and plain paragraphs. */
  layout?: ReportLayout;
}

/**
 * Print layout choices a report kind makes, so every renderer (PDF, Word, HTML) lays it out alike:
 * a committee section drops into another document, so it has no cover and numbers its paragraphs.
 */
export interface ReportLayout {
  /** False: the title and facts open the first page instead of filling a cover page of their own. */
  coverPage?: boolean;
  /** Paragraphs are numbered 1, 2, 3... through the report (not the provenance), as committee papers number theirs. */
  numberedParagraphs?: boolean;
  /** Printed on every page, e.g. "Not for publication" on an internal version. */
  marking?: string;
  /** Landscape pages, for wide tables such as an auditor's list of events. */
  landscape?: boolean;
  /**
   * Laid out tightly, for a section that drops into another document (a committee paper): smaller headings,
   * less space between blocks, and the provenance as a short closing note rather than a page of its own.
   */
  compact?: boolean;
}

/** One label/value line of the cover page. */
export interface CoverItem {
  label: string;
  value: string;
}

/** A headed part of the report; subsections nest one level (e.g. one per framework outcome). */
export interface ReportSection {
  id: string;
  heading: string;
  blocks: ReportBlock[];
  subsections?: ReportSection[];
  /** Values a definition's heading template may use, e.g. `{ number: '1', title: 'Influence' }`. */
  headingValues?: Record<string, string>;
}

/**
 * The content of a section, in reading order. A list of what people proposed names the contributions
 * it shows (`contributionIds`), so the register of whose words a report carried can be kept.
 */
export type ReportBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'key_figures'; figures: Figure[] }
  | { kind: 'figure'; figure: Figure }
  | { kind: 'chart'; chart: ChartSpec }
  | { kind: 'table'; table: TableSpec }
  | { kind: 'quote'; quote: QuoteBlock }
  | { kind: 'list'; items: string[]; contributionIds?: string[] }
  | { kind: 'notice'; text: string };

/** The kinds of block a section can hold. */

/** One headline number with how many people it rests on and the events it came from. */
export interface Figure {
  label: string;
  value: string;
  /** How many people the figure rests on; null where a count of people does not apply. */
  n: number | null;
  /** True when the figure is withheld because too few people would be identifiable. */
  suppressed: boolean;
  sourceEventIds: string[];
  note?: string;
}

/** How a chart's values are written in labels and its data table. */
export type ChartValueFormat = 'integer' | 'hours' | 'percent' | 'pence';

/** A chart's data; it is drawn as an image and always accompanied by a table of the same numbers. */
export interface ChartSpec {
  id: string;
  type: 'bar' | 'horizontal_bar' | 'stacked_bar';
  title: string;
  /** Text alternative: what the chart shows and its main finding. */
  alt: string;
  categories: string[];
  /** One value per category; null where the value is suppressed or unknown. */
  series: ChartSeries[];
  unit: string;
  valueFormat?: ChartValueFormat;
  /** How many people the chart rests on: drawn at its foot and read out with its numbers. Absent where a chart is not about people. */
  n?: number;
}

/** One named series of a chart, aligned with the chart's categories. */
export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

/** A data table; with `rowHeaders` the first cell of each row heads that row. */
export interface TableSpec {
  caption: string;
  columns: string[];
  rows: string[][];
  rowHeaders: boolean;
  /** Print widths of the columns in points, '*' sharing what is left; equal shares when absent. */
  widths?: (number | '*')[];
}

/** A participant's own words, published under the consent they gave. */
export interface QuoteBlock {
  /** The recorded quote these words are; never printed. */
  quoteId?: string;
  text: string;
  attribution: string;
  /** The speaker's name as `attribution` prints it, when their consent names them: renderers set it apart from the words around it. */
  speaker?: string;
  /** BCP 47 language of the words, e.g. `cy` for Welsh. */
  lang: string;
  context?: string;
  outcomeIds: string[];
}

/** Where the report's numbers came from, and how to rebuild exactly this report. */
export interface Provenance {
  firstPosition: number;
  lastPosition: number;
  eventCount: number;
  lastEventHash: string;
  /** SHA-256 over every event that shaped the figures, with the clocks and framework: see the outcome query. */
  provenanceDigest?: string;
  chainHead: { position: number; hash: string };
  frameworkId?: string;
  frameworkVersion?: string;
  /** ISO date-time: what had happened by then (by `occurredAt`). */
  asOf: string;
  /** ISO date-time: what had been recorded by then. */
  knownAt: string;
  /** ISO date-time the report was produced; renderers stamp output with it, never with the clock. */
  generatedAt: string;
  definitionVersion: string;
  regenerateCommand: string;
  /** The kind of event store ("the embedded event store", "EventStoreDB"): never a path or a host. */
  storeDescription: string;
}
