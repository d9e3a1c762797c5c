import PDFDocument from 'pdfkit';
import { COLOUR, FONT, SIZE } from './pdf-theme';

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
type StructOptions = PDFKit.Mixins.StructureElementOptions & { bbox?: [number, number, number, number] };

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
}

/**
 * Writes tagged content: every mark on a page is either inside a structure element or an Artifact.
 * Decoration is drawn first as an Artifact, then the text inside its element, so marked-content
 * sequences never interleave.
 */
export class PdfWriter {
  constructor(readonly doc: Doc) {}

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
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
    this.apply(style);
    return this.doc.heightOfString(text, { width: style.width ?? this.width, lineGap: style.lineGap ?? 2 });
  }

  /** Writes one run of text as a structure element of `type` (P, H1, Lbl...). */
  text(parent: Struct, type: string, text: string, style: TextStyle = {}, options: StructOptions = {}): void {
    this.tagged(
      parent,
      type,
      () => {
        this.apply(style);
        this.doc.text(text, style.x ?? this.left, this.doc.y, {
          width: style.width ?? this.width,
          align: style.align ?? 'left',
          lineGap: style.lineGap ?? 2,
        });
      },
      options,
    );
    this.doc.y += style.gapAfter ?? 0;
    this.doc.x = this.left;
  }

  private apply(style: TextStyle): void {
    this.doc
      .font(style.font ?? FONT.regular)
      .fontSize(style.size ?? SIZE.body)
      .fillColor(style.colour ?? COLOUR.ink);
  }
}

/** The pdfkit constructor, re-exported so callers need not know how it is imported. */
export const PdfKitDocument = PDFDocument;
