import { inflateSync } from 'node:zlib';
import type { ChartSpec } from '../model/report-model';
import { renderChartPng } from './chart-image';
import { chartTable, formatChartValue } from './chart-format';
import { SERIES_COLOURS } from './chart-palette';

const hoursByRole: ChartSpec = {
  id: 'hours-by-role',
  type: 'stacked_bar',
  title: 'Hours given, by role and stage',
  alt: 'Residents gave the most hours in both stages.',
  categories: ['Residents', 'Carers', 'Council officers'],
  series: [
    { name: 'Co-design', values: [1260, 300, 480] },
    { name: 'Co-delivery', values: [900, null, 240] },
  ],
  unit: 'hours',
  valueFormat: 'hours',
};

function pngHeader(png: Buffer): { width: number; height: number; colourType: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25] };
}

function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

describe('chart images', () => {
  it('draws an opaque RGB PNG at twice the CSS size, so pdfkit embeds it without an alpha split', () => {
    const image = renderChartPng(hoursByRole);
    const header = pngHeader(image.png);
    expect(header.colourType).toBe(2);
    expect(header.width).toBe(image.width * image.scale);
    expect(header.height).toBe(image.height * image.scale);
  });

  it('draws the same bytes for the same chart every time', () => {
    expect(renderChartPng(hoursByRole).png.equals(renderChartPng(hoursByRole).png)).toBe(true);
  });

  it('draws different pixels for different numbers', () => {
    const changed = { ...hoursByRole, series: [{ name: 'Co-design', values: [60, 300, 480] }, hoursByRole.series[1]] };
    expect(renderChartPng(changed).png.equals(renderChartPng(hoursByRole).png)).toBe(false);
  });

  it('uses series colours with at least 3:1 contrast against white', () => {
    for (const colour of SERIES_COLOURS) {
      expect(1.05 / (relativeLuminance(colour) + 0.05)).toBeGreaterThanOrEqual(3);
    }
  });

  it('draws horizontal bars taller for more categories', () => {
    const few = renderChartPng({ ...hoursByRole, type: 'horizontal_bar', categories: ['A', 'B'], series: [{ name: 'x', values: [1, 2] }] });
    const many = renderChartPng({
      ...hoursByRole,
      type: 'horizontal_bar',
      categories: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
      series: [{ name: 'x', values: [1, 2, 3, 4, 5, 6, 7, 8] }],
    });
    expect(many.height).toBeGreaterThan(few.height);
    expect(inflateSync(many.png.subarray(41, 41 + many.png.readUInt32BE(33))).length).toBe((many.width * 2 * 3 + 1) * many.height * 2);
  });
});

describe('chart numbers', () => {
  it('writes minutes as hours, pence as pounds and a missing value in words', () => {
    expect(formatChartValue(1260, 'hours')).toBe('21.0');
    expect(formatChartValue(123456, 'pence')).toBe('£1,234.56');
    expect(formatChartValue(45, 'percent')).toBe('45%');
    expect(formatChartValue(null, 'integer')).toBe('not shown');
  });

  it('turns every chart into a table of the same numbers with row headers', () => {
    const table = chartTable(hoursByRole);
    expect(table.columns).toEqual(['Category', 'Co-design (hours)', 'Co-delivery (hours)']);
    expect(table.rows).toEqual([
      ['Residents', '21.0', '15.0'],
      ['Carers', '5.0', 'not shown'],
      ['Council officers', '8.0', '4.0'],
    ]);
    expect(table.rowHeaders).toBe(true);
  });
});
