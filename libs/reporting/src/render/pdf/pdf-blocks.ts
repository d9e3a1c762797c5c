import { chartSize, renderChartImage } from '../../charts/chart-image';
import { chartNumbersInWords } from '../../charts/chart-format';
import type { ChartSpec, Figure, QuoteBlock, ReportBlock, ReportModel, TableSpec } from '../../model/report-model';
import { hasRightToLeft, passageDirection } from '../text/scripts';
import { figureBasis, figureValue, languageDiffers } from '../wording';
import { drawTableRows, type PdfTableRow } from './pdf-table';
import { COLOUR, FONT, GAP, SIZE } from './pdf-theme';
import type { PdfWriter } from './pdf-writer';

type Struct = PDFKit.PDFStructureElement;

/**
 * Draws one block of a section under the section's structure element. `next` is the block that follows:
 * a figure or a short paragraph that introduces a chart or a quote is kept on the same page as its start.
 */
export function drawBlock(w: PdfWriter, parent: Struct, block: ReportBlock, model: ReportModel, next?: ReportBlock): void {
  switch (block.kind) {
    case 'paragraph': {
      if (w.paragraphNumber !== null) return drawNumbered(w, parent, block.text, introducedLead(w, block, next));
      // A long paragraph may break across pages: only its first lines need to fit.
      const height = w.measure(block.text);
      w.ensureSpace(height > 60 ? 40 : height + introducedLead(w, block, next));
      w.text(parent, 'P', block.text, { gapAfter: GAP });
      return;
    }
    case 'key_figures':
      return drawKeyFigures(w, parent, block.figures, model);
    case 'figure':
      return drawFigure(w, parent, block.figure, model, introducedLead(w, block, next));
    case 'chart':
      return drawChart(w, parent, block.chart);
    case 'table':
      return drawTable(w, parent, block.table);
    case 'quote':
      return drawQuote(w, parent, block.quote, model.lang);
    case 'list':
      return drawList(w, parent, block.items);
    case 'notice':
      return drawNotice(w, parent, block.text);
  }
}

/**
 * How much of a block must fit under its section heading, so a heading is never left alone at a page foot;
 * with the block after it, a figure or short paragraph also brings the start of the chart or quote it introduces.
 */
export function blockLeadHeight(w: PdfWriter, block: ReportBlock | undefined, next?: ReportBlock): number {
  const introduced = introducedLead(w, block, next);
  if (introduced > 0) return 60 + introduced;
  if (block?.kind === 'chart') {
    const size = chartSize(block.chart);
    return w.measure(block.chart.title, { font: FONT.bold }) + 6 + (size.height * w.width) / size.width + 60;
  }
  if (block?.kind === 'key_figures') return 100;
  return 60;
}

/** The start of the chart or quote that a figure or paragraph introduces, to keep on its page; 0 when it introduces none. */
function introducedLead(w: PdfWriter, block: ReportBlock | undefined, next: ReportBlock | undefined): number {
  if (block?.kind !== 'figure' && block?.kind !== 'paragraph') return 0;
  return next?.kind === 'chart' || next?.kind === 'quote' ? blockLeadHeight(w, next) : 0;
}

const TILE_GAP = 10;
const TILE_PAD = 10;

function drawKeyFigures(w: PdfWriter, parent: Struct, figures: Figure[], model: ReportModel): void {
  const perRow = figures.length === 4 || figures.length <= 2 ? 2 : 3;
  const tileWidth = (w.width - TILE_GAP * (perRow - 1)) / perRow;
  const inner = tileWidth - TILE_PAD * 2 - 4;
  const group = w.element(parent, 'Div');
  for (let start = 0; start < figures.length; start += perRow) {
    const row = figures.slice(start, start + perRow);
    const heights = row.map((f) => tileHeight(w, f, model, inner));
    const height = Math.max(...heights);
    w.ensureSpace(height + TILE_GAP);
    const top = w.doc.y;
    row.forEach((figure, i) => {
      const x = w.left + i * (tileWidth + TILE_GAP);
      w.artifact(() => {
        w.doc.rect(x, top, tileWidth, height).fill(COLOUR.tile);
        w.doc.rect(x, top, 4, height).fill(COLOUR.brand);
      });
      w.doc.y = top + TILE_PAD;
      const tile = w.element(group, 'Div');
      const style = { x: x + 4 + TILE_PAD, width: inner };
      w.text(tile, 'P', figureValue(figure), { ...style, font: FONT.bold, size: SIZE.figureValue, colour: COLOUR.brand, gapAfter: 2 });
      w.text(tile, 'P', figure.label, { ...style, gapAfter: 4 });
      const basis = [figureBasis(figure, model), figure.note].filter(Boolean).join('. ');
      if (basis) w.text(tile, 'P', basis, { ...style, size: SIZE.small, colour: COLOUR.secondary });
      tile.end();
    });
    w.doc.y = top + height + TILE_GAP;
  }
  group.end();
  w.doc.y += GAP - TILE_GAP;
}

