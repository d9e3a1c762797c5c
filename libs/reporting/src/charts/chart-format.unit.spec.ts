import type { ChartSpec } from '../model/report-model';
import {
  chartBaseLine,
  chartDescription,
  chartNumbersInWords,
  chartScaleValue,
  chartTable,
  formatChartValue,
  formatChartValueWithUnit,
} from './chart-format';

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

describe('chart values and their table', () => {
  it('counts in whole numbers unless told otherwise, with a thousands separator', () => {
    expect(formatChartValue(1234)).toBe('1,234');
    expect(formatChartValue(1234.4, 'integer')).toBe('1,234');
    expect(formatChartValueWithUnit(1)).toBe('1');
    expect(formatChartValueWithUnit(1, undefined, 'people')).toBe('1 person');
    expect(formatChartValueWithUnit(null, 'integer', 'people')).toBe('not shown');
    expect(formatChartValueWithUnit(2, 'integer', 'groups')).toBe('2 groups');
    expect(formatChartValueWithUnit(1, 'integer', 'groups')).toBe('1 groups');
  });

  it('draws hours from minutes and pounds from pence, and anything else as it is', () => {
    expect(chartScaleValue(90, 'hours')).toBe(1.5);
    expect(chartScaleValue(250, 'pence')).toBe(2.5);
    expect(chartScaleValue(40, 'percent')).toBe(40);
    expect(chartScaleValue(7)).toBe(7);
  });

  it('gives a chart its table: a caption naming it, a column per series with the unit, a row per category', () => {
    const spec = {
      ...chart([60, null], 'hours', 'hours'),
      series: [
        { name: 'Co-design', values: [60, null] },
        { name: 'Co-delivery', values: [120, 30] },
      ],
    };
    expect(chartTable(spec)).toEqual({
      caption: 'Who took part: the numbers',
      columns: ['Category', 'Co-design (hours)', 'Co-delivery (hours)'],
      rows: [
        ['Group 1', '1.0', '2.0'],
        ['Group 2', 'not shown', '0.5'],
      ],
      rowHeaders: true,
    });
    expect(chartTable({ ...chart([3], ''), valueFormat: undefined }).columns).toEqual(['Category', 'Number']);
    expect(chartTable({ ...chart([3, 4], ''), series: [{ name: 'Number', values: [3] }] }).rows).toEqual([
      ['Group 1', '3'],
      ['Group 2', 'not shown'],
    ]);
  });

  it('says how many people a chart rests on only where it was given an n', () => {
    expect(chartBaseLine({ ...chart([1, 2], 'people'), n: 0 })).toBe('n = 0 people');
    expect(chartBaseLine(chart([1, 2], 'people'))).toBeUndefined();
    expect(chartDescription({ ...chart([1, 2], 'people'), alt: 'Two groups.' }, 'in the table below')).toBe(
      'Two groups. The numbers are in the table below.',
    );
  });
});
