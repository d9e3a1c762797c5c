import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a poppler or qpdf tool on a PDF held in memory and returns its standard output. */
function onFile(pdf: Buffer, run: (file: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'coprod-pdf-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF, in reading order, with runs of white space made single spaces. */
export function pdfText(pdf: Buffer): string {
  return onFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).replace(/\s+/g, ' ');
}

/** `pdfinfo` as a map of field to value. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = onFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** One row per font: name and whether it is embedded. */
export function pdfFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  const out = onFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type [encoding...] emb sub uni object ID: emb is the 5th column from the end.
      return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
    });
}

/** The structure element types (/S) in the PDF's structure tree, read with `qpdf --json`. */
export function structureTypes(pdf: Buffer): string[] {
  const json = JSON.parse(onFile(pdf, (file) => execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }))) as {
    qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
  };
  const objects = Object.values(json.qpdf[1]);
  return objects
    .map((o) => o.value)
    // pdfkit leaves out the optional /Type /StructElem: a structure element is what has a type (/S) and a parent (/P).
    .filter((v): v is Record<string, unknown> => !!v && typeof v['/S'] === 'string' && (v['/Type'] === '/StructElem' || '/P' in v))
    .map((v) => String(v['/S']).slice(1));
}
