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
}

const RULE_WIDTH = 0.75;

/**
 * Draws a table tagged as Table > TR > TH/TD, header cells carrying their Scope. Each cell is measured
 * once and written once; the row backgrounds and rules are drawn first, as an Artifact, so they never
 * split the cells' marked content. A row that does not fit starts a new page. (pdfkit's own tables lay
 * out every cell's text five times and write each cell's attributes as an object of its own.)
 */
export function drawTableRows(w: PdfWriter, parent: Struct, rows: PdfTableRow[], layout: PdfTableLayout): void {
  const columnCount = Math.max(...rows.map((row) => row.cells.length));
  const widths = columnWidths(w.width, columnCount, layout.columns);
  const { padding } = layout;
  const table = w.element(parent, 'Table');
  for (const row of rows) {
    const styles = row.cells.map((cell, i) => ({
      font: cell.font ?? (cell.heads ? FONT.bold : FONT.regular),
      size: SIZE.small,
      width: widths[i] - padding.left - padding.right,
      lineGap: 0,
    }));
    const textHeight = Math.max(...row.cells.map((cell, i) => w.measure(cell.text, styles[i])));
    const height = textHeight + padding.top + padding.bottom;
    w.ensureSpace(height);
    const top = w.doc.y;
    drawRowDecoration(w, top, height, row.fill);
    const tr = w.element(table, 'TR');
    let x = w.left;
    row.cells.forEach((cell, i) => {
      w.doc.y = top + padding.top;
      const scope = cell.heads ? { scope: cell.heads } : {};
      w.text(tr, cell.heads ? 'TH' : 'TD', cell.text, { ...styles[i], x: x + padding.left, colour: COLOUR.ink }, scope);
      x += widths[i];
    });
    tr.end();
    w.doc.y = top + height;
  }
  table.end();
  w.doc.x = w.left;
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
