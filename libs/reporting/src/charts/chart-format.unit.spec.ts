import type { ChartSpec } from '../model/report-model';
import { chartNumbersInWords, formatChartValueWithUnit } from './chart-format';

const chart = (values: (number | null)[], unit: string, valueFormat: ChartSpec['valueFormat'] = 'integer'): ChartSpec => ({
  id: 'c',
  type: 'bar',
  title: 'Who took part',
  alt: '',
  categories: values.map((_, i) => `Group ${i + 1}`),
  series: [{ name: 'Number', values }],
  unit,
  valueFormat,
});

describe("a chart's numbers in words", () => {
  it('agrees the noun with the number: 0 people, 1 person, 2 people, and a hidden value takes no unit', () => {
    expect(chartNumbersInWords(chart([0, 1, 2, null], 'people'))).toBe(
      'The numbers: Group 1: 0 people; Group 2: 1 person; Group 3: 2 people; Group 4: not shown.',
    );
    expect(chartNumbersInWords(chart([1, 3], 'sessions'))).toBe('The numbers: Group 1: 1 session; Group 2: 3 sessions.');
    expect(chartNumbersInWords(chart([1], 'decisions'))).toBe('The numbers: Group 1: 1 decision.');
  });

  it('writes hours as decimals in the plural, and money and shares with their own sign and no unit', () => {
    expect(formatChartValueWithUnit(60, 'hours', 'hours')).toBe('1.0 hours');
    expect(formatChartValueWithUnit(90, 'hours', 'hours')).toBe('1.5 hours');
    expect(formatChartValueWithUnit(800, 'pence', 'pounds')).toBe('£8.00');
    expect(formatChartValueWithUnit(1, 'percent', 'per cent')).toBe('1%');
    expect(formatChartValueWithUnit(1, 'integer', '')).toBe('1');
  });
});
