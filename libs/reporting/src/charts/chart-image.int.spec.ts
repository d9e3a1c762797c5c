import type { ChartSpec } from '../model/report-model';
import { renderChartImage, renderChartPng } from './chart-image';
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

/** Width, height and colour components from a baseline JPEG's frame header. */
function jpegFrame(jpeg: Buffer): { width: number; height: number; components: number } {
  expect(jpeg.readUInt16BE(0)).toBe(0xffd8);
  let at = 2;
  while (at < jpeg.length) {
    const marker = jpeg.readUInt16BE(at);
    if (marker === 0xffc0 || marker === 0xffc1 || marker === 0xffc2) {
      return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7), components: jpeg[at + 9] };
    }
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  throw new Error('no JPEG frame header found');
}

function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

describe('chart images', () => {
  it('draws an opaque three-component JPEG at its scale, which pdfkit embeds without decoding', () => {
    const image = renderChartImage(hoursByRole);
    const frame = jpegFrame(image.data);
    expect(image.mimeType).toBe('image/jpeg');
    expect(frame.components).toBe(3);
    expect(frame.width).toBe(Math.floor(image.width * image.scale));
    expect(frame.height).toBe(Math.floor(image.height * image.scale));
  });

  it('draws the same bytes for the same chart every time, whatever was drawn in between', () => {
    const first = renderChartImage(hoursByRole).data;
    renderChartImage({ ...hoursByRole, type: 'horizontal_bar' });
    // Another id is another spec, so the chart is drawn afresh rather than handed back as kept.
    expect(renderChartImage({ ...hoursByRole, id: 'hours-by-role-again' }).data.equals(first)).toBe(true);
  });

  it('hands every caller its own copy of a chart, so changing one copy changes no later chart', () => {
    const first = renderChartImage(hoursByRole).data;
    const original = Buffer.from(first);
    first.fill(0);
    expect(renderChartImage(hoursByRole).data.equals(original)).toBe(true);
  });

  it('draws different pixels for different numbers', () => {
    const changed = { ...hoursByRole, series: [{ name: 'Co-design', values: [60, 300, 480] }, hoursByRole.series[1]] };
    expect(renderChartImage(changed).data.equals(renderChartImage(hoursByRole).data)).toBe(false);
  });

  it('draws a lossless PNG of the same size when asked', () => {
    const image = renderChartPng(hoursByRole);
    expect(image.mimeType).toBe('image/png');
    expect(image.data.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(image.data.readUInt32BE(16)).toBe(Math.floor(image.width * image.scale));
    expect(image.data.readUInt32BE(20)).toBe(Math.floor(image.height * image.scale));
  });

  it('does not hold on to memory from chart to chart', () => {
    for (let i = 0; i < 5; i++) renderChartImage(hoursByRole);
    const before = process.memoryUsage().rss;
    // Each chart's pixels take over 2 MB: keeping them chart after chart would pass 80 MB here.
    for (let i = 0; i < 40; i++) renderChartImage({ ...hoursByRole, series: [{ name: 'Co-design', values: [i, 300, 480] }] });
    expect((process.memoryUsage().rss - before) / 1048576).toBeLessThan(80);
  });

  it('uses series colours with at least 3:1 contrast against white', () => {
    for (const colour of SERIES_COLOURS) {
      expect(1.05 / (relativeLuminance(colour) + 0.05)).toBeGreaterThanOrEqual(3);
    }
  });

  it('draws horizontal bars taller for more categories', () => {
    const few = renderChartImage({ ...hoursByRole, type: 'horizontal_bar', categories: ['A', 'B'], series: [{ name: 'x', values: [1, 2] }] });
    const many = renderChartImage({
      ...hoursByRole,
      type: 'horizontal_bar',
      categories: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'],
      series: [{ name: 'x', values: [1, 2, 3, 4, 5, 6, 7, 8] }],
    });
    expect(many.height).toBeGreaterThan(few.height);
    expect(jpegFrame(many.data).height).toBe(Math.floor(many.height * many.scale));
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
