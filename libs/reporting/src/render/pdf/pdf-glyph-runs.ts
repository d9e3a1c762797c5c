import { type FontGlyph, type FontGlyphPosition, parsedFont, useFont } from './pdf-fonts';

/** One run of text shaped by fontkit: its glyphs left to right as drawn, their positions, all in font units. */
export interface ShapedRun {
  glyphs: FontGlyph[];
  positions: FontGlyphPosition[];
  /** The run's advance in font units. */
  advance: number;
  unitsPerEm: number;
}

/** OpenType language systems our fonts shape differently (digit forms, letter variants); others use the script's default. */
const OPENTYPE_LANGUAGES: Record<string, string> = {
  fa: 'FAR ',
  prs: 'FAR ',
  ckb: 'KUR ',
  ku: 'KUR ',
  ur: 'URD ',
  ks: 'KSH ',
  sd: 'SND ',
};

/*
 * A shaped run depends only on the font, its direction, its language and its text, so runs are kept
 * across documents: a report drawn again, and each text measured before it is drawn, shape nothing twice.
 * All are dropped past SHAPES_KEPT.
 */
const SHAPES_KEPT = 20_000;
const shapes = new Map<string, ShapedRun>();

/**
 * Shapes `text` in the registered font `font`. A right-to-left run comes back in visual order (fontkit
 * reverses it); mirrored characters must already be swapped (UAX #9 rule L4), as fontkit does not.
 */
export function shape(font: string, text: string, rtl: boolean, lang: string | undefined): ShapedRun {
  const language = lang ? OPENTYPE_LANGUAGES[lang.split('-')[0].toLowerCase()] : undefined;
  const key = `${font}\u0000${rtl ? 'r' : 'l'}\u0000${language ?? ''}\u0000${text}`;
  let shaped = shapes.get(key);
  if (!shaped) {
    const parsed = parsedFont(font);
    const run = parsed.layout(text, undefined, undefined, language, rtl ? 'rtl' : 'ltr');
    shaped = {
      glyphs: run.glyphs.map((g) => ({ id: g.id, codePoints: [...g.codePoints], advanceWidth: g.advanceWidth })),
      positions: run.positions.map((p) => ({ xAdvance: p.xAdvance, xOffset: p.xOffset, yOffset: p.yOffset })),
      advance: run.positions.reduce((sum, p) => sum + p.xAdvance, 0),
      unitsPerEm: parsed.unitsPerEm,
    };
    if (shapes.size >= SHAPES_KEPT) shapes.clear();
    shapes.set(key, shaped);
  }
  return shaped;
}

/** pdfkit's embedded font, as far as writing glyphs into it needs. */
interface EmbeddedFont {
  id: string;
  ref(): unknown;
  subset: { includeGlyph(glyph: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
}

type Doc = PDFKit.PDFDocument & {
  _font: EmbeddedFont;
  page: PDFKit.PDFPage & { fonts: Record<string, unknown> };
  addContent(data: string): Doc;
};

/** Where and how one shaped run is drawn. */
export interface GlyphRunPlacement {
  font: string;
  size: number;
  /** Left edge of the run, in points from the page's left edge. */
  x: number;
  /** Baseline, in points from the page's top edge. */
  baseline: number;
  /** The text the run stands for, as a reader copies it; none for text whose glyphs already say it. */
  actualText?: string;
}

const number = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Writes one shaped run into the current page's content, each glyph where shaping put it, in the
 * current fill colour. pdfkit's own text writing shapes again and splits at spaces, which would undo a
 * right-to-left run's visual order; this writes exactly the glyphs given.
 *
 * With `actualText`, the run is marked as a Span carrying it, and begins and ends with an invisible space
 * glyph on the baseline at its two edges: text extraction spreads the actual text over the span from its
 * first glyph to its last, and the marks of a script (Arabic dots, Nastaliq's rising words) sit above or
 * below the line.
 */
export function drawGlyphRun(pdf: PDFKit.PDFDocument, run: ShapedRun, place: GlyphRunPlacement): void {
  const doc = pdf as Doc;
  useFont(doc, place.font);
  doc.fontSize(place.size);
  const font = doc._font;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  const scale = place.size / run.unitsPerEm;
  const toPdf = 1000 / run.unitsPerEm;
  const gid = (glyph: FontGlyph) => {
    const id = font.subset.includeGlyph(glyph.id);
    if (font.widths[id] == null) font.widths[id] = glyph.advanceWidth * font.scale;
    if (font.unicode[id] == null) font.unicode[id] = glyph.codePoints;
    return `0000${id.toString(16)}`.slice(-4);
  };
  doc.save();
  doc.transform(1, 0, 0, -1, 0, doc.page.height);
  const y = doc.page.height - place.baseline;
  if (place.actualText !== undefined) doc.markContent('Span', { actual: place.actualText } as never);
  const out = ['BT', `/${font.id} ${number(place.size)} Tf`];
  const end = place.x + run.advance * scale;
  if (place.actualText !== undefined) {
    const space = parsedFont(place.font).glyphForCodePoint(0x20);
    out.push(`1 0 0 1 ${number(place.x)} ${number(y)} Tm <${gid(space)}> Tj`);
    out.push(...glyphOperators(run, place.x, y, scale, toPdf, gid));
    out.push(`1 0 0 1 ${number(end - space.advanceWidth * scale)} ${number(y)} Tm <${gid(space)}> Tj`);
  } else {
    out.push(...glyphOperators(run, place.x, y, scale, toPdf, gid));
  }
  out.push('ET');
  doc.addContent(out.join('\n'));
  if (place.actualText !== undefined) doc.endMarkedContent();
  doc.restore();
}

/**
 * The text operators that draw a run's glyphs from `x` on baseline `y` (in PDF space): runs of glyphs
 * without offsets share one TJ, with the difference between shaped and nominal advance as its adjustment;
 * a glyph shaping moved (a mark, a cursive join) gets a text matrix of its own.
 */
function glyphOperators(run: ShapedRun, x: number, y: number, scale: number, toPdf: number, gid: (glyph: FontGlyph) => string): string[] {
  const out: string[] = [];
  let pen = x;
  let pending: string[] = [];
  let matrixAt: number | undefined;
  const flush = () => {
    if (pending.length > 0) out.push(`[${pending.join(' ')}] TJ`);
    pending = [];
  };
  run.glyphs.forEach((glyph, i) => {
    const position = run.positions[i];
    if (position.xOffset || position.yOffset) {
      flush();
      out.push(`1 0 0 1 ${number(pen + position.xOffset * scale)} ${number(y + position.yOffset * scale)} Tm <${gid(glyph)}> Tj`);
      matrixAt = undefined;
    } else {
      if (matrixAt === undefined) {
        flush();
        out.push(`1 0 0 1 ${number(pen)} ${number(y)} Tm`);
      }
      pending.push(`<${gid(glyph)}>`);
      const adjustment = (position.xAdvance - glyph.advanceWidth) * toPdf;
      if (adjustment !== 0) pending.push(String(number(-adjustment)));
      matrixAt = pen;
    }
    pen += position.xAdvance * scale;
  });
  flush();
  return out;
}
