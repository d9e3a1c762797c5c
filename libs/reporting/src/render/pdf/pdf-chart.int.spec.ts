import type { ChartDrawing, ChartMark, PathStep, TextMark } from '../../charts/chart-vector';
import { layoutText } from './pdf-text-layout';
import { baseFont } from './pdf-font-choice';
import { drawChartMarks } from './pdf-chart';
import { FONT } from './pdf-theme';
import { PdfKitDocument } from './pdf-writer';

/**
 * Draws `marks` (laid out 200 by 100) `width` points wide at (50, 60), and gives the page's content stream as text,
 * colours to three places and without the colour space pdfkit names before each, and the whole file.
 */
async function pageContent(marks: ChartMark[], width = 400): Promise<{ content: string; pdf: string }> {
  const doc = new PdfKitDocument({ size: 'A4', compress: false, margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  const drawing: ChartDrawing = { width: 200, height: 100, marks };
  doc.x = 11;
  doc.y = 22;
  drawChartMarks(doc, drawing, 50, 60, width);
  expect({ x: doc.x, y: doc.y }).toEqual({ x: 11, y: 22 });
  doc.end();
  await done;
  const pdf = Buffer.concat(chunks).toString('latin1');
  const streams = [...pdf.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => m[1]);
  // The page's content is the stream that draws: it begins by setting pdfkit's page transform.
  const content = streams.find((s) => s.includes('1 0 0 -1 0 841.89 cm')) ?? '';
  const readable = content.replace(/\/DeviceRGB (cs|CS)\n/g, '').replace(/\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000));
  return { content: readable, pdf };
}

const rect = (x: number, y: number, w: number, h: number): PathStep[] => [{ op: 'rect', x, y, w, h }];
const ink = { colour: '#0b0c0c', opacity: 1 };
const text = (over: Partial<TextMark>): TextMark => ({
  kind: 'text',
  text: 'Residents',
  bold: false,
  size: 12,
  ...ink,
  baseline: 0,
  matrix: [1, 0, 0, 1, 30, 40],
  ...over,
});
const stroke = (over: Partial<Extract<ChartMark, { kind: 'stroke' }>> = {}): ChartMark => ({
  kind: 'stroke',
  path: [
    { op: 'move', x: 0, y: 50 },
    { op: 'line', x: 200, y: 50 },
  ],
  colour: '#d8dadc',
  opacity: 1,
  width: 1.5,
  cap: 'butt',
  join: 'miter',
  dash: [],
  dashOffset: 0,
  ...over,
});

describe('a chart replayed onto a PDF page', () => {
  it('places the chart at its box and scale, inside a saved state it restores, leaving the position as it was', async () => {
    const { content } = await pageContent([{ kind: 'fill', path: rect(10, 20, 30, 40), paint: { colour: '#1d4f91', opacity: 1 }, evenOdd: false }]);
    // 400 points for 200 chart pixels: scale 2, after moving to (50, 60).
    expect(content).toMatch(/q\n1 0 0 1 50 60 cm\n2 0 0 2 0 0 cm\n10 20 30 40 re\n0\.114 0\.31 0\.569 scn\nf\nQ/);
  });

  it('traces every kind of step: moves, lines, curves, rectangles and closes', async () => {
    const { content } = await pageContent([
      {
        kind: 'fill',
        path: [
          { op: 'move', x: 1, y: 2 },
          { op: 'line', x: 3, y: 4 },
          { op: 'curve', x1: 5, y1: 6, x2: 7, y2: 8, x: 9, y: 10 },
          { op: 'close' },
          { op: 'rect', x: 11, y: 12, w: 13, h: 14 },
        ],
        paint: { colour: '#000000', opacity: 1 },
        evenOdd: false,
      },
    ]);
    expect(content).toMatch(/1 2 m\n3 4 l\n5 6 7 8 9 10 c\nh\n11 12 13 14 re\n0 0 0 scn\nf\n/);
  });

  it('fills a border ring even-odd, and lays a series pattern in white over its colour', async () => {
    const { content, pdf } = await pageContent([
      { kind: 'fill', path: [...rect(0, 0, 10, 10), ...rect(1, 1, 8, 8)], paint: { colour: '#00665e', opacity: 1 }, evenOdd: true },
      { kind: 'fill', path: rect(1, 1, 8, 8), paint: { colour: '#00665e', opacity: 1, pattern: 'diagonal' }, evenOdd: false },
    ]);
    expect(content).toMatch(/0 0 10 10 re\n1 1 8 8 re\n0 0\.4 0\.369 scn\nf\*/);
    expect(content).toMatch(/1 1 8 8 re\n0 0\.4 0\.369 scn\nf\n1 1 8 8 re\n\/CsPDeviceRGB cs\n1 1 1 \/P1 scn\nf\n/);
    // The tile: ten chart pixels square, white diagonal marks whose ends meet across tiles.
    expect(pdf).toMatch(/\/BBox \[0 0 10 10\]\n\/XStep 10\n\/YStep 10[\s\S]*?stream\n1\.5 w 2 J 0 10 m 10 0 l -5 5 m 5 -5 l 5 15 m 15 5 l S\n/);
  });

  it('draws each pattern from its own tile', async () => {
    for (const [pattern, marks] of [
      ['dots', /stream\n6\.6 5 m 6\.6 5\.88\d* 5\.88\d* 6\.6 5 6\.6 c [\s\S]*? c f\n/],
      ['crosshatch', /stream\n1\.5 w 0 5 m 10 5 l 5 0 m 5 10 l S\n/],
      ['horizontal', /stream\n1\.5 w 0 5 m 10 5 l S\n/],
    ] as const) {
      const { pdf } = await pageContent([
        { kind: 'fill', path: rect(1, 1, 8, 8), paint: { colour: '#5b2c83', opacity: 1, pattern }, evenOdd: false },
      ]);
      expect(pdf).toMatch(marks);
    }
  });

  it('uses one pattern per kind and scale in a document, however many charts use it', async () => {
    const patterned: ChartMark = { kind: 'fill', path: rect(1, 1, 8, 8), paint: { colour: '#00665e', opacity: 1, pattern: 'dots' }, evenOdd: false };
    const { pdf } = await pageContent([patterned, patterned, { ...patterned, paint: { colour: '#00665e', opacity: 1, pattern: 'crosshatch' } }]);
    expect(pdf.match(/\/PatternType 1/g)).toHaveLength(2);
  });

  it('makes a pattern again for a chart drawn at another scale, with tiles at that scale', async () => {
    const doc = new PdfKitDocument({ size: 'A4', compress: false, margin: 0 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
    const drawing: ChartDrawing = {
      width: 200,
      height: 100,
      marks: [{ kind: 'fill', path: rect(1, 1, 8, 8), paint: { colour: '#00665e', opacity: 1, pattern: 'dots' }, evenOdd: false }],
    };
    drawChartMarks(doc, drawing, 0, 0, 400);
    drawChartMarks(doc, drawing, 0, 300, 100);
    drawChartMarks(doc, drawing, 0, 500, 400);
    doc.end();
    await done;
    const matrices = [
      ...Buffer.concat(chunks)
        .toString('latin1')
        .matchAll(/\/PatternType 1[\s\S]*?\/Matrix \[([^\]]+)\]/g),
    ].map((m) => m[1].split(' ')[0]);
    expect(matrices).toEqual(['2', '0.5']);
  });

  it('strokes with the width, caps, joins and dash asked, and a solid line clears the dash before it', async () => {
    const { content } = await pageContent([
      stroke({ dash: [4, 2], dashOffset: 1 }),
      stroke({ cap: 'round', join: 'bevel' }),
      stroke({ dash: [0, 0] }),
    ]);
    expect(content).toMatch(/0 50 m\n200 50 l\n1\.5 w\n0 J\n0 j\n\[4 2\] 1 d\n0\.847 0\.855 0\.863 SCN\nS\n/);
    expect(content).toMatch(/0 50 m\n200 50 l\n1\.5 w\n1 J\n2 j\n\[\] 0 d\n0\.847 0\.855 0\.863 SCN\nS\n/);
    // Zeros alone would draw nothing; a canvas draws the line solid.
    expect(content.match(/\[\] 0 d/g)).toHaveLength(2);
  });

  it('writes a dash with a zero length, which a canvas allows', async () => {
    const { content } = await pageContent([stroke({ dash: [0, 3.25], cap: 'round' })]);
    expect(content).toContain('[0 3.25] 0 d');
  });

  it('draws a see-through mark inside its own state, so the next mark is opaque again', async () => {
    const { content } = await pageContent([
      { kind: 'fill', path: rect(0, 0, 5, 5), paint: { colour: '#000000', opacity: 0.25 }, evenOdd: false },
      { kind: 'fill', path: rect(5, 5, 5, 5), paint: { colour: '#000000', opacity: 1 }, evenOdd: false },
      stroke({ opacity: 0.5 }),
      text({ opacity: 0.75 }),
    ]);
    expect(content).toMatch(
      /q\n\/Gs1 gs\n0 0 5 5 re\n0 0 0 scn\nf\nQ\n5 5 5 5 re\n0 0 0 scn\nf\nq\n\/Gs2 gs\n0 50 m[\s\S]*?S\nQ\nq\n\/Gs3 gs\n[\s\S]*?BT[\s\S]*?ET\nQ/,
    );
  });

  it('clips to a path with its fill rule, and keeps the saves and restores of the drawing', async () => {
    const { content } = await pageContent([
      { kind: 'save' },
      { kind: 'clip', path: rect(0, 0, 100, 50), evenOdd: false },
      { kind: 'restore' },
      { kind: 'save' },
      { kind: 'clip', path: rect(0, 0, 100, 50), evenOdd: true },
      { kind: 'restore' },
    ]);
    expect(content).toMatch(/q\n0 0 100 50 re\nW n\nQ\nq\n0 0 100 50 re\nW\* n\nQ/);
  });

  it('writes text on its baseline in the embedded DejaVu at its size, in its colour', async () => {
    const { content, pdf } = await pageContent([
      text({ colour: '#1d4f91' }),
      text({ text: 'hours', bold: true, matrix: [1, 0, 0, 1, 30, 70], baseline: 4.5 }),
    ]);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\n/);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\n/);
    expect(content.match(/BT\n/g)).toHaveLength(2);
    // pdfkit writes text upright from the page's foot: a baseline y points down the page is at 841.89 - y. The second
    // is moved down by its baseline shift.
    expect(content).toMatch(/0\.114 0\.31 0\.569 scn\n[\s\S]*?BT\n1 0 0 1 30 801\.89 Tm\n\/F(\d) 12 Tf\n/);
    expect(content).toMatch(/0\.043 0\.047 0\.047 scn\n[\s\S]*?BT\n1 0 0 1 30 767\.39 Tm\n\/F(\d) 12 Tf\n/);
  });

  it('turns, narrows or slants text only where the chart did', async () => {
    for (const matrix of [
      [0, -1, 1, 0, 8, 50],
      [0.5, 0, 0, 1, 8, 50],
      [1, 0.25, 0, 1, 8, 50],
      [1, 0, 0.25, 1, 8, 50],
      [1, 0, 0, 2, 8, 50],
    ] as const) {
      const { content } = await pageContent([text({ matrix, baseline: 3 })]);
      expect(content).toMatch(new RegExp(`q\\n${matrix.join(' ')} cm\\n[\\s\\S]*?BT\\n1 0 0 1 0 838\\.89 Tm[\\s\\S]*?ET\\nQ`));
    }
  });

  it('keeps a long label on one line, wherever it would reach', async () => {
    const long = 'Residents and community groups who joined the later sessions in the spring and the autumn of the year';
    const { content } = await pageContent([text({ text: long, matrix: [1, 0, 0, 1, 150, 40] })]);
    expect(content.match(/BT\n/g)).toHaveLength(1);
    expect(content.match(/Tj|TJ/g)).toHaveLength(1);
  });

  it('draws a label in another script from its laid-out runs, in the script fonts', async () => {
    const label = 'اردو بولنے والے';
    const line = layoutText({ text: label, base: baseFont(FONT.regular), size: 12, width: 10_000, lineGap: 0, direction: 'rtl', origin: 'a test' })
      .lines[0];
    const { content, pdf } = await pageContent([text({ text: label, line })]);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoNaskhArabic-Regular\n/);
    expect(pdf).not.toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\n/);
    expect(content.match(/BT\n/g)?.length).toBe(line.runs.length);
  });
});
