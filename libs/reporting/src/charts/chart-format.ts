import type { ChartSpec, ChartValueFormat, TableSpec } from '../model/report-model';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/**
 * Writes a chart value for people: `hours` values are integer minutes shown as hours,
 * `pence` values are integer pence shown as pounds, `percent` values are already 0-100.
 */
export function formatChartValue(value: number | null, format: ChartValueFormat = 'integer'): string {
  if (value === null) return 'not shown';
  switch (format) {
    case 'integer':
      return integer.format(value);
    case 'hours':
      return oneDecimal.format(value / 60);
    case 'percent':
      return `${integer.format(value)}%`;
    case 'pence':
      return pounds.format(value / 100);
  }
}

const plurals = new Intl.PluralRules('en-GB');
/** The singular of each plural unit a chart counts in, so "1 person" and "1 session", never "1 people". */
const SINGULAR_UNITS: Readonly<Record<string, string>> = { people: 'person', sessions: 'session', decisions: 'decision', hours: 'hour' };

/**
 * A chart value with its unit, the noun agreeing with the number as written: "1 person", "2 people",
 * "1.0 hours" (a decimal takes the plural). Money and shares carry their own sign and take no unit.
 */
export function formatChartValueWithUnit(value: number | null, format: ChartValueFormat = 'integer', unit = ''): string {
  const written = formatChartValue(value, format);
  if (value === null || !unit || format === 'percent' || format === 'pence') return written;
  const one = format === 'integer' && plurals.select(value) === 'one';
  return `${written} ${one ? (SINGULAR_UNITS[unit] ?? unit) : unit}`;
}

/** The number a chart draws for a value: hours and pounds rather than minutes and pence. */
export function chartScaleValue(value: number, format: ChartValueFormat = 'integer'): number {
  if (format === 'hours') return value / 60;
  if (format === 'pence') return value / 100;
  return value;
}

/** The data table that accompanies every chart: one row per category, one column per series. */
export function chartTable(spec: ChartSpec): TableSpec {
  const unit = spec.unit ? ` (${spec.unit})` : '';
  return {
    caption: `${spec.title}: the numbers`,
    columns: ['', ...spec.series.map((s) => `${s.name}${unit}`)].map((c, i) => (i === 0 ? 'Category' : c)),
    rows: spec.categories.map((category, i) => [category, ...spec.series.map((s) => formatChartValue(s.values[i] ?? null, spec.valueFormat))]),
    rowHeaders: true,
  };
}

/**
 * A chart's numbers as one sentence. Print shows each figure once, so a printed chart carries its
 * numbers in its alternative text rather than in a table repeated beneath it.
 */
export function chartNumbersInWords(spec: ChartSpec): string {
  const rows = spec.categories.map((category, i) => {
    const values = spec.series.map(
      (s) => `${spec.series.length > 1 ? `${s.name} ` : ''}${formatChartValueWithUnit(s.values[i] ?? null, spec.valueFormat, spec.unit)}`,
    );
    return `${category}: ${values.join(', ')}`;
  });
  return `The numbers: ${rows.join('; ')}.`;
}

/**
 * The line under a chart saying how many people it rests on ("n = 14 people"), so the picture carries
 * its n wherever it is pasted; undefined for a chart whose builder gave no n.
 */
export function chartBaseLine(spec: ChartSpec): string | undefined {
  if (spec.n === undefined) return undefined;
  return `n = ${spec.n} ${plurals.select(spec.n) === 'one' ? 'person' : 'people'}`;
}

/**
 * A chart's alternative text: its title, what it shows, how many people it rests on, then its numbers, in
 * words where nothing else on the page gives them (print and Word) or pointing to the table beside it (HTML).
 */
export function chartDescription(spec: ChartSpec, numbers: 'in words' | 'in the table below'): string {
  const base = spec.n === undefined ? '' : ` Based on ${spec.n} ${plurals.select(spec.n) === 'one' ? 'person' : 'people'}.`;
  const tail = numbers === 'in words' ? chartNumbersInWords(spec) : 'The numbers are in the table below.';
  return numbers === 'in words' ? `${spec.title}. ${spec.alt}${base} ${tail}` : `${spec.alt}${base} ${tail}`;
}
