import { stringify } from 'csv-stringify/sync';
import { Workbook } from 'exceljs';

/** A table to write: its sheet name, its header row and its rows. */
export interface OutputSheet {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
  /** Column widths in characters, when the defaults would not suit. */
  widths?: number[];
}

/** The formats a table can be written in. */
export type SpreadsheetFormat = 'csv' | 'xlsx';

/** Characters that make a spreadsheet read a cell as a formula (and tab / carriage return, which some do too). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's text made safe to open in a spreadsheet: text that begins with = + - @ (or a tab or
 * carriage return) is written after an apostrophe, so Excel, LibreOffice and Power BI show it as
 * text and never run it. Numbers are left as numbers: a negative number is not a formula.
 */
export function neutralise(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The table as CSV, UTF-8 with a byte-order mark so Excel reads £ and accents correctly. */
export function toCsv(sheet: OutputSheet): Buffer {
  const body = stringify([sheet.columns, ...sheet.rows.map((row) => row.map((cell) => neutralise(cell) ?? ''))], { record_delimiter: '\r\n' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

/**
 * The sheets as one XLSX workbook. Cells are written as values only, never formulas; text is also
 * neutralised so a copy pasted elsewhere stays harmless. The header row is bold and frozen.
 */
export async function toXlsx(sheets: OutputSheet[], properties: { title: string; creator: string }): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = properties.creator;
  workbook.title = properties.title;
  // A fixed date keeps the workbook the same for the same record.
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.addRow(sheet.columns).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map((cell) => neutralise(cell) ?? ''));
    sheet.columns.forEach((column, i) => {
      worksheet.getColumn(i + 1).width = sheet.widths?.[i] ?? Math.min(60, Math.max(12, column.length + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