function tileHeight(w: PdfWriter, figure: Figure, model: ReportModel, width: number): number {
  const basis = [figureBasis(figure, model), figure.note].filter(Boolean).join('. ');
  return (
    TILE_PAD * 2 +
    w.measure(figureValue(figure), { font: FONT.bold, size: SIZE.figureValue, width }) +
    2 +
    w.measure(figure.label, { width }) +
    4 +
    (basis ? w.measure(basis, { size: SIZE.small, width }) : 0)
  );
}

function drawFigure(w: PdfWriter, parent: Struct, figure: Figure, model: ReportModel, keptWith: number): void {
  const basis = [figureBasis(figure, model), figure.note].filter(Boolean).join('. ');
  const main = `${figure.label}: ${figureValue(figure)}`;
  const height = w.measure(main, { font: FONT.bold }) + (basis ? 2 + w.measure(basis, { size: SIZE.small }) : 0) + GAP;
  w.ensureSpace(height + keptWith);
  const group = w.element(parent, 'Div');
  w.text(group, 'P', main, { font: FONT.bold, gapAfter: basis ? 2 : GAP });
  if (basis) w.text(group, 'P', basis, { size: SIZE.small, colour: COLOUR.secondary, gapAfter: GAP });
  group.end();
}

function drawChart(w: PdfWriter, parent: Struct, chart: ChartSpec): void {
  const image = renderChartImage(chart);
  const height = (image.height * w.width) / image.width;
  const titleHeight = w.measure(chart.title, { font: FONT.bold });
  w.ensureSpace(titleHeight + 6 + height + 12);
  w.text(parent, 'P', chart.title, { font: FONT.bold, gapAfter: 6 });
  const top = w.doc.y;
  const left = w.left;
  w.tagged(parent, 'Figure', () => w.doc.image(image.data, left, top, { width: w.width }), {
    // Print shows each figure once: the numbers go in the alternative text, not in a table repeated under the chart.
    alt: `${chart.title}. ${chart.alt} ${chartNumbersInWords(chart)}`,
    bbox: [left, top, left + w.width, top + height],
  });
  w.doc.y = top + height + 6;
  w.doc.x = w.left;
}

function drawTable(w: PdfWriter, parent: Struct, table: TableSpec): void {
  const rowHeight = w.measure('Ag', { size: SIZE.small }) + 10;
  w.ensureSpace(w.measure(table.caption, { font: FONT.bold, size: SIZE.small }) + rowHeight * Math.min(4, table.rows.length + 1));
  w.text(parent, 'P', table.caption, { font: FONT.bold, size: SIZE.small, gapAfter: 4 });
  const header: PdfTableRow = { cells: table.columns.map((text) => ({ text, heads: 'Column' })), fill: COLOUR.tile };
  const rows = table.rows.map((cells): PdfTableRow => ({
    cells: cells.map((text, i) => (i === 0 && table.rowHeaders ? { text, heads: 'Row' } : { text })),
  }));
  drawTableRows(w, parent, [header, ...rows], { padding: { top: 4, right: 6, bottom: 4, left: 6 }, headerRows: 1, columns: table.widths });
  w.doc.y += GAP;
}

