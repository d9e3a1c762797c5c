import { inflateSync } from 'node:zlib';
import type { ChartDrawing, ChartMark } from '../../charts/chart-vector';
import { drawChartMarks } from './pdf-chart';
import { PdfKitDocument } from './pdf-writer';

/** Draws `marks` (laid out 200 by 100) 400 points wide at (50, 60), and gives the page's content stream as text. */
async function pageContent(
  marks: ChartMark[],
  before?: (doc: PDFKit.PDFDocument) => void,
): Promise<{ content: string; pdf: string; doc: PDFKit.PDFDocument }> {
  const doc = new PdfKitDocument({ size: 'A4', compress: false, margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  before?.(doc);
  const drawing: ChartDrawing = { width: 200, height: 100, marks };
  doc.x = 11;
  doc.y = 22;
  drawChartMarks(doc, drawing, 50, 60, 400);
  const after = { x: doc.x, y: doc.y };
  expect(after).toEqual({ x: 11, y: 22 });
  doc.end();
  await done;
  const pdf = Buffer.concat(chunks).toString('latin1');
  const streams = [...pdf.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => m[1]);
  // The page's content is the stream that draws: it begins by setting pdfkit's page transform.
  const content = streams.find((s) => s.includes('1 0 0 -1 0 841.89 cm')) ?? '';
  // Colours to three places, and without the colour space pdfkit names before each.
  const readable = content.replace(/\/DeviceRGB (cs|CS)\n/g, '').replace(/\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000));
  return { content: readable, pdf, doc };
}

const rect = (x: number, y: number, w: number, h: number) => [{ op: 'rect' as const, x, y, w, h }];

describe('a chart replayed onto a PDF page', () => {
  it('places the chart at its box and scale, inside a saved state it restores, leaving the position as it was', async () => {
    const { content } = await pageContent([{ kind: 'fill', path: rect(10, 20, 30, 40), paint: { colour: '#1d4f91', opacity: 1 }, evenOdd: false }]);
    // 400 points for 200 chart pixels: scale 2, after moving to (50, 60).
    expect(content).toMatch(/q\n1 0 0 1 50 60 cm\n2 0 0 2 0 0 cm\n10 20 30 40 re\n0\.114 0\.31 0\.569 scn\nf\nQ/);
  });

  it('fills a border ring even-odd, lays a series pattern in white over its colour, and strokes with the width and dash asked', async () => {
    const { content, pdf } = await pageContent([
      { kind: 'fill', path: [...rect(0, 0, 10, 10), ...rect(1, 1, 8, 8)], paint: { colour: '#00665e', opacity: 1 }, evenOdd: true },
      { kind: 'fill', path: rect(1, 1, 8, 8), paint: { colour: '#00665e', opacity: 1, pattern: 'diagonal' }, evenOdd: false },
      {
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
        dash: [4, 2],
      },
    ]);
    expect(content).toMatch(/0 0 10 10 re\n1 1 8 8 re\n0 0\.4 0\.369 scn\nf\*/);
    // The pattern's tile: white diagonal marks, its colour given where it is used.
    expect(content).toMatch(/1 1 8 8 re\n0 0\.4 0\.369 scn\nf\n1 1 8 8 re\n\/CsPDeviceRGB cs\n1 1 1 \/P1 scn\nf/);
    expect(pdf).toMatch(/\/PatternType 1[\s\S]*?stream\n1\.5 w 2 J 0 10 m 10 0 l/);
    expect(content).toMatch(/0 50 m\n200 50 l\n1\.5 w\n0 J\n0 j\n\[4 2\] 0 d\n0\.847 0\.855 0\.863 SCN\nS/);
  });

  it('draws a see-through fill inside its own state, so the next mark is opaque again', async () => {
    const { content } = await pageContent([
      { kind: 'fill', path: rect(0, 0, 5, 5), paint: { colour: '#000000', opacity: 0.25 }, evenOdd: false },
      { kind: 'fill', path: rect(5, 5, 5, 5), paint: { colour: '#000000', opacity: 1 }, evenOdd: false },
    ]);
    expect(content).toMatch(/q\n\/Gs1 gs\n0 0 5 5 re\n0 0 0 scn\nf\nQ\n5 5 5 5 re\n0 0 0 scn\nf\n/);
  });

  it('clips to a path, and keeps the saves and restores of the drawing', async () => {
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

  it('writes text in the embedded DejaVu at its size, turned where the chart turned it', async () => {
    const { content, pdf } = await pageContent([
      { kind: 'text', text: 'Residents', bold: false, size: 12, colour: '#0b0c0c', opacity: 1, baseline: 'alphabetic', matrix: [1, 0, 0, 1, 30, 40] },
      { kind: 'text', text: 'hours', bold: true, size: 12, colour: '#0b0c0c', opacity: 1, baseline: 'middle', matrix: [0, -1, 1, 0, 8, 50] },
    ]);
    expect(pdf).toContain('/BaseFont /');
    expect(pdf).toMatch(/DejaVuSans\b/);
    expect(pdf).toMatch(/DejaVuSans-Bold/);
    // Two runs of text, each in its font at 12, the second inside a turned state.
    expect(content.match(/BT\n/g)).toHaveLength(2);
    expect(content).toMatch(/\/F\d+ 12 Tf/);
    expect(content).toMatch(/q\n0 -1 1 0 8 50 cm\n[\s\S]*?BT[\s\S]*?ET\nQ/);
    // The first sits on its baseline at (30, 40): no turn, and no shift up by the font's ascent.
    expect(content).toMatch(/1 0 0 -1 0 841\.89 cm[\s\S]*?BT\n1 0 0 1 30 \S+ Tm/);
  });

  it('uses one pattern per document however many charts use it', async () => {
    const patterned: ChartMark = { kind: 'fill', path: rect(1, 1, 8, 8), paint: { colour: '#00665e', opacity: 1, pattern: 'dots' }, evenOdd: false };
    const { pdf } = await pageContent([patterned, patterned, { ...patterned, paint: { ...patterned.paint, pattern: 'crosshatch' } as never }]);
    expect(pdf.match(/\/PatternType 1/g)).toHaveLength(2);
  });

  it('keeps a pattern to its document: a second document makes its own', async () => {
    const patterned: ChartMark = {
      kind: 'fill',
      path: rect(1, 1, 8, 8),
      paint: { colour: '#5b2c83', opacity: 1, pattern: 'horizontal' },
      evenOdd: false,
    };
    const first = await pageContent([patterned]);
    const second = await pageContent([patterned]);
    for (const { pdf } of [first, second]) expect(pdf).toMatch(/\/PatternType 1[\s\S]*?stream\n1\.5 w 0 5 m 10 5 l S/);
    expect(inflateSync).toBeDefined();
  });
});
