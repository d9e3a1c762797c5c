import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { deflateSync } from 'node:zlib';
import { BoundedCache } from '../../bounded-cache';
import { scriptFontNames } from './pdf-script-fonts';
import { FONT_FILES } from './pdf-theme';

/** A fontkit glyph as shaping returns it. */
export interface FontGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

/** A fontkit glyph position, in font units. */
export interface FontGlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** The parsed font object pdfkit accepts in place of a file (pdfkit recognises it by its `layout` method). */
export interface ParsedFont {
  layout(text: string, features?: string[], script?: string, language?: string, direction?: string): { glyphs: FontGlyph[]; positions: FontGlyphPosition[] };
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): FontGlyph;
  createSubset(): FontSubset;
  unitsPerEm: number;
}

/** fontkit's subset of a font: the glyphs a document uses, in the order it first used them. */
interface FontSubset {
  glyphs: number[];
  encode(): Uint8Array;
}

/** Every font a document may register, by name: the four DejaVu faces and the Noto family of each other script. */
const ALL_FONT_FILES: Record<string, string> = { ...FONT_FILES, ...scriptFontNames() };

/** True when `name` is a font a report may use. */
export function isKnownFont(name: string): boolean {
  return name in ALL_FONT_FILES;
}

/*
 * Parsing a font's tables costs more than laying out a whole report, so each file is parsed once per
 * process with fontkit (pdfkit's own font engine) and handed to every document; each document still
 * makes its own subset of the glyphs it uses. A font is read only when a report first needs it.
 */
const parsed = new Map<string, ParsedFont>();

/** The parsed font registered under `name` (see FONT_FILES and SCRIPT_FONT_FILES). */
export function parsedFont(name: string): ParsedFont {
  let font = parsed.get(name);
  if (!font) {
    const file = ALL_FONT_FILES[name];
    if (!file) throw new Error(`no font file is configured for "${name}"; add it to FONT_FILES in pdf-theme.ts or SCRIPT_FONT_FILES in pdf-script-fonts.ts`);
    const fontkit = require('fontkit') as { create(data: Buffer): ParsedFont };
    font = fontkit.create(readFileSync(packageFile(file)));
    skipNullAnchors(font);
    keepSubsets(name, font);
    parsed.set(name, font);
  }
  return font;
}

/** True when the font registered under `name` has a glyph for the character. */
export function fontHasGlyph(name: string, codePoint: number): boolean {
  return parsedFont(name).hasGlyphForCodePoint(codePoint);
}

/**
 * The file `package/path` inside an installed package. Some font packages export only their script entry,
 * so a path the resolver refuses is found beside the package's entry instead.
 */
/** The file of the font registered under `name`, for drawing that is not pdfkit's (a chart's canvas). */
export function fontFile(name: string): string {
  const file = ALL_FONT_FILES[name];
  if (!file) throw new Error(`no font file is configured for "${name}"; add it to FONT_FILES in pdf-theme.ts or SCRIPT_FONT_FILES in pdf-script-fonts.ts`);
  return packageFile(file);
}

function packageFile(file: string): string {
  try {
    return require.resolve(file);
  } catch (refused) {
    const parts = file.split('/');
    const name = parts.slice(0, file.startsWith('@') ? 2 : 1);
    const entry = require.resolve(name.join('/'));
    const marker = `${sep}node_modules${sep}${name.join(sep)}${sep}`;
    const at = entry.lastIndexOf(marker);
    if (at < 0) throw refused;
    return join(entry.slice(0, at + marker.length), ...parts.slice(name.length));
  }
}

/*
 * OpenType lets a mark-attachment lookup hold a NULL anchor ("nothing to attach here"); fontkit 2 reads
 * it as an anchor and throws, which stops Noto Nastaliq Urdu shaping words such as بڑا. fontkit 3 (which
 * pdfkit 0.20 does not use) skips such an attachment; this does the same for the fontkit pdfkit uses.
 */
const NULL_ANCHORS_SKIPPED = Symbol('null anchors skipped');

function skipNullAnchors(font: ParsedFont): void {
  const gpos = (font as unknown as { _layoutEngine?: { engine?: { GPOSProcessor?: object } } })._layoutEngine?.engine?.GPOSProcessor;
  if (!gpos) return;
  type ApplyAnchor = (this: unknown, markRecord: { markAnchor?: unknown }, baseAnchor: unknown, ...rest: unknown[]) => unknown;
  const processor = Object.getPrototypeOf(gpos) as { applyAnchor: ApplyAnchor; [NULL_ANCHORS_SKIPPED]?: boolean };
  if (processor[NULL_ANCHORS_SKIPPED]) return;
  const applyAnchor = processor.applyAnchor;
  processor.applyAnchor = function (markRecord, baseAnchor, ...rest) {
    if (!baseAnchor || !markRecord.markAnchor) return undefined;
    return applyAnchor.call(this, markRecord, baseAnchor, ...rest);
  };
  processor[NULL_ANCHORS_SKIPPED] = true;
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

/** Makes `name` the current font of `doc`, registering it first if this document has not used it yet. */
export function useFont(doc: PDFKit.PDFDocument, name: string): void {
  const registered = (doc as unknown as { _registeredFonts: Record<string, unknown> })._registeredFonts;
  if (registered[name]) {
    doc.font(name);
    return;
  }
  doc.registerFont(name, parsedFont(name) as never);
  doc.font(name);
  embedCompressed((doc as unknown as { _font: EmbeddedFont })._font, name);
}

/** pdfkit's embedded font and the stream it writes the font file to, as far as embedding needs. */
interface EmbeddedFont {
  document: { ref(data?: object): FontFileStream };
  subset: FontSubset;
  embed(): void;
}

interface FontFileStream {
  compress: boolean;
  data: Record<string, unknown>;
  write(chunk: Uint8Array): void;
}

/*
 * pdfkit compresses each embedded font file again in every document, and a script font's subset (a Han
 * font's above all) is large. The file depends only on the font and its glyphs, so it is kept compressed
 * too, and handed to pdfkit as a stream already compressed: the same bytes pdfkit would have written.
 */
const compressedSubsets = new BoundedCache<Buffer>(32, 8 * 1024 * 1024, (file) => file.length);

function embedCompressed(font: EmbeddedFont, name: string): void {
  const embed = font.embed.bind(font);
  font.embed = () => {
    const doc = font.document;
    const ref = doc.ref.bind(doc);
    const subset = font.subset;
    const encode = subset.encode.bind(subset);
    subset.encode = () => compressedSubsets.getOrMake(`${name}\n${subset.glyphs.join(',')}`, () => deflateSync(encode()));
    doc.ref = (data) => {
      doc.ref = ref;
      const file = ref(data);
      const write = file.write.bind(file);
      file.compress = false;
      file.write = (chunk) => {
        write(chunk);
        file.data.Filter = 'FlateDecode';
      };
      return file;
    };
    embed();
  };
}
