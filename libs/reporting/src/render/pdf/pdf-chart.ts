import type { ChartDrawing, ChartMark, PathStep, TextMark } from '../../charts/chart-vector';
import type { SeriesPattern } from '../../charts/chart-palette';
import { useFont } from './pdf-fonts';
import { drawGlyphRun } from './pdf-glyph-runs';
import { FONT } from './pdf-theme';

type Doc = PDFKit.PDFDocument;
type TilingPattern = ReturnType<Doc['pattern']>;

/** The side of a pattern's tile, in the chart's CSS pixels (the canvas's pattern tile is the same size). */
const TILE = 10;
const K = 0.5523 * 1.6;

/**
 * The white marks each pattern lays over its series colour, as PDF drawing operators in a tile of TILE by TILE;
 * they match the canvas's tiles (chart-palette.ts) so a series looks the same in print and on screen.
 */
const PATTERN_MARKS: Record<Exclude<SeriesPattern, 'solid'>, string> = {
  diagonal: `1.5 w 2 J 0 ${TILE} m ${TILE} 0 l -5 5 m 5 -5 l 5 15 m 15 5 l S`,
  crosshatch: `1.5 w 0 5 m ${TILE} 5 l 5 0 m 5 ${TILE} l S`,
  horizontal: `1.5 w 0 5 m ${TILE} 5 l S`,
  dots: `6.6 5 m 6.6 ${5 + K} ${5 + K} 6.6 5 6.6 c ${5 - K} 6.6 3.4 ${5 + K} 3.4 5 c 3.4 ${5 - K} ${5 - K} 3.4 5 3.4 c ${5 + K} 3.4 6.6 ${5 - K} 6.6 5 c f`,
};

/*
 * Each document's patterns, by kind and scale. pdfkit fixes a pattern's matrix where it is first used, so a pattern
 * made for a chart at one scale would draw its tiles at that scale in a chart at another.
 */
const patterns = new WeakMap<Doc, Map<string, TilingPattern>>();

function patternFor(doc: Doc, pattern: Exclude<SeriesPattern, 'solid'>, scale: number): TilingPattern {
  let made = patterns.get(doc);
  if (!made) patterns.set(doc, (made = new Map()));
  const key = `${pattern} ${scale}`;
  let tile = made.get(key);
  if (!tile) made.set(key, (tile = doc.pattern([0, 0, TILE, TILE], TILE, TILE, PATTERN_MARKS[pattern])));
  return tile;
}

/** Writes a dash array as a canvas gives it (zero lengths allowed, which pdfkit's own `dash` refuses); empty is a solid line. */
function dash(doc: Doc, lengths: readonly number[], offset: number): void {
  const n = (v: number) => String(Math.round(v * 1000) / 1000);
  // A list of zeros alone would draw nothing in PDF; a canvas draws it solid.
  const solid = lengths.every((length) => length === 0);
  (doc as unknown as { addContent(data: string): void }).addContent(`[${solid ? '' : lengths.map(n).join(' ')}] ${solid ? 0 : n(offset)} d`);
}

function drawText(doc: Doc, mark: TextMark): void {
  const [a, b, c, d, e, f] = mark.matrix;
  const turned = a !== 1 || b !== 0 || c !== 0 || d !== 1;
  // Drawn from the matrix's origin: moved there, and turned or narrowed only where the chart did.
  const [x, y] = turned ? [0, mark.baseline] : [e, f + mark.baseline];
  if (turned) {
    doc.save();
    doc.transform(a, b, c, d, e, f);
  }
  doc.fillColor(mark.colour);
  if (mark.line) {
    for (const run of mark.line.runs) drawGlyphRun(doc, run.shaped, { font: run.font, size: mark.size, x: x + run.x, baseline: y });
  } else {
    useFont(doc, mark.bold ? FONT.bold : FONT.regular);
    doc.fontSize(mark.size);
    doc.text(mark.text, x, y, { lineBreak: false, baseline: 'alphabetic' });
  }
  if (turned) doc.restore();
}

function tracePath(doc: Doc, path: readonly PathStep[]): void {
  for (const step of path) {
    switch (step.op) {
      case 'move':
        doc.moveTo(step.x, step.y);
        break;
      case 'line':
        doc.lineTo(step.x, step.y);
        break;
      case 'curve':
        doc.bezierCurveTo(step.x1, step.y1, step.x2, step.y2, step.x, step.y);
        break;
      case 'rect':
        doc.rect(step.x, step.y, step.w, step.h);
        break;
      case 'close':
        doc.closePath();
        break;
    }
  }
}

/** Runs `draw` with fills and strokes at `opacity`, leaving the document's opacity as it was. */
function atOpacity(doc: Doc, opacity: number, draw: () => void): void {
  if (opacity >= 1) return draw();
  doc.save();
  doc.opacity(opacity);
  draw();
  doc.restore();
}

function drawMark(doc: Doc, mark: ChartMark, scale: number): void {
  switch (mark.kind) {
    case 'save':
      doc.save();
      return;
    case 'restore':
      doc.restore();
      return;
    case 'clip':
      tracePath(doc, mark.path);
      doc.clip(mark.evenOdd ? 'even-odd' : undefined);
      return;
    case 'fill': {
      const rule = mark.evenOdd ? 'even-odd' : undefined;
      const { paint } = mark;
      atOpacity(doc, paint.opacity, () => {
        tracePath(doc, mark.path);
        doc.fill(paint.colour, rule);
        if ('pattern' in paint) {
          tracePath(doc, mark.path);
          doc.fill([patternFor(doc, paint.pattern, scale), '#ffffff'] as never, rule);
        }
      });
      return;
    }
    case 'stroke':
      atOpacity(doc, mark.opacity, () => {
        tracePath(doc, mark.path);
        doc
          .lineWidth(mark.width)
          .lineCap(mark.cap as 'butt')
          .lineJoin(mark.join as 'miter');
        dash(doc, mark.dash, mark.dashOffset);
        doc.stroke(mark.colour);
      });
      return;
    case 'text':
      atOpacity(doc, mark.opacity, () => drawText(doc, mark));
      return;
  }
}

/**
 * Draws a chart's marks on the current page, its top left corner at (`left`, `top`) and `width` points wide, the
 * height in proportion. The graphics state and the position are left as they were found; pdfkit's current font,
 * size and fill colour are not (whatever writes next sets its own, as every writer here does).
 */
export function drawChartMarks(doc: Doc, drawing: ChartDrawing, left: number, top: number, width: number): void {
  const { x, y } = doc;
  const scale = width / drawing.width;
  doc.save();
  doc.translate(left, top);
  doc.scale(scale);
  for (const mark of drawing.marks) drawMark(doc, mark, scale);
  doc.restore();
  doc.x = x;
  doc.y = y;
}
