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

/**
 * How a table is laid out: column widths in points and cell padding. The columns marked '*' share what is left
 * by their contents (see `sharedWidths`); without `columns`, every column has an equal share.
 */
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
  const widths = columnWidths(w, rows, layout);
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

/*
 * A table is measured before it is drawn (a heading keeps with its start) and again when it is drawn: the
 * widths its columns share by content are worked out once, kept by what the table holds.
 */
const SHARES_KEPT = 200;
const sharesKept = new Map<string, number[]>();

function columnWidths(w: PdfWriter, rows: PdfTableRow[], layout: PdfTableLayout): number[] {
  const count = Math.max(...rows.map((row) => row.cells.length));
  const given = Array.from({ length: count }, (_, i) => layout.columns?.[i] ?? '*');
  const fixed = given.reduce<number>((sum, width) => sum + (width === '*' ? 0 : width), 0);
  const shared = given.flatMap((width, i) => (width === '*' ? [i] : []));
  const rest = w.width - fixed;
  const widths = given.map((width) => (width === '*' ? rest / shared.length : width));
  if (!layout.columns || shared.length < 2) return widths;
  const key = JSON.stringify([
    given,
    rest,
    layout.padding,
    layout.size,
    rows.map((row) => row.cells.map((cell) => [cell.text, cell.font, cell.heads])),
  ]);
  let shares = sharesKept.get(key);
  if (!shares) {
    shares = sharedWidths(w, rows, layout, widths, shared, rest);
    if (sharesKept.size >= SHARES_KEPT) sharesKept.clear();
    sharesKept.set(key, shares);
  }
  shares.forEach((width, k) => (widths[shared[k]] = width));
  return widths;
}

/** Most ways of sharing the width weighed for one table; past it, each column's candidate widths are thinned evenly. */
const SHARINGS_WEIGHED = 40_000;
/** Room left beyond the width a cell's lines were worked out for, so pdfkit's own line breaking makes the same breaks. */
const SLACK = 0.5;

/** One cell's text as line breaking sees it: per paragraph, the widths of the pieces a line may end after. */
type CellPieces = number[][];

/** How many lines a cell's text takes at `width` (padding excluded), breaking as pdfkit does: a piece that does not fit starts a line. */
function linesAt(paragraphs: CellPieces, width: number): number {
  let lines = 0;
  for (const pieces of paragraphs) {
    let used = 0;
    lines += 1;
    for (const piece of pieces) {
      if (used > 0 && used + piece > width) {
        lines += 1;
        used = 0;
      }
      used += piece;
    }
  }
  return lines;
}

/** `need[j - 1]` is the least column width (padding included) at which the cell takes at most j lines, from one line down to its lines at `least`. */
function breakWidths(paragraphs: CellPieces, least: number, pad: number): number[] {
  const widest = Math.max(least, ...paragraphs.map((pieces) => pieces.reduce((sum, piece) => sum + piece, 0) + pad));
  const need: number[] = [];
  for (let lines = 1; lines <= linesAt(paragraphs, least - pad); lines++) {
    let [low, high] = [least, widest];
    while (high - low > 0.25) {
      const mid = (low + high) / 2;
      if (linesAt(paragraphs, mid - pad) <= lines) high = mid;
      else low = mid;
    }
    need.push(Math.ceil((high + SLACK) * 2) / 2);
  }
  return need;
}

/** The lines a cell takes in a column `width` wide, from its break widths. */
function linesIn(need: number[], width: number): number {
  const fewer = need.findIndex((needed) => needed <= width);
  return fewer < 0 ? need.length : fewer + 1;
}

const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);

/**
 * The widths of the columns that share `rest` points, chosen by what they hold rather than equally, so a
 * column of dates or short labels is not wrapped into three lines while a column of sentences has room to
 * spare. Every column is at least as wide as its longest word. Each cell's line breaks are worked out as
 * pdfkit makes them (after spaces and hyphens), which gives the widths at which each column's cells take a
 * line fewer; of the ways of sharing `rest` at those widths, the one that makes the table shortest is chosen,
 * and of those as short, the one that breaks its cells into fewest lines in all. What is over goes to the
 * columns whose text would like more room.
 */
