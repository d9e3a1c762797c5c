import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';

/** One data row of an imported file, numbered as a spreadsheet numbers it (the header is row 1). */
export interface TableRow {
  rowNumber: number;
  /** Cell text by column heading, trimmed; an empty cell is an empty string. */
  cells: Record<string, string>;
}

/** A file read into rows, with what identifies it. */
export interface ImportTable {
  /** SHA-256 (hex) of the file's bytes, exactly as uploaded. */
  sha256: string;
  /** How the text was read: `utf-8`, `utf-8 with BOM`, `windows-1252` or `xlsx`. */
  encoding: string;
  headers: string[];
  rows: TableRow[];
  /** Cells that could not be read (a formula with no saved value); listed as row errors. */
  unreadable: { rowNumber: number; column: string; problem: string }[];
}

/** The file could not be read at all (not a CSV or XLSX, no header row). */
export class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** More rows than this in one file is refused: split it, so one import stays one reviewable batch. */
export const MAX_IMPORT_ROWS = 50_000;

/** The SHA-256 of a file's bytes, the identity every imported event records. */
export function fileSha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads a CSV (UTF-8 with or without a byte-order mark, or Windows-1252 as Excel saves it on Windows)
 * or an XLSX workbook (its first sheet) into rows keyed by the header row. Formulas are never
 * evaluated: an XLSX formula cell gives the value Excel saved with it, or is listed as unreadable.
 */
export async function readTable(bytes: Buffer, fileName: string): Promise<ImportTable> {
  const sha256 = fileSha256(bytes);
  const isXlsx = bytes.subarray(0, 4).equals(XLSX_MAGIC) || /\.xlsx$/i.test(fileName);
  const read = isXlsx ? await readXlsx(bytes) : readCsv(bytes);
  if (read.headers.length === 0 || read.headers.every((h) => h === ''))
    throw new UnreadableFile(`${fileName} has no header row; use the template's first row`);
  const duplicate = read.headers.find((h, i) => h !== '' && read.headers.indexOf(h) !== i);
  if (duplicate) throw new UnreadableFile(`${fileName} has the column "${duplicate}" twice; each column heading must appear once`);
  if (read.rows.length > MAX_IMPORT_ROWS)
    throw new UnreadableFile(`${fileName} has ${read.rows.length} rows; at most ${MAX_IMPORT_ROWS} can be imported at once, so split the file`);
  return { sha256, ...read };
}

/** The text of a CSV file: a UTF-8 BOM is dropped; bytes that are not valid UTF-8 are read as Windows-1252. */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)), encoding: 'utf-8 with BOM' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UnreadableFile('the file is saved as UTF-16; save it as "CSV UTF-8" or "CSV (Comma delimited)" instead');
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Excel's "CSV (Comma delimited)" on Windows writes Windows-1252: £ is 0xA3, é is 0xE9, which are never valid UTF-8 on their own.
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252's characters at 0x80 to 0x9F (€, curly quotes, dashes, ...), where it differs from
 * Latin-1. Node's own 'windows-1252' decoder reads these bytes as Latin-1's control characters on some
 * builds, which would turn every curly apostrophe Excel writes into a refused control character.
 */
const WINDOWS_1252_HIGH: Record<number, number> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x8e: 0x017d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9e: 0x017e,
  0x9f: 0x0178,
};

/** Windows-1252 text: Latin-1 for every byte but 0x80 to 0x9F, which take the characters above (the five unassigned stay as they are). */
function decodeWindows1252(bytes: Buffer): string {
  const text = new TextDecoder('windows-1252').decode(bytes);
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0)] ?? c.charCodeAt(0)));
}

function readCsv(bytes: Buffer): Omit<ImportTable, 'sha256'> {
  const { text, encoding } = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (error) {
    throw new UnreadableFile(`the file is not a readable CSV: ${(error as Error).message}`);
  }
  const [header = [], ...body] = records;
  const headers = header.map((h) => h.trim());
  const rows: TableRow[] = [];
  body.forEach((record, i) => {
    if (record.every((cell) => cell.trim() === '')) return;
    rows.push({
      rowNumber: i + 2,
      cells: cellsOf(
        headers,
        record.map((cell) => cell.trim()),
      ),
    });
  });
  return { encoding, headers, rows, unreadable: [] };
}

async function readXlsx(bytes: Buffer): Promise<Omit<ImportTable, 'sha256'>> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFile(`the file is not a readable XLSX workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFile('the workbook has no sheets');
  const width = sheet.columnCount;
  const headers = Array.from({ length: width }, (_, i) => cellText(sheet.getRow(1).getCell(i + 1).value).text.trim());
  const rows: TableRow[] = [];
  const unreadable: ImportTable['unreadable'] = [];
  for (let r = 2; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const values: string[] = [];
    for (let c = 1; c <= width; c += 1) {
      const { text, problem } = cellText(row.getCell(c).value);
      if (problem) unreadable.push({ rowNumber: r, column: headers[c - 1] || `column ${c}`, problem });
      values.push(text.trim());
    }
    if (values.every((v) => v === '') && !unreadable.some((u) => u.rowNumber === r)) continue;
    rows.push({ rowNumber: r, cells: cellsOf(headers, values) });
  }
  return { encoding: 'xlsx', headers, rows, unreadable };
}

function cellsOf(headers: string[], values: string[]): Record<string, string> {
  const cells: Record<string, string> = {};
  headers.forEach((header, i) => {
    if (header !== '') cells[header] = values[i] ?? '';
  });
  return cells;
}

/**
 * A cell's value as text, never evaluating anything: a formula gives the result Excel saved, and a
 * formula saved without one is refused (opening and saving the file in Excel stores the results).
 */
export function cellText(value: unknown): { text: string; problem?: string } {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) return { text: isoDateOrInstant(value) };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'object') {
    const cell = value as Record<string, unknown>;
    if ('formula' in cell || 'sharedFormula' in cell) {
      if (!('result' in cell) || cell.result === undefined || cell.result === null) {
        return {
          text: '',
          problem:
            'is a formula with no saved result; formulas are never worked out on import, so open the file in Excel, save it, and import it again (or type the value)',
        };
      }
      if (typeof cell.result === 'object' && cell.result !== null && 'error' in cell.result)
        return { text: '', problem: `is a formula whose saved result is the error ${String((cell.result as { error: unknown }).error)}` };
      return cellText(cell.result);
    }
    if (Array.isArray(cell.richText)) return { text: (cell.richText as { text: string }[]).map((part) => part.text).join('') };
    if ('text' in cell && typeof cell.text === 'string') return { text: cell.text };
    if ('error' in cell) return { text: '', problem: `holds the error ${String(cell.error)}` };
  }
  return { text: String(value) };
}

/** Excel stores dates as instants at midnight UTC; a date with no time reads back as the plain date. */
function isoDateOrInstant(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
