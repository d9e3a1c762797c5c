import type { ReportModel } from '../model/report-model';
import { splitProvenance } from './wording';
import { drawCover, drawFurniture, drawProvenance, drawSection, drawTitleBlock } from './pdf/pdf-pages';
import { parsedFont, shareLayoutCaches } from './pdf/pdf-fonts';
import { COLOUR, FONT, FONT_FILES, PAGE } from './pdf/pdf-theme';
import { PdfKitDocument, PdfWriter } from './pdf/pdf-writer';

/**
 * Renders a report model as a tagged PDF/UA document on A4. The same model always gives the same
 * bytes: the document dates come from `provenance.generatedAt`, never from the clock. Refuses, with
 * MissingGlyphError, a model holding a character none of the report's fonts can draw.
 */
export async function renderPdf(model: ReportModel): Promise<Buffer> {
  const stamp = new Date(model.provenance.generatedAt);
  if (Number.isNaN(stamp.getTime())) {
    throw new Error(`provenance.generatedAt "${model.provenance.generatedAt}" is not a date; give an ISO date-time such as 2026-06-01T09:00:00Z`);
  }
  const doc = new PdfKitDocument({
    size: PAGE.size,
    layout: model.layout?.landscape ? 'landscape' : 'portrait',
    margins: PAGE.margins,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA',
    lang: model.lang,
    displayTitle: true,
    bufferPages: true,
    // No default font: pdfkit would load Helvetica; FONT.regular is chosen once the fonts are registered.
    font: null,
    info: {
      Title: model.title,
      Author: model.publisher,
      Subject: model.subtitle ?? model.title,
      Creator: 'coprod',
      CreationDate: stamp,
      ModDate: stamp,
    },
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
  w.compact = model.layout?.compact === true;
  const root = doc.struct('Document');
  doc.addStructure(root);
  const { sections, provenance } = splitProvenance(model);
  const cover = model.layout?.coverPage !== false;
  if (cover) drawCover(w, root, model);
  else drawTitleBlock(w, root, model);
  // The marking is said once in the text for a screen reader; every page shows it as furniture.
  if (model.layout?.marking) w.text(root, 'P', model.layout.marking, { font: FONT.bold, colour: COLOUR.marking, gapAfter: w.gap });
  if (cover && sections.length > 0) w.newPage();
  w.paragraphNumber = model.layout?.numberedParagraphs ? 1 : null;
  for (const section of sections) drawSection(w, root, section, model, doc.outline, 2);
  w.paragraphNumber = null;
  drawProvenance(w, root, provenance, model, doc.outline);
  root.end();
  drawFurniture(w, model);
  doc.end();
  return await done;
}