function drawQuote(w: PdfWriter, parent: Struct, quote: QuoteBlock, reportLang: string): void {
  const indent = 18;
  const width = w.width - indent;
  const record = quote.quoteId ? `quote ${quote.quoteId}` : 'a quote';
  const words = {
    font: FONT.italic,
    size: SIZE.body + 1,
    width,
    lang: quote.lang,
    direction: passageDirection(quote.text, quote.lang),
    origin: record,
  };
  const byline = { size: SIZE.small, width, origin: `the attribution of ${record}` };
  const about = { size: SIZE.small, width, origin: `the context of ${record}` };
  const text = `“${quote.text}”`;
  const attribution = `— ${isolateSpeaker(quote)}`;
  const textHeight = w.measure(text, words);
  const height = textHeight + 4 + w.measure(attribution, byline) + (quote.context ? w.measure(quote.context, about) + 2 : 0);
  w.ensureSpace(height + 8);
  const top = w.doc.y;
  w.artifact(() => w.doc.rect(w.left, top, 4, height).fill(COLOUR.accent));
  const block = w.element(parent, 'BlockQuote');
  const style = { x: w.left + indent };
  const lang = languageDiffers(quote.lang, reportLang) ? { lang: quote.lang } : {};
  w.text(block, 'Quote', text, { ...words, ...style, gapAfter: 4 }, lang);
  w.text(block, 'P', attribution, { ...byline, ...style, colour: COLOUR.secondary, gapAfter: quote.context ? 2 : 0 });
  if (quote.context) w.text(block, 'P', quote.context, { ...about, ...style, colour: COLOUR.secondary });
  block.end();
  w.doc.y = Math.max(w.doc.y, top + height) + GAP;
}

/**
 * The attribution with the speaker's name set apart (first-strong isolate, UAX #9), so a name written
 * right to left keeps to itself and the punctuation after it stays where the sentence puts it.
 */
function isolateSpeaker(quote: QuoteBlock): string {
  const at = quote.speaker ? quote.attribution.indexOf(quote.speaker) : -1;
  if (!quote.speaker || at < 0 || !hasRightToLeft(quote.attribution)) return quote.attribution;
  return `${quote.attribution.slice(0, at)}\u2068${quote.speaker}\u2069${quote.attribution.slice(at + quote.speaker.length)}`;
}

function drawList(w: PdfWriter, parent: Struct, items: string[]): void {
  const list = w.element(parent, 'L');
  for (const item of items) {
    const style = { x: w.left + 16, width: w.width - 16 };
    w.ensureSpace(w.measure(item, style) + 4);
    const li = w.element(list, 'LI');
    const top = w.doc.y;
    w.tagged(li, 'Lbl', () => {
      w.doc
        .font(FONT.regular)
        .fontSize(SIZE.body)
        .fillColor(COLOUR.ink)
        .text('•', w.left + 4, top, { lineBreak: false });
    });
    w.doc.y = top;
    w.text(li, 'LBody', item, { ...style, gapAfter: 4 });
    li.end();
  }
  list.end();
  w.doc.y += GAP - 4;
}

const NUMBER_GUTTER = 28;

/**
 * A numbered paragraph, as committee papers number theirs so members can refer to them: tagged as a list
 * item whose label is the number, the way a word processor exports its numbered paragraphs.
 */
function drawNumbered(w: PdfWriter, parent: Struct, text: string, keptWith: number): void {
  const number = w.paragraphNumber ?? 1;
  w.paragraphNumber = number + 1;
  const style = { x: w.left + NUMBER_GUTTER, width: w.width - NUMBER_GUTTER };
  const height = w.measure(text, style);
  w.ensureSpace(height > 60 ? 40 : height + keptWith);
  const list = w.element(parent, 'L');
  const item = w.element(list, 'LI');
  const top = w.doc.y;
  w.tagged(item, 'Lbl', () => {
    w.doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOUR.ink).text(`${number}.`, w.left, top, { lineBreak: false });
  });
  w.doc.y = top;
  w.text(item, 'LBody', text, { ...style, gapAfter: GAP });
  item.end();
  list.end();
}

function drawNotice(w: PdfWriter, parent: Struct, text: string): void {
  const pad = 10;
  const width = w.width - pad * 2 - 4;
  const height = w.measure(text, { width }) + pad * 2;
  w.ensureSpace(height);
  const top = w.doc.y;
  w.artifact(() => {
    w.doc.rect(w.left, top, w.width, height).fill(COLOUR.notice);
    w.doc.rect(w.left, top, 4, height).fill(COLOUR.brand);
  });
  w.doc.y = top + pad;
  w.text(parent, 'P', text, { x: w.left + 4 + pad, width });
  w.doc.y = top + height + GAP;
}
