import { COLOUR, FONT, SIZE } from './pdf-theme';
import type { PdfWriter } from './pdf-writer';

type Struct = PDFKit.PDFStructureElement;

/** One cell: a header cell heads its column or its row (PDF/UA's Scope), any other is a data cell. */
export interface PdfTableCell {
  text: string;
  heads?: 'Column' | 'Row';
  font?: string;
}

/** One row of cells, with the background it is drawn on, if any. */
export interface PdfTableRow {
  cells: PdfTableCell[];
  fill?: string;
}

/** How a table is laid out: column widths in points ('*' shares what is left equally) and cell padding. */
export interface PdfTableLayout {
  columns?: (number | '*')[];
  padding: { top: number; right: number; bottom: number; left: number };
  /** How many leading rows head the table: tagged THead (the rest TBody) and drawn again at the top of every page the table runs onto. */
  headerRows?: number;
  /** Type size of the cells in points; the small size when absent. */
  size?: number;
}

const RULE_WIDTH = 0.75;

/**
 * Draws a table tagged as Table > TR > TH/TD, header cells carrying their Scope. Each cell is measured
 * once and written once; the row backgrounds and rules are drawn first, as an Artifact, so they never
 * split the cells' marked content. A row that does not fit starts a new page. (pdfkit's own tables lay
 * out every cell's text five times and write each cell's attributes as an object of its own.)
 */
export function drawTableRows(w: PdfWriter, parent: Struct, rows: PdfTableRow[], layout: PdfTableLayout): void {
  const { widths, styleOf, heightOf } = tableMetrics(w, rows, layout);
  const { padding } = layout;
  const headerCount = Math.min(layout.headerRows ?? 0, rows.length);
  const table = w.element(parent, 'Table');
  const head = headerCount > 0 ? w.element(table, 'THead') : table;
  const body = headerCount > 0 ? w.element(table, 'TBody') : table;
  const headerHeight = rows.slice(0, headerCount).reduce((sum, row) => sum + heightOf(row), 0);
  rows.forEach((row, index) => {
    const styles = styleOf(row);
    const height = heightOf(row);
    const inHeader = index < headerCount;
    // The header and the first body row start together: a header is never left alone at the foot of a page.
    w.ensureSpace(index === 0 && headerCount > 0 && rows.length > headerCount ? headerHeight + heightOf(rows[headerCount]) : height);
    if (!inHeader && w.doc.y === w.doc.page.margins.top && index > headerCount) {
      for (const repeated of rows.slice(0, headerCount)) repeatHeaderRow(w, repeated, styleOf(repeated), widths, padding, heightOf(repeated));
    }
    const top = w.doc.y;
    drawRowDecoration(w, top, height, row.fill);
    const tr = w.element(inHeader ? head : body, 'TR');
    let x = w.left;
    row.cells.forEach((cell, i) => {
      w.doc.y = top + padding.top;
      const scope = cell.heads ? { scope: cell.heads } : {};
      w.text(tr, cell.heads ? 'TH' : 'TD', cell.text, { ...styles[i], x: x + padding.left, colour: COLOUR.ink }, scope);
      x += widths[i];
    });
    tr.end();
    w.doc.y = top + height;
  });
  if (headerCount > 0) {
    head.end();
    body.end();
  }
  table.end();
  w.doc.x = w.left;
}

/**
 * The header row again at the top of a page a table runs onto, so every page can be read on its own. It is
 * drawn as a pagination artifact: the table's structure holds its header once, in THead.
 */
function repeatHeaderRow(
  w: PdfWriter,
  row: PdfTableRow,
  styles: { font: string; size: number; width: number }[],
  widths: number[],
  padding: PdfTableLayout['padding'],
  height: number,
): void {
  const top = w.doc.y;
  drawRowDecoration(w, top, height, row.fill);
  w.artifact(() => {
    let x = w.left;
    row.cells.forEach((cell, i) => {
      w.doc.font(styles[i].font).fontSize(styles[i].size).fillColor(COLOUR.ink);
      w.doc.text(cell.text, x + padding.left, top + padding.top, { width: styles[i].width, lineGap: 0 });
      x += widths[i];
    });
  }, 'Pagination');
  w.doc.y = top + height;
  w.doc.x = w.left;
}

/**
 * The height a table needs to start on a page: its header rows and first body row. A title or heading
 * above the table keeps with this much, so it never stands alone at the foot of a page.
 */
export function tableLeadHeight(w: PdfWriter, rows: PdfTableRow[], layout: PdfTableLayout): number {
  const { heightOf } = tableMetrics(w, rows, layout);
  const headerCount = Math.min(layout.headerRows ?? 0, rows.length);
  return rows.slice(0, headerCount + 1).reduce((sum, row) => sum + heightOf(row), 0);
}

/** Column widths, each cell's text style, and each row's height, for drawing a table or measuring its start. */
function tableMetrics(w: PdfWriter, rows: PdfTableRow[], layout: PdfTableLayout) {
  const columnCount = Math.max(...rows.map((row) => row.cells.length));
  const widths = columnWidths(w.width, columnCount, layout.columns);
  const { padding } = layout;
  const size = layout.size ?? SIZE.small;
  const styleOf = (row: PdfTableRow) =>
    row.cells.map((cell, i) => ({
      font: cell.font ?? (cell.heads ? FONT.bold : FONT.regular),
      size,
      width: widths[i] - padding.left - padding.right,
      lineGap: 0,
    }));
  const heightOf = (row: PdfTableRow) =>
    Math.max(...row.cells.map((cell, i) => w.measure(cell.text, styleOf(row)[i]))) + padding.top + padding.bottom;
  return { widths, styleOf, heightOf };
}

function columnWidths(total: number, count: number, columns: (number | '*')[] = []): number[] {
  const given = Array.from({ length: count }, (_, i) => columns[i] ?? '*');
  const fixed = given.reduce<number>((sum, width) => sum + (width === '*' ? 0 : width), 0);
  const shared = given.filter((width) => width === '*').length;
  return given.map((width) => (width === '*' ? (total - fixed) / shared : width));
}

function drawRowDecoration(w: PdfWriter, top: number, height: number, fill: string | undefined): void {
  w.artifact(() => {
    if (fill) w.doc.rect(w.left, top, w.width, height).fill(fill);
    w.doc
      .moveTo(w.left, top + height)
      .lineTo(w.left + w.width, top + height)
      .lineWidth(RULE_WIDTH)
      .strokeColor(COLOUR.rule)
      .stroke();
  });
}
