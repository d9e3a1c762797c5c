import PDFDocument from 'pdfkit';
import type { Direction } from '../text/scripts';
import { baseFont, drawnByBaseFont, type TextOrigin } from './pdf-font-choice';
import { drawGlyphRun } from './pdf-glyph-runs';
import { isScriptFont } from './pdf-script-fonts';
import { layoutText, type PlacedRun, type TextLayout } from './pdf-text-layout';
import { COLOUR, COMPACT, FONT, GAP, LINE_GAP, SIZE } from './pdf-theme';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
/** Options of a structure element; pdfkit writes `scope` as a table attribute (PDF/UA asks it of every TH). */
type StructOptions = PDFKit.Mixins.StructureElementOptions & { bbox?: [number, number, number, number]; scope?: 'Column' | 'Row' };

/** Options for a run of text written inside its own structure element. */
export interface TextStyle {
  font?: string;
  size?: number;
  colour?: string;
  x?: number;
  width?: number;
  align?: 'left' | 'right' | 'center';
  gapAfter?: number;
  lineGap?: number;
  /** Language of the passage when it is not the report's: it chooses the font of some scripts (Urdu's Nastaliq). */
  lang?: string;
  /** Direction of the passage's paragraphs; right-to-left ones are aligned right. Left to right unless given. */
  direction?: Direction;
  /** The record the text came from, named if it holds a character no font can draw. */
  origin?: TextOrigin;
}

/*
 * Blocks are measured before they are drawn (to keep them whole on a page), and every run is measured
 * again when it is written. A height depends only on the font, size, width, line gap and text, so
 * heights are kept across documents: by style, then by text (a report's texts are the same string
 * objects from measure to draw, so the lookup costs no rehashing). All are dropped past HEIGHTS_KEPT.
 */
const HEIGHTS_KEPT = 20_000;
const heights = new Map<string, Map<string, number>>();
let heightsKept = 0;

function keptHeight(style: string, text: string, measure: () => number): number {
  let byText = heights.get(style);
  const kept = byText?.get(text);
  if (kept !== undefined) return kept;
  if (heightsKept >= HEIGHTS_KEPT) {
    heights.clear();
    heightsKept = 0;
    byText = undefined;
  }
  if (!byText) heights.set(style, (byText = new Map()));
  const height = measure();
  byText.set(text, height);
  heightsKept += 1;
  return height;
}

/*
 * Text that DejaVu cannot draw alone is laid out here (see pdf-text-layout.ts) once for measuring and
 * once for drawing, so layouts are kept the same way heights are.
 */
const LAYOUTS_KEPT = 2_000;
const layouts = new Map<string, TextLayout>();

/**
 * Writes tagged content: every mark on a page is either inside a structure element or an Artifact.
 * Decoration is drawn first as an Artifact, then the text inside its element, so marked-content
 * sequences never interleave.
 */
export class PdfWriter {
  /** The record the text being written came from, unless a style names its own. */
  origin: TextOrigin = 'the report';
  /** The number the next paragraph carries where the report numbers its paragraphs (committee papers); null where it does not. */
  paragraphNumber: number | null = null;
  private compactLayout = false;

  constructor(readonly doc: Doc) {}

  /**
   * True where the report is laid out compactly (a committee section): smaller headings, tighter space between
   * blocks, and the narrower margins of a council's report template. Set it before anything is drawn: the
   * margins apply to the page being started and to every page after it.
   */
  get compact(): boolean {
    return this.compactLayout;
  }

  set compact(compact: boolean) {
    this.compactLayout = compact;
    if (!compact) return;
    const margins = { ...COMPACT.margins };
    // pdfkit starts every later page, its own continuations included, from the document's options.
    this.doc.options.margins = margins;
    this.doc.page.margins = { ...margins };
    this.doc.x = margins.left;
    this.doc.y = margins.top;
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** The type size of body text in points. */
  get bodySize(): number {
    return this.compact ? COMPACT.body : SIZE.body;
  }

  /** Space between blocks in points. */
  get gap(): number {
    return this.compact ? COMPACT.gap : GAP;
  }

  /** Space between the lines of a passage in points, unless a style gives its own. */
  get lineGap(): number {
    return this.compact ? COMPACT.lineGap : LINE_GAP;
  }

  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** Draws decoration that assistive technology should skip. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    this.doc.save();
    draw();
    this.doc.restore();
    this.doc.endMarkedContent();
  }

