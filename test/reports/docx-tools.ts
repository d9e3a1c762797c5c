import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';

/** Runs `unzip` with `args` on a Word document held in memory and returns its standard output. */
function unzip(docx: Buffer, args: (file: string) => string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'coprod-docx-'));
  try {
    const file = join(dir, 'report.docx');
    writeFileSync(file, docx);
    return execFileSync('unzip', args(file), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One part of the package, e.g. `word/document.xml`, as text. */
export function docxPart(docx: Buffer, part: string): string {
  return unzip(docx, (file) => ['-p', file, part]);
}

/** The names of the package's parts; `unzip -t` checks every part's CRC, and a broken package throws. */
export function docxParts(docx: Buffer): string[] {
  const tested = unzip(docx, (file) => ['-t', file]);
  if (!/No errors detected/.test(tested)) throw new Error(`the Word package did not test clean:\n${tested}`);
  return [...tested.matchAll(/testing: (\S+)\s+OK/g)].map((m) => m[1]);
}

/** The document's text as mammoth reads it, white space made single spaces. */
export async function docxText(docx: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: docx })).value.replace(/\s+/g, ' ');
}

/** The document as mammoth converts it to HTML: Word's built-in heading styles become h1..h6, its lists ol/ul. */
export async function docxHtml(docx: Buffer): Promise<{ html: string; warnings: string[] }> {
  const result = await mammoth.convertToHtml({ buffer: docx });
  return { html: result.value, warnings: result.messages.map((m) => m.message) };
}
