import type { BreakdownEntry, IndicatorResult } from '@coprod/frameworks';
import { formatChartValue, formatChartValueWithUnit } from '../charts/chart-format';
import type { ChartSpec, ChartValueFormat, Figure, ReportBlock, TableSpec } from '../model/report-model';
import { datesInWords, longDate } from './report-provenance';

const decimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** An indicator's headline value in words a reader expects: hours, pounds, percentages. */
export function indicatorValue(result: IndicatorResult): string {
  const v = result.value;
  if (result.valueLabel !== undefined) return result.valueLabel;
  if (v === null) return 'Not available';
  switch (result.unit) {
    case 'hours':
      return `${decimal.format(v)} hours`;
    case 'pence':
      return formatChartValue(v, 'pence');
    case 'percent':
      return `${decimal.format(v)}%`;
    case 'score':
      return `${v > 0 ? '+' : ''}${decimal.format(v)} on a 1 to 5 scale`;
    default:
      return decimal.format(v);
  }
}

/** Listings, sessions, decisions and levels count things, not people: an n of people would be a base they do not rest on. */
function peopleBasis(result: IndicatorResult): number | null {
  if (['sessions', 'decisions', 'level', 'flags'].includes(result.unit)) return null;
  return result.unit === 'items' && result.n === 0 ? null : result.n;
}

/**
 * The indicator's note as a reader may see it. Without a population profile the note tells the
 * council's operator what file to supply; the statement already says plainly what is not known, so a
 * published report leaves the instruction out.
 */
function readerNote(result: IndicatorResult): string | undefined {
  return result.id === 'reach_against_population' && result.items.length === 0 ? undefined : result.note;
}

/** The indicator's headline as a figure with its n and evidence. */
export function indicatorFigure(result: IndicatorResult, label = result.title): Figure {
  const suppressedCells = result.breakdown.filter((cell) => cell.suppressed).length;
  const notes = [
    datesInWords(result.statement).replace(/\.$/, ''),
    readerNote(result)?.replace(/\.$/, ''),
    suppressedCells > 0
      ? `${suppressedCells} of ${result.breakdown.length} ${result.breakdown.length === 1 ? 'group' : 'groups'} in its breakdown ${suppressedCells === 1 ? 'rests' : 'rest'} on too few people and ${suppressedCells === 1 ? 'is' : 'are'} not shown`
      : undefined,
  ].filter((note): note is string => Boolean(note));
  return {
    label,
    value: indicatorValue(result),
    n: peopleBasis(result),
    suppressed: false,
    sourceEventIds: [...result.sourceEventIds],
    ...(notes.length ? { note: `${notes.join('. ')}.` } : {}),
  };
}

/**
 * How a breakdown's values are held in a chart: hours charts take minutes, pence charts take pence.
 * Most breakdowns count people or things even where the headline is a share; only the population
 * comparison holds shares.
 */
function chartValues(
  result: IndicatorResult,
  cells: BreakdownEntry[],
): { format: ChartValueFormat; values: (number | null)[]; name: string; unit: string } {
  const values = cells.map((c) => c.value);
  if (result.unit === 'hours')
    return { format: 'hours', values: values.map((v) => (v === null ? null : Math.round(v * 60))), name: 'Time given', unit: 'hours' };
  if (result.unit === 'pence') return { format: 'pence', values, name: 'Paid', unit: 'pounds' };
  if (result.id === 'reach_against_population') return { format: 'percent', values, name: 'Share', unit: 'per cent' };
  const counted =
    { people: 'people', sessions: 'sessions', decisions: 'decisions', percent: 'people' }[(result.breakdownUnit ?? result.unit) as string] ?? '';
  return { format: 'integer', values, name: 'Number', unit: counted };
}

const AND_LIST = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });

/**
 * A chart of an indicator's breakdown, or none where there is nothing to draw or the values are
 * not whole quantities (mean scores are shown as a table instead).
 */
