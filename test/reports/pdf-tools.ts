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
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
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

/** The structure elements in the PDF's structure tree, read with `qpdf --json`. */
function structureElements(pdf: Buffer): Record<string, unknown>[] {
  const json = JSON.parse(onFile(pdf, (file) => execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }))) as {
    qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
  };
  const objects = Object.values(json.qpdf[1]);
  return (
    objects
      .map((o) => o.value)
      // pdfkit leaves out the optional /Type /StructElem: a structure element is what has a type (/S) and a parent (/P).
      .filter((v): v is Record<string, unknown> => !!v && typeof v['/S'] === 'string' && (v['/Type'] === '/StructElem' || '/P' in v))
  );
}

/** The structure element types (/S) in the PDF's structure tree. */
export function structureTypes(pdf: Buffer): string[] {
  return structureElements(pdf).map((v) => String(v['/S']).slice(1));
}

/** The language (/Lang) of each structure element of `type`, as a BCP 47 tag. */
export function structureLanguages(pdf: Buffer, type: string): string[] {
  return structureElements(pdf)
    .filter((v) => v['/S'] === `/${type}` && typeof v['/Lang'] === 'string')
    .map((v) => String(v['/Lang']).replace(/^u:/, ''));
}

/** The text of a PDF as `pdfText` gives it, without the embedding marks (U+202A–U+202C) pdftotext puts around right-to-left stretches. */
export function pdfPlainText(pdf: Buffer): string {
  return pdfText(pdf).replace(/[\u202A-\u202C]/g, '');
}

/** Every word pdftotext finds, with its page and box in points from the page's top left, read from `pdftotext -bbox`. */
export function pdfWords(pdf: Buffer): { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = onFile(pdf, (file) => execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  return html
    .split('<page ')
    .slice(1)
    .flatMap((page, index) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        page: index + 1,
        text: m[5],
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })),
    );
}

/**
 * How many glyphs the PDF's text operators draw, and how many of them are glyph 0 (`.notdef`, the empty box a
 * font shows for a character it lacks). Every font pdfkit embeds is a two-byte CID font, so each four hex
 * digits of a string shown by Tj or TJ is one glyph.
 */
export function drawnGlyphs(pdf: Buffer): { glyphs: number; notdef: number } {
  const qdf = onFile(pdf, (file) =>
    execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { encoding: 'latin1', maxBuffer: 256 * 1024 * 1024 }),
  );
  const shown = [...qdf.matchAll(/<([0-9a-fA-F]*)>\s*Tj/g)].map((m) => m[1]);
  for (const array of qdf.matchAll(/\[([^[\]]*)\]\s*TJ/g)) shown.push(...[...array[1].matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]));
  const ids = shown.flatMap((hex) => hex.match(/.{4}/g) ?? []);
  return { glyphs: ids.length, notdef: ids.filter((id) => id === '0000').length };
}

/**
 * The headings of a PDF's structure tree in reading order, as their levels (H1 → 1), found by walking the
 * tree from its root through each element's kids (`qpdf --json` keeps the objects but not their order).
 */
export function headingLevels(pdf: Buffer): number[] {
  const json = JSON.parse(onFile(pdf, (file) => execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }))) as {
    qpdf: [unknown, Record<string, { value?: unknown }>];
  };
  const objects = json.qpdf[1];
  const deref = (ref: unknown): unknown => (typeof ref === 'string' && /^\d+ \d+ R$/.test(ref) ? objects[`obj:${ref}`]?.value : ref);
  const root = Object.values(objects)
    .map((o) => o.value as Record<string, unknown> | undefined)
    .find((v) => v?.['/Type'] === '/StructTreeRoot');
  if (!root) throw new Error('the PDF has no structure tree (/StructTreeRoot); it is not tagged');
  const levels: number[] = [];
  const visit = (node: unknown): void => {
    const value = deref(node);
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const element = value as Record<string, unknown>;
    const heading = typeof element['/S'] === 'string' ? /^\/H([1-6])$/.exec(element['/S']) : null;
    if (heading) levels.push(Number(heading[1]));
    if ('/K' in element) visit(element['/K']);
  };
  visit(root['/K']);
  return levels;
}

/** The first place where a heading goes more than one level deeper than the heading before it, or null where none does. */
export function skippedHeadingLevel(levels: number[]): string | null {
  for (let i = 1; i < levels.length; i++) {
    if (levels[i] > levels[i - 1] + 1) return `H${levels[i]} straight after H${levels[i - 1]} (heading ${i + 1} of ${levels.length})`;
  }
  return levels.length && levels[0] !== 1 ? `the first heading is H${levels[0]}, not H1` : null;
}
