import { chartSize } from '../../charts/chart-config';
import { chartDrawing } from '../../charts/chart-vector';
import { drawChartMarks } from './pdf-chart';
import { chartDescription } from '../../charts/chart-format';
import type { ChartSpec, Figure, QuoteBlock, ReportBlock, ReportModel, TableSpec } from '../../model/report-model';
import { hasRightToLeft, passageDirection } from '../text/scripts';
import { figureBasis, figureValue, languageDiffers } from '../wording';
import { drawTableRows, tableLeadHeight, type PdfTableLayout, type PdfTableRow } from './pdf-table';
import { COLOUR, COMPACT, FONT, SIZE } from './pdf-theme';
import type { PdfWriter, TextStyle } from './pdf-writer';

type Struct = PDFKit.PDFStructureElement;

/**
 * Draws one block of a section under the section's structure element. `next` is the block that follows:
 * a figure or a short paragraph that introduces a chart or a quote is kept on the same page as its start.
 * `level` is the level of the section's heading: a chart's title is a heading one below it, so a reader who
 * moves from heading to heading lands on every chart and no level is skipped.
 */
export function drawBlock(w: PdfWriter, parent: Struct, block: ReportBlock, model: ReportModel, level: number, next?: ReportBlock): void {
  switch (block.kind) {
    case 'paragraph': {
      if (w.paragraphNumber !== null) return drawNumbered(w, parent, block.text, introducedLead(w, block, next, model));
      // A long paragraph may break across pages: only its first lines need to fit.
      w.ensureSpace(paragraphLead(w, block.text) + introducedLead(w, block, next, model));
      w.text(parent, 'P', block.text, { gapAfter: w.gap });
      return;
    }
    case 'key_figures':
      return drawKeyFigures(w, parent, block.figures, model);
    case 'figure':
      return drawFigure(w, parent, block.figure, model, introducedLead(w, block, next, model));
    case 'chart':
      return drawChart(w, parent, block.chart, level + 1);
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

/** Lines of a paragraph that must fit on a page before it starts there: a heading above keeps with them. */
const KEPT_LINES = 3;

/**
 * How much of a block must fit on the page for it to start there, so that a heading or title above it is
 * never left alone at a page foot: the first lines of a paragraph or list, a table's header and first row,
 * a chart whole with its title, a quote, notice or figure whole (they never break), the first row of tiles.
 * A figure or short paragraph that introduces a chart or quote also brings the start of what it introduces.
 */
export function blockLeadHeight(w: PdfWriter, block: ReportBlock | undefined, next: ReportBlock | undefined, model: ReportModel): number {
  if (!block) return 0;
  const introduced = introducedLead(w, block, next, model);
  switch (block.kind) {
    case 'paragraph':
      return (w.paragraphNumber !== null ? paragraphLead(w, block.text, numberedStyle(w)) : paragraphLead(w, block.text)) + introduced;
    case 'figure':
      return figureHeight(w, block.figure, model) + introduced;
    case 'chart': {
      const size = chartSize(block.chart);
      return w.measure(block.chart.title, { font: FONT.bold }) + 6 + (size.height * w.width) / size.width + 12;
    }
    case 'table':
      return tableLead(w, block.table);
    case 'quote':
      return quoteLayout(w, block.quote).height + 8;
    case 'list':
      return block.items.length ? w.measure(block.items[0], listStyle(w)) + 4 : 0;
    case 'notice':
      return noticeHeight(w, block.text);
    case 'key_figures':
      return keyFigureRows(w, block.figures, model)[0]?.height ?? 0;
  }
}

/** The start of the chart or quote that a figure or paragraph introduces, to keep on its page; 0 when it introduces none. */
function introducedLead(w: PdfWriter, block: ReportBlock | undefined, next: ReportBlock | undefined, model: ReportModel): number {
  if (block?.kind !== 'figure' && block?.kind !== 'paragraph') return 0;
  return next?.kind === 'chart' || next?.kind === 'quote' ? blockLeadHeight(w, next, undefined, model) : 0;
}

/** The height of a paragraph's first lines, or of all of it when it is short. */
function paragraphLead(w: PdfWriter, text: string, style: TextStyle = {}): number {
  const height = w.measure(text, style);
  w.doc.font(style.font ?? FONT.regular).fontSize(style.size ?? w.bodySize);
  const line = w.doc.currentLineHeight(true) + (style.lineGap ?? w.lineGap);
  return Math.min(height, line * KEPT_LINES);
}

const TILE_GAP = 10;
const TILE_PAD = 10;

/** The tiles of headline figures, in rows of two or three, each row as tall as its tallest tile. */
function keyFigureRows(w: PdfWriter, figures: Figure[], model: ReportModel): { figures: Figure[]; height: number }[] {
  const perRow = figures.length === 4 || figures.length <= 2 ? 2 : 3;
  const inner = tileInner(w, perRow);
  const rows: { figures: Figure[]; height: number }[] = [];
  for (let start = 0; start < figures.length; start += perRow) {
    const row = figures.slice(start, start + perRow);
    rows.push({ figures: row, height: Math.max(...row.map((f) => tileHeight(w, f, model, inner))) + TILE_GAP });
  }
  return rows;
}

function tileInner(w: PdfWriter, perRow: number): number {
  return (w.width - TILE_GAP * (perRow - 1)) / perRow - TILE_PAD * 2 - 4;
}

function drawKeyFigures(w: PdfWriter, parent: Struct, figures: Figure[], model: ReportModel): void {
  const perRow = figures.length === 4 || figures.length <= 2 ? 2 : 3;
  const tileWidth = (w.width - TILE_GAP * (perRow - 1)) / perRow;
  const inner = tileInner(w, perRow);
  const group = w.element(parent, 'Div');
  for (const { figures: row, height: rowHeight } of keyFigureRows(w, figures, model)) {
    const height = rowHeight - TILE_GAP;
    w.ensureSpace(rowHeight);
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
  w.doc.y += w.gap - TILE_GAP;
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

function figureHeight(w: PdfWriter, figure: Figure, model: ReportModel): number {
  const basis = [figureBasis(figure, model), figure.note].filter(Boolean).join('. ');
  return w.measure(`${figure.label}: ${figureValue(figure)}`, { font: FONT.bold }) + (basis ? 2 + w.measure(basis, { size: SIZE.small }) : 0) + w.gap;
}

function drawFigure(w: PdfWriter, parent: Struct, figure: Figure, model: ReportModel, keptWith: number): void {
  const basis = [figureBasis(figure, model), figure.note].filter(Boolean).join('. ');
  const main = `${figure.label}: ${figureValue(figure)}`;
  w.ensureSpace(figureHeight(w, figure, model) + keptWith);
  const group = w.element(parent, 'Div');
  w.text(group, 'P', main, { font: FONT.bold, gapAfter: basis ? 2 : w.gap });
  if (basis) w.text(group, 'P', basis, { size: SIZE.small, colour: COLOUR.secondary, gapAfter: w.gap });
  group.end();
}

function drawChart(w: PdfWriter, parent: Struct, chart: ChartSpec, titleLevel: number): void {
  const drawing = chartDrawing(chart);
  const height = (drawing.height * w.width) / drawing.width;
  const titleHeight = w.measure(chart.title, { font: FONT.bold });
  w.ensureSpace(titleHeight + 6 + height + 12);
  w.text(parent, headingTag(titleLevel), chart.title, { font: FONT.bold, gapAfter: 6 });
  const top = w.doc.y;
  const left = w.left;
  w.tagged(parent, 'Figure', () => drawChartMarks(w.doc, drawing, left, top, w.width), {
    // Print shows each figure once: the numbers go in the alternative text, not in a table repeated under the chart.
    alt: chartDescription(chart, 'in words'),
    bbox: [left, top, left + w.width, top + height],
  });
  w.doc.y = top + height + 6;
  w.doc.x = w.left;
}

/** The structure tag of a heading at `level` (H1 to H6), refusing a level a tagged PDF cannot carry. */
function headingTag(level: number): 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' {
  if (!Number.isInteger(level) || level < 1 || level > 6) throw new Error(`heading level ${level} has no PDF structure tag; levels run from 1 to 6`);
  return `H${level}` as 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6';
}

/** A data table's rows as the PDF draws them: the column headers, then each row, its first cell heading it where asked. */
function tableRows(w: PdfWriter, table: TableSpec): { rows: PdfTableRow[]; layout: PdfTableLayout } {
  const pad = w.compact ? COMPACT.cellPadding : 4;
  const header: PdfTableRow = { cells: table.columns.map((text) => ({ text, heads: 'Column' })), fill: COLOUR.tile };
  const rows = table.rows.map((cells): PdfTableRow => ({
    cells: cells.map((text, i) => (i === 0 && table.rowHeaders ? { text, heads: 'Row' } : { text })),
  }));
  return { rows: [header, ...rows], layout: { padding: { top: pad, right: 6, bottom: pad, left: 6 }, headerRows: 1, columns: table.widths } };
}

/** The caption and the table's start (header and first row), which the caption keeps with. */
function tableLead(w: PdfWriter, table: TableSpec): number {
  const { rows, layout } = tableRows(w, table);
  return w.measure(table.caption, { font: FONT.bold, size: SIZE.small }) + 4 + tableLeadHeight(w, rows, layout);
}

function drawTable(w: PdfWriter, parent: Struct, table: TableSpec): void {
  w.ensureSpace(tableLead(w, table));
  w.text(parent, 'P', table.caption, { font: FONT.bold, size: SIZE.small, gapAfter: 4 });
  const { rows, layout } = tableRows(w, table);
  drawTableRows(w, parent, rows, layout);
  w.doc.y += w.gap;
}

/** How a quote is set: its words, byline and context in their styles, and the height of all three. */
function quoteLayout(w: PdfWriter, quote: QuoteBlock) {
  const indent = 18;
  const width = w.width - indent;
  const record = quote.quoteId ? `quote ${quote.quoteId}` : 'a quote';
  const words: TextStyle = {
    font: FONT.italic,
    size: w.bodySize + (w.compact ? 0.5 : 1),
    width,
    lang: quote.lang,
    direction: passageDirection(quote.text, quote.lang),
    origin: record,
  };
  const byline: TextStyle = { size: SIZE.small, width, origin: `the attribution of ${record}` };
  const about: TextStyle = { size: SIZE.small, width, origin: `the context of ${record}` };
  const text = `“${quote.text}”`;
  const attribution = `— ${isolateSpeaker(quote)}`;
  const height = w.measure(text, words) + 4 + w.measure(attribution, byline) + (quote.context ? w.measure(quote.context, about) + 2 : 0);
  return { indent, words, byline, about, text, attribution, height };
}

function drawQuote(w: PdfWriter, parent: Struct, quote: QuoteBlock, reportLang: string): void {
  const { indent, words, byline, about, text, attribution, height } = quoteLayout(w, quote);
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
  w.doc.y = Math.max(w.doc.y, top + height) + w.gap;
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

function listStyle(w: PdfWriter): TextStyle {
  return { x: w.left + 16, width: w.width - 16 };
}

function drawList(w: PdfWriter, parent: Struct, items: string[]): void {
  const list = w.element(parent, 'L');
  for (const item of items) {
    const style = listStyle(w);
    w.ensureSpace(w.measure(item, style) + 4);
    const li = w.element(list, 'LI');
    const top = w.doc.y;
    w.tagged(li, 'Lbl', () => {
      w.doc
        .font(FONT.regular)
        .fontSize(w.bodySize)
        .fillColor(COLOUR.ink)
        .text('•', w.left + 4, top, { lineBreak: false });
    });
    w.doc.y = top;
    w.text(li, 'LBody', item, { ...style, gapAfter: 4 });
    li.end();
  }
  list.end();
  w.doc.y += w.gap - 4;
}

/** Room for a paragraph's number ("17."), a little less in a compact section, whose numbers are set smaller. */
const NUMBER_GUTTER = { normal: 28, compact: 24 };

function numberedStyle(w: PdfWriter): TextStyle {
  const gutter = w.compact ? NUMBER_GUTTER.compact : NUMBER_GUTTER.normal;
  return { x: w.left + gutter, width: w.width - gutter };
}

/**
 * A numbered paragraph, as committee papers number theirs so members can refer to them: tagged as a list
 * item whose label is the number, the way a word processor exports its numbered paragraphs.
 */
function drawNumbered(w: PdfWriter, parent: Struct, text: string, keptWith: number): void {
  const number = w.paragraphNumber ?? 1;
  w.paragraphNumber = number + 1;
  const style = numberedStyle(w);
  w.ensureSpace(paragraphLead(w, text, style) + keptWith);
  const list = w.element(parent, 'L');
  const item = w.element(list, 'LI');
  const top = w.doc.y;
  w.tagged(item, 'Lbl', () => {
    w.doc.font(FONT.regular).fontSize(w.bodySize).fillColor(COLOUR.ink).text(`${number}.`, w.left, top, { lineBreak: false });
  });
  w.doc.y = top;
  w.text(item, 'LBody', text, { ...style, gapAfter: w.gap });
  item.end();
  list.end();
}

const NOTICE_PAD = 10;

function noticeHeight(w: PdfWriter, text: string): number {
  return w.measure(text, { width: w.width - NOTICE_PAD * 2 - 4 }) + NOTICE_PAD * 2;
}

function drawNotice(w: PdfWriter, parent: Struct, text: string): void {
  const pad = NOTICE_PAD;
  const width = w.width - pad * 2 - 4;
  const height = noticeHeight(w, text);
  w.ensureSpace(height);
  const top = w.doc.y;
  w.artifact(() => {
    w.doc.rect(w.left, top, w.width, height).fill(COLOUR.notice);
    w.doc.rect(w.left, top, 4, height).fill(COLOUR.brand);
  });
  w.doc.y = top + pad;
  w.text(parent, 'P', text, { x: w.left + 4 + pad, width });
  w.doc.y = top + height + w.gap;
}