function sharedWidths(w: PdfWriter, rows: PdfTableRow[], layout: PdfTableLayout, start: number[], shared: number[], rest: number): number[] {
  const size = layout.size ?? SIZE.small;
  const pad = layout.padding.left + layout.padding.right;
  const measured = new Map<string, number>();
  const widthOf = (text: string, font: string) => {
    const key = `${font}\n${text}`;
    let width = measured.get(key);
    if (width === undefined) {
      w.doc.font(font).fontSize(size);
      measured.set(key, (width = w.doc.widthOfString(text)));
    }
    return width;
  };
  // A piece is a word with the spaces after it (pdfkit counts them), or the part of a hyphenated word up to its hyphen.
  const piecesOf = (cell: PdfTableCell | undefined): CellPieces => {
    const font = cell?.font ?? (cell?.heads ? FONT.bold : FONT.regular);
    return (cell?.text ?? '')
      .split('\n')
      .map((paragraph) => (paragraph.match(/\S+\s*/g) ?? []).flatMap((word) => word.split(/(?<=-)(?=[^\s-])/)).map((piece) => widthOf(piece, font)));
  };
  const pieces = shared.map((column) => rows.map((row) => piecesOf(row.cells[column])));
  const least = pieces.map((column) => Math.max(pad + 12, ...column.flat(2).map((piece) => piece + pad + SLACK)));
  if (total(least) >= rest) return least.map((width) => (width * rest) / total(least));
  const need = pieces.map((column, k) => column.map((cell) => breakWidths(cell, least[k], pad)));
  // The columns of fixed width set a floor under each row that no sharing can lower.
  const floors = rows.map((row) => Math.max(1, ...row.cells.map((cell, i) => (shared.includes(i) ? 1 : linesAt(piecesOf(cell), start[i] - pad)))));
  const found = shortestSharing(need, least, floors, rest);
  // Each column at the least width that keeps its lines, then what is over shared by how much wider each column's text would like to be.
  const kept = found.map((width, k) => Math.max(least[k], ...need[k].map((cell) => cell[linesIn(cell, width) - 1] ?? least[k])));
  const wanted = need.map((column, k) => Math.max(0, Math.max(0, ...column.map((cell) => cell[0] ?? 0)) - kept[k]));
  const over = rest - total(kept);
  const share = total(wanted) > 0 ? wanted.map((want) => want / total(wanted)) : kept.map((width) => width / total(kept));
  return kept.map((width, k) => width + over * share[k]);
}

/**
 * Of the ways of sharing `rest` between the columns at the widths where one of their cells takes a line fewer
 * (the last column taking what is left), the one giving the shortest table, then the fewest lines in all.
 */
function shortestSharing(need: number[][][], least: number[], floors: number[], rest: number): number[] {
  const last = need.length - 1;
  let candidates = need.map((column, k) => {
    const room = rest - total(least) + least[k];
    return [...new Set([least[k], ...column.flat()])].filter((width) => width >= least[k] && width <= room).sort((a, b) => a - b);
  });
  const sharings = candidates.slice(0, last).reduce((product, widths) => product * widths.length, 1);
  if (sharings > SHARINGS_WEIGHED) {
    const keep = Math.max(2, Math.floor(SHARINGS_WEIGHED ** (1 / last)));
    candidates = candidates.map((widths, k) =>
      k === last || widths.length <= keep
        ? widths
        : Array.from({ length: keep }, (_, i) => widths[Math.round((i * (widths.length - 1)) / (keep - 1))]),
    );
  }
  let best = { widths: least, height: Infinity, lines: Infinity };
  const chosen: number[] = [];
  const weigh = (k: number, used: number): void => {
    if (k === last) {
      const widths = [...chosen, rest - used];
      if (widths[last] < least[last]) return;
      const lines = need.map((column, c) => column.map((cell) => linesIn(cell, widths[c])));
      const height = total(floors.map((floor, r) => Math.max(floor, ...lines.map((column) => column[r]))));
      const all = total(lines.flat());
      if (height < best.height || (height === best.height && all < best.lines)) best = { widths, height, lines: all };
      return;
    }
    for (const width of candidates[k]) {
      if (used + width + total(least.slice(k + 1)) > rest) break;
      chosen[k] = width;
      weigh(k + 1, used + width);
    }
  };
  weigh(0, 0);
  return best.widths;
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