  /** Creates a structure element under `parent`; content is added to it with `tagged`. */
  element(parent: Struct, type: string, options: StructOptions = {}): Struct {
    const element = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions);
    parent.add(element);
    return element;
  }

  /** Draws content inside a new structure element of `type` under `parent`. */
  tagged(parent: Struct, type: string, draw: () => void, options: StructOptions = {}): Struct {
    const element = this.doc.struct(type, options as PDFKit.Mixins.StructureElementOptions, draw);
    parent.add(element);
    return element;
  }

  /** The height `text` takes in `style`, for keeping blocks together and drawing their backgrounds. */
  measure(text: string, style: TextStyle = {}): number {
    const font = style.font ?? FONT.regular;
    const size = style.size ?? this.bodySize;
    const width = style.width ?? this.width;
    const lineGap = style.lineGap ?? this.lineGap;
    const passage = style.lang || style.direction ? ` ${style.lang ?? ''} ${style.direction ?? ''}` : '';
    return keptHeight(`${font} ${size} ${width} ${lineGap}${passage}`, text, () => {
      if (!drawnByBaseFont(text, font)) return this.layout(text, style).height;
      this.doc.font(font).fontSize(size);
      return this.doc.heightOfString(text, { width, lineGap });
    });
  }

  /** Writes one run of text as a structure element of `type` (P, H1, Lbl...). */
  text(parent: Struct, type: string, text: string, style: TextStyle = {}, options: StructOptions = {}): void {
    if (!drawnByBaseFont(text, style.font ?? FONT.regular)) return this.laidOutText(parent, type, text, style, options);
    const height = this.measure(text, style);
    const lineGap = style.lineGap ?? this.lineGap;
    const x = style.x ?? this.left;
    const single = (style.align ?? 'left') === 'left' && this.isOneLine(height, style);
    this.tagged(
      parent,
      type,
      () => {
        this.apply(style);
        if (single) this.line(text, x, height);
        else this.doc.text(text, x, this.doc.y, { width: style.width ?? this.width, align: style.align ?? 'left', lineGap });
      },
      options,
    );
    this.doc.y += style.gapAfter ?? 0;
    this.doc.x = this.left;
  }

  /** The layout of text DejaVu cannot draw alone: fonts by script, bidirectional order, Unicode line breaks. */
  layout(text: string, style: TextStyle = {}): TextLayout {
    const font = style.font ?? FONT.regular;
    const size = style.size ?? this.bodySize;
    const width = style.width ?? this.width;
    const lineGap = style.lineGap ?? this.lineGap;
    const direction = style.direction ?? 'ltr';
    const origin = style.origin ?? this.origin;
    const key = `${font} ${size} ${width} ${lineGap} ${style.lang ?? ''} ${direction} ${origin}\n${text}`;
    let laid = layouts.get(key);
    if (!laid) {
      laid = layoutText({ text, base: baseFont(font), size, width, lineGap, lang: style.lang, direction, origin });
      if (layouts.size >= LAYOUTS_KEPT) layouts.clear();
      layouts.set(key, laid);
    }
    return laid;
  }

  /**
   * Writes laid-out text line by line, moving on to a new page as pdfkit's own wrapping would. Each run
   * in a script font, or running right to left, carries the words as written for copying and extraction.
   */
  private laidOutText(parent: Struct, type: string, text: string, style: TextStyle, options: StructOptions): void {
    const laid = this.layout(text, style);
    const size = style.size ?? this.bodySize;
    const lineGap = style.lineGap ?? this.lineGap;
    const x = style.x ?? this.left;
    const width = style.width ?? this.width;
    const align = style.align ?? (laid.direction === 'rtl' ? 'right' : 'left');
    this.tagged(
      parent,
      type,
      () => {
        this.apply(style);
        for (const line of laid.lines) {
          if (this.doc.y + line.height > this.bottom) {
            this.doc.continueOnNewPage();
            this.apply(style);
          }
          const left = x + (align === 'right' ? width - line.width : align === 'center' ? (width - line.width) / 2 : 0);
          const baseline = this.doc.y + line.ascent;
          for (const run of line.runs)
            drawGlyphRun(this.doc, run.shaped, { font: run.font, size, x: left + run.x, baseline, actualText: actualText(run) });
          this.doc.y += line.height + lineGap;
        }
      },
      options,
    );
    this.doc.y += style.gapAfter ?? 0;
    this.doc.x = this.left;
  }

  /**
   * Writes one line of page furniture at `top`, cut short with an ellipsis where pdfkit draws it, or
   * to the runs of its first line where the text needs laying out by script.
   */
  runningHeader(text: string, top: number, style: TextStyle): void {
    if (drawnByBaseFont(text, style.font ?? FONT.regular)) {
      this.doc.text(text, this.left, top, { width: this.width, lineBreak: false, ellipsis: true, height: 12 });
      return;
    }
    const line = this.layout(text, style).lines[0];
    const size = style.size ?? this.bodySize;
    for (const run of line?.runs ?? [])
      drawGlyphRun(this.doc, run.shaped, { font: run.font, size, x: this.left + run.x, baseline: top + line.ascent });
  }

  /** True when text of this measured height takes one line (or none) in `style`. */
  private isOneLine(height: number, style: TextStyle): boolean {
    this.doc.font(style.font ?? FONT.regular).fontSize(style.size ?? this.bodySize);
    return height <= this.doc.currentLineHeight(true) + (style.lineGap ?? this.lineGap) + 0.001;
  }

  /*
   * Most runs (labels, headings, table cells) fit on one line, and for them pdfkit's line breaking,
   * which finds every break opportunity and measures every word, gives nothing. Such a run is written
   * as one line, moving on to a new page and down the page just as pdfkit's own wrapping would.
   */
  private line(text: string, x: number, height: number): void {
    if (this.doc.y + this.doc.currentLineHeight(true) > this.bottom) this.doc.continueOnNewPage();
    const top = this.doc.y;
    this.doc.text(text, x, top, { lineBreak: false });
    this.doc.y = top + height;
  }

  private apply(style: TextStyle): void {
    this.doc
      .font(style.font ?? FONT.regular)
      .fontSize(style.size ?? this.bodySize)
      .fillColor(style.colour ?? COLOUR.ink);
  }
}

/*
 * Text extraction reads a page's glyphs left to right and turns right-to-left stretches around itself, as
 * it must for glyphs stored in visual order. The actual text of a right-to-left run is written in that same
 * visual order, so extraction gives the words as they were written.
 */
function actualText(run: PlacedRun): string | undefined {
  if (run.rtl) return [...run.text].reverse().join('');
  return isScriptFont(run.font) ? run.text : undefined;
}

/** The pdfkit constructor, re-exported so callers need not know how it is imported. */
export const PdfKitDocument = PDFDocument;
