import { readFileSync } from 'node:fs';
import { BoundedCache } from '../../bounded-cache';
import { FONT_FILES } from './pdf-theme';

/** The parsed font object pdfkit accepts in place of a file (pdfkit recognises it by its `layout` method). */
interface ParsedFont {
  layout: (...args: unknown[]) => unknown;
  createSubset(): FontSubset;
}

/** fontkit's subset of a font: the glyphs a document uses, in the order it first used them. */
interface FontSubset {
  glyphs: number[];
  encode(): Uint8Array;
}

/*
 * Parsing DejaVu's tables costs more than laying out a whole report, so each file is parsed once per
 * process with fontkit (pdfkit's own font engine) and handed to every document; each document still
 * makes its own subset of the glyphs it uses.
 */
const parsed = new Map<string, ParsedFont>();

/** The parsed font registered under `name` (see FONT_FILES). */
export function parsedFont(name: string): ParsedFont {
  let font = parsed.get(name);
  if (!font) {
    const file = FONT_FILES[name];
    if (!file) throw new Error(`no font file is configured for "${name}"; add it to FONT_FILES in pdf-theme.ts`);
    const fontkit = require('fontkit') as { create(data: Buffer): ParsedFont };
    font = fontkit.create(readFileSync(require.resolve(file)));
    keepSubsets(name, font);
    parsed.set(name, font);
  }
  return font;
}

/*
 * Writing a subset decodes every glyph it holds again, for each document. The font file a subset
 * gives depends only on the font and its glyphs in order, so a report drawn again embeds the file
 * kept from before; pdfkit copies it into the document and never changes it.
 */
const subsets = new BoundedCache<Uint8Array>(32, 8 * 1024 * 1024, (file) => file.length);

function keepSubsets(name: string, font: ParsedFont): void {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset();
    const encode = subset.encode.bind(subset);
    subset.encode = () => subsets.getOrMake(`${name}\n${subset.glyphs.join(',')}`, encode);
    return subset;
  };
}

/*
 * pdfkit shapes every word with fontkit and caches the result per document, so each new report would
 * shape its words again. A shaped word depends only on the font and the word, so one cache per font
 * serves every document; it is dropped when it grows past LAYOUT_CACHE_WORDS.
 */
const LAYOUT_CACHE_WORDS = 50_000;
const layoutCaches = new Map<string, Record<string, unknown>>();

/** Gives `doc`'s instance of every configured font the process-wide cache of shaped words. */
export function shareLayoutCaches(doc: PDFKit.PDFDocument): void {
  for (const name of Object.keys(FONT_FILES)) {
    let cache = layoutCaches.get(name);
    if (!cache || Object.keys(cache).length > LAYOUT_CACHE_WORDS) {
      cache = Object.create(null) as Record<string, unknown>;
      layoutCaches.set(name, cache);
    }
    doc.font(name);
    (doc as unknown as { _font: { layoutCache?: Record<string, unknown> } })._font.layoutCache = cache;
  }
}
