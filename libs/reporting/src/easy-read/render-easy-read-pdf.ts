import { parsedFont, shareLayoutCaches } from '../render/pdf/pdf-fonts';
import { COLOUR, FONT, FONT_FILES } from '../render/pdf/pdf-theme';
import { PdfKitDocument, PdfWriter } from '../render/pdf/pdf-writer';
import { iconSvg } from './easy-read-icons';
import type { EasyReadIdea, EasyReadModel } from './easy-read.model';

// svg-to-pdfkit ships no types: it draws an SVG string onto a pdfkit document at x, y.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const drawSvg: (
  doc: PDFKit.PDFDocument,
  svg: string,
  x: number,
  y: number,
  options: { width: number; height: number },
) => void = require('svg-to-pdfkit');

/** Easy Read type: body text well above 16 pt, headings larger still, generous space between ideas. */
export const EASY_READ_SIZE = { title: 28, heading: 22, body: 17, furniture: 12 };
const ICON = 48;
const ICON_GAP = 20;
const IDEA_GAP = 18;
const MARGINS = { top: 56, bottom: 64, left: 56, right: 56 };

/**
 * Renders an Easy Read summary as a tagged PDF/UA document on A4: one idea to a line, the picture at its
 * left (a vector icon, tagged as a figure with its description), the words in 17 pt. An idea never splits
 * across pages and a heading never ends one. The same model always gives the same bytes.
 */
export function renderEasyReadPdf(model: EasyReadModel): Promise<Buffer> {
  const stamp = new Date(model.provenance.generatedAt);
  if (Number.isNaN(stamp.getTime())) {
    return Promise.reject(
      new Error(`provenance.generatedAt "${model.provenance.generatedAt}" is not a date; give an ISO date-time such as 2026-06-01T09:00:00Z`),
    );
  }
  const doc = new PdfKitDocument({
    size: 'A4',
    margins: MARGINS,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA',
    lang: model.lang,
    displayTitle: true,
    bufferPages: true,
    font: null,
    info: { Title: model.title, Author: model.publisher, Subject: 'Easy Read summary', Creator: 'coprod', CreationDate: stamp, ModDate: stamp },
  } as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const name of Object.keys(FONT_FILES)) doc.registerFont(name, parsedFont(name) as never);
  shareLayoutCaches(doc);
  doc.font(FONT.regular);

  const w = new PdfWriter(doc);
  const root = doc.struct('Document');
  doc.addStructure(root);
  w.origin = 'the Easy Read summary';
  w.text(root, 'H1', model.title, { font: FONT.bold, size: EASY_READ_SIZE.title, colour: COLOUR.brand, gapAfter: 6, lineGap: 4 });
  w.text(root, 'P', model.publisher, { size: EASY_READ_SIZE.body, colour: COLOUR.secondary, gapAfter: 12 });
  for (const section of model.sections) {
    const heading = { font: FONT.bold, size: EASY_READ_SIZE.heading, colour: COLOUR.ink, gapAfter: 12 };
    const first = section.ideas[0];
    w.ensureSpace(18 + w.measure(section.heading, heading) + 12 + (first ? ideaHeight(w, first) : 0));
    if (doc.y > MARGINS.top + 1) doc.y += 18;
    doc.outline.addItem(section.heading);
    const sect = w.element(root, 'Sect');
    w.text(sect, 'H2', section.heading, heading);
    for (const idea of section.ideas) drawIdea(w, sect, idea);
    sect.end();
  }
  root.end();
  drawPageNumbers(w, model);
  doc.end();
  return done;
}

function textStyle(w: PdfWriter) {
  return { size: EASY_READ_SIZE.body, x: w.left + ICON + ICON_GAP, width: w.width - ICON - ICON_GAP, lineGap: 5 };
}

function ideaHeight(w: PdfWriter, idea: EasyReadIdea): number {
  return Math.max(ICON, w.measure(idea.text, textStyle(w))) + IDEA_GAP;
}

/** One idea: its picture, tagged as a figure with what it shows, then its sentence beside it. */
function drawIdea(w: PdfWriter, parent: PDFKit.PDFStructureElement, idea: EasyReadIdea): void {
  const style = textStyle(w);
  const height = w.measure(idea.text, style);
  w.ensureSpace(Math.max(ICON, height) + IDEA_GAP);
  const top = w.doc.y;
  const group = w.element(parent, 'Div');
  const left = w.left;
  w.tagged(group, 'Figure', () => drawSvg(w.doc, iconSvg(idea.icon), left, top, { width: ICON, height: ICON }), {
    alt: idea.alt,
    bbox: [left, top, left + ICON, top + ICON],
  });
  // A one-line sentence sits level with the middle of its picture; a longer one starts at its top.
  w.doc.y = height < ICON ? top + (ICON - height) / 2 : top;
  w.text(group, 'P', idea.text, style);
  group.end();
  w.doc.y = Math.max(w.doc.y, top + ICON) + IDEA_GAP;
  w.doc.x = w.left;
}

function drawPageNumbers(w: PdfWriter, model: EasyReadModel): void {
  const doc = w.doc;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    w.artifact(() => {
      doc.font(FONT.regular).fontSize(EASY_READ_SIZE.furniture).fillColor(COLOUR.secondary);
      doc.text(`${model.publisher} · Page ${i - range.start + 1} of ${range.count}`, w.left, doc.page.height - 44, {
        width: w.width,
        align: 'right',
        lineBreak: false,
      });
    }, 'Pagination');
    doc.page.margins.bottom = bottom;
  }
}
