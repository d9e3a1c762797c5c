import type { ChartSpec } from '../model/report-model';
import { Chart } from 'chart.js';
import { PNG } from 'pngjs';
import { chartsOf, drawChartsAhead, renderChartImage } from './chart-image';
import { chartBaseLine, chartDescription, chartTable, formatChartValue } from './chart-format';
import { SERIES_COLOURS } from './chart-palette';
import { hoursByRole } from './chart.fixture';

/** Width, height and colour type from a PNG's header chunk (colour type 2 is RGB, 6 is RGBA). */
function pngHeader(png: Buffer): { width: number; height: number; colourType: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
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
  it('draws a lossless, opaque PNG at its scale', () => {
    const image = renderChartImage(hoursByRole);
    const header = pngHeader(image.data);
    expect(image.mimeType).toBe('image/png');
    expect(header.width).toBe(Math.floor(image.width * image.scale));
    expect(header.height).toBe(Math.floor(image.height * image.scale));
    // Opaque everywhere: the white background is painted, so the picture reads the same pasted on any page colour.
    const rgba = PNG.sync.read(image.data).data;
    for (let at = 3; at < rgba.length; at += 4) if (rgba[at] !== 255) throw new Error(`pixel ${(at - 3) / 4} is not opaque`);
  });

  it('writes the n in a strip added under the chart, and changes nothing above it', () => {
    const plain = PNG.sync.read(renderChartImage(hoursByRole).data);
    const withN = PNG.sync.read(renderChartImage({ ...hoursByRole, n: 14 }).data);
    expect(withN.width).toBe(plain.width);
    expect(withN.height).toBeGreaterThan(plain.height);
    // The chart above the strip is the same, pixel for pixel: the n takes room of its own rather than squeezing the bars.
    expect(withN.data.subarray(0, plain.data.length).equals(plain.data)).toBe(true);
    let ink = 0;
    for (let at = plain.data.length; at < withN.data.length; at += 4)
      if (withN.data[at] < 96 && withN.data[at + 1] < 96 && withN.data[at + 2] < 96) ink++;
    expect(ink).toBeGreaterThan(40);
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

  it('draws labels in other scripts in their own fonts, not as empty boxes, and refuses a character no font has', () => {
    const labelled = (first: string) =>
      renderChartImage({ ...hoursByRole, id: `scripts-${first}`, categories: [first, 'Carers', 'Council officers'] }).data;
    // Boxes for missing glyphs all look alike: two labels of different characters would draw the same picture.
    for (const [one, other] of [
      ['社区居民', '居民社区'],
      ['اردو بولنے', 'بولنے اردو'],
      ['ওয়েলস', 'লসওয়ে'],
    ]) {
      expect(labelled(one).equals(labelled(other))).toBe(false);
    }
    expect(() => labelled('\u{10FFFD}')).toThrow(/the chart "Hours given, by role and stage"/);
  });

  it('draws different pixels for different numbers', () => {
    const changed = { ...hoursByRole, series: [{ name: 'Co-design', values: [60, 300, 480] }, hoursByRole.series[1]] };
    expect(renderChartImage(changed).data.equals(renderChartImage(hoursByRole).data)).toBe(false);
  });

  it("draws a report's charts ahead to the bytes the layout would draw, with reports asking at once", async () => {
    const variants = (prefix: string) =>
      [1, 2, 3, 4, 5].map((i): ChartSpec => ({ ...hoursByRole, id: `${prefix}-${i}`, series: [{ name: 'Co-design', values: [60 * i, 300, 480] }] }));
    const expected = variants('drawn-in-layout').map((spec) => renderChartImage(spec).data);
    // Two reports at once over the same two canvases, and a chart repeated.
    const [first, second] = [variants('ahead-first'), variants('ahead-second')];
    await Promise.all([drawChartsAhead([...first, first[0]]), drawChartsAhead(second), drawChartsAhead(first.slice(2))]);
    for (const specs of [first, second]) specs.forEach((spec, i) => expect(renderChartImage(spec).data.equals(expected[i])).toBe(true));
  });

  it('draws the next chart after one failed half-way, on every canvas, rather than refuse the canvas as in use', async () => {
    const spec = (id: string, value: number): ChartSpec => ({ ...hoursByRole, id, series: [{ name: 'Co-design', values: [value, 300, 480] }] });
    for (const attempt of ['layout', 'ahead'] as const) {
      const draw = jest.spyOn(Chart.prototype, 'draw').mockImplementationOnce(() => {
        throw new Error('the canvas ran out of memory');
      });
      const failing = spec(`fails-${attempt}`, 7);
      if (attempt === 'layout') expect(() => renderChartImage(failing)).toThrow('the canvas ran out of memory');
      else await expect(drawChartsAhead([failing])).rejects.toThrow('the canvas ran out of memory');
      draw.mockRestore();
      await drawChartsAhead([spec(`after-${attempt}-1`, 8), spec(`after-${attempt}-2`, 9), spec(`after-${attempt}-3`, 10)]);
      expect(pngHeader(renderChartImage(spec(`after-${attempt}-4`, 11)).data).colourType).toBe(6);
      expect(pngHeader(renderChartImage(failing).data).colourType).toBe(6);
    }
  });

  it('finds every chart of a report, in its subsections too', () => {
    const chart = (id: string) => ({ kind: 'chart' as const, chart: { ...hoursByRole, id } });
    const sections = [
      {
        id: 'a',
        heading: 'A',
        blocks: [chart('one'), { kind: 'paragraph' as const, text: 'Words' }],
        subsections: [{ id: 'a1', heading: 'A1', blocks: [chart('two')] }],
      },
      { id: 'b', heading: 'B', blocks: [chart('three')] },
    ];
    expect(chartsOf({ sections }).map((c) => c.id)).toEqual(['one', 'two', 'three']);
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
    expect(pngHeader(many.data).height).toBe(Math.floor(many.height * many.scale));
  });
});

describe('chart numbers', () => {
  it("gives a chart's n under it and in its description, agreeing in number", () => {
    expect(chartBaseLine({ ...hoursByRole, n: 1 })).toBe('n = 1 person');
    expect(chartBaseLine({ ...hoursByRole, n: 14 })).toBe('n = 14 people');
    expect(chartBaseLine(hoursByRole)).toBeUndefined();
    expect(chartDescription({ ...hoursByRole, n: 14 }, 'in words')).toBe(
      'Hours given, by role and stage. Residents gave the most hours in both stages. Based on 14 people. ' +
        'The numbers: Residents: Co-design 21.0 hours, Co-delivery 15.0 hours; Carers: Co-design 5.0 hours, Co-delivery not shown; ' +
        'Council officers: Co-design 8.0 hours, Co-delivery 4.0 hours.',
    );
    expect(chartDescription({ ...hoursByRole, n: 1 }, 'in the table below')).toBe(
      'Residents gave the most hours in both stages. Based on 1 person. The numbers are in the table below.',
    );
  });

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