export function breakdownChart(result: IndicatorResult, id: string): ChartSpec | undefined {
  const cells = result.breakdown;
  if (cells.length === 0 || result.unit === 'score' || cells.every((c) => c.value === null || c.value === 0)) return undefined;
  const { format, values, name, unit } = chartValues(result, cells);
  const shownAt = cells.map((c, i) => i).filter((i) => values[i] !== null);
  const largest = Math.max(...shownAt.map((i) => values[i] ?? 0));
  // Groups that tie for the largest are all named: naming one would tell the reader it stands alone.
  const top = shownAt.filter((i) => values[i] === largest);
  // A chart with one bar says nothing a figure does not: it is drawn only where two shown groups have a bar to draw.
  if (shownAt.filter((i) => values[i] !== 0).length < 2) return undefined;
  const hidden = cells.length - shownAt.length;
  const message = [
    `${result.title}, by ${cells.length} groups.`,
    top.length === 1
      ? `The largest is ${cells[top[0]].label.toLowerCase()}, at ${formatChartValueWithUnit(largest, format, unit)}.`
      : `The largest are ${AND_LIST.format(top.map((i) => cells[i].label.toLowerCase()))}, at ${formatChartValueWithUnit(largest, format, unit)} each.`,
    hidden ? `${hidden} ${hidden === 1 ? 'group is' : 'groups are'} not shown because too few people are in ${hidden === 1 ? 'it' : 'them'}.` : '',
  ];
  return {
    id,
    type: 'horizontal_bar',
    title: result.title,
    alt: message.filter(Boolean).join(' '),
    categories: cells.map((c) => c.label),
    series: [{ name, values }],
    unit,
    valueFormat: format,
    // The n says how many people a chart rests on; a count of things no person is counted in (reflections) has none.
    ...(result.n > 0 ? { n: result.n } : {}),
  };
}

/** A breakdown as a table with its n per row; suppressed cells say so. */
export function breakdownTable(
  caption: string,
  cells: BreakdownEntry[],
  valueHeading: string,
  format: (v: number) => string = decimal.format,
): TableSpec {
  return {
    caption,
    columns: ['Group', valueHeading, 'People (n)'],
    rows: cells.map((c) => [
      c.label,
      c.value === null ? 'not shown' : format(c.value),
      c.suppressed ? 'too few to show' : c.n === null ? '–' : String(c.n),
    ]),
    rowHeaders: true,
  };
}

/**
 * What the body of a report prints for an indicator: its figure with n and statement, and for service
 * measures the table against baseline, which is the evidence of the improvement sought.
 */
export function indicatorHeadlineBlocks(result: IndicatorResult): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'figure', figure: indicatorFigure(result) }];
  if (result.id === 'service_measures' && result.items.length > 0) blocks.push({ kind: 'table', table: measuresTable(result) });
  return blocks;
}

/**
 * The breakdown behind an indicator's figure, for an appendix of figures: a chart where two shown
 * groups have a bar to draw, a table of mean changes for scores, a table where a chart would say nothing.
 */
export function indicatorDetailBlocks(result: IndicatorResult, chartId: string): ReportBlock[] {
  const chart = breakdownChart(result, chartId);
  if (chart) return [{ kind: 'chart', chart }];
  if (result.unit === 'score' && result.breakdown.length > 0) {
    return [
      {
        kind: 'table',
        table: breakdownTable(`${result.title}: mean change per item`, result.breakdown, 'Mean change (1 to 5 scale)', signed),
      },
    ];
  }
  if (result.breakdown.length > 1 && result.breakdown.some((c) => c.value !== null && c.value !== 0)) {
    return [{ kind: 'table', table: breakdownTable(result.title, result.breakdown, result.unit === 'hours' ? 'Hours' : 'Number') }];
  }
  return [];
}

/** A mean change with its sign, e.g. "+1.13". */
export function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${decimal.format(value)}`;
}

/** A number in report style (up to two decimals, thousands separated). */
/** Each service measure against its baseline: the evidence that the improvement sought happened. */
function measuresTable(result: IndicatorResult): TableSpec {
  const num = (v: unknown) => (typeof v === 'number' ? decimal.format(v) : '–');
  return {
    caption: 'Service measures against their baseline',
    columns: ['Measure', 'Baseline', 'Latest', 'Change', 'Better?'],
    rows: result.items.map((i) => [
      String(i.measure),
      `${num(i.baseline)} (${longDate(String(i.baselineOn))})`,
      i.latest === null ? 'No reading yet' : `${num(i.latest)} (${longDate(String(i.latestOn))})`,
      typeof i.change === 'number' ? signed(i.change) : '–',
      i.improved === null ? '–' : i.improved ? 'Yes' : 'No',
    ]),
    rowHeaders: true,
  };
}
