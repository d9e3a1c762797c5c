import { DomainError } from '@coprod/domain/core/errors';
import { bidi, isSharedScript, scriptOf } from '../text/scripts';
import { fontHasGlyph } from './pdf-fonts';
import { FALLBACK_FAMILIES, familyFor, hasOwnFamily, scriptFontName } from './pdf-script-fonts';
import { FONT } from './pdf-theme';

/** Which record a run of text came from, for an error that must name it: "quote q-7", "the cover". */
export type TextOrigin = string;

/**
 * A report would print a character that no font of the report can draw (PDF/UA forbids the empty box,
 * `.notdef`, a font shows in its place). Names the character, its script and the record it came from.
 */
export class MissingGlyphError extends DomainError {
  constructor(
    readonly codePoint: number,
    readonly script: string,
    readonly origin: TextOrigin,
  ) {
    const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
    super(
      'rule',
      'report.glyph_missing',
      `${origin} holds "${String.fromCodePoint(codePoint)}" (U+${hex}, ${script} script), which none of the report's fonts can draw, ` +
        `so the report would print an empty box in its place; correct the record to leave the character out, ` +
        `or add a font that covers the ${script} script (see "Fonts" in the README)`,
    );
  }
}

/** Bidirectional formatting characters: they order the text and are never drawn. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Characters no font needs to draw: joiners, variation selectors, invisible operators (Unicode's default ignorables). */
const IGNORABLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|[\u{1BCA0}-\u{1BCA3}\u{1D173}-\u{1D17A}\u{E0000}-\u{E0FFF}]/u;

/** The DejaVu faces and the weight of a text style: the font for Latin, Greek and Cyrillic, and whether scripts use their bold. */
export interface BaseFont {
  name: string;
  bold: boolean;
}

/** The base font of a registered DejaVu face. */
export function baseFont(name: string): BaseFont {
  return { name, bold: name === FONT.bold };
}

/**
 * True when DejaVu draws the whole text in `font` and nothing in it needs reordering: no right-to-left
 * letter, no bidi control, no character of a script with a family of its own. Such text is laid out by
 * pdfkit itself, so a report in Latin, Greek or Cyrillic script alone embeds DejaVu and nothing else.
 */
export function drawnByBaseFont(text: string, font: string): boolean {
  if (/^[\x20-\x7E\n]*$/.test(text)) return true;
  const key = `${font}\n${text}`;
  let drawn = decided.get(key);
  if (drawn === undefined) {
    drawn = everyCharacterDrawnByBaseFont(text, font);
    if (decided.size >= DECIDED_KEPT) decided.clear();
    decided.set(key, drawn);
  }
  return drawn;
}

/** Texts already sorted between DejaVu and the script layout: every text is asked about when measured and again when drawn. */
const DECIDED_KEPT = 20_000;
const decided = new Map<string, boolean>();

function everyCharacterDrawnByBaseFont(text: string, font: string): boolean {
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint === 0x0a) continue;
    if (BIDI_CONTROLS.test(char) || IGNORABLE.test(char)) return false;
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'R' || type === 'AL' || type === 'AN') return false;
    if (hasOwnFamily(scriptOf(codePoint)) || !fontHasGlyph(font, codePoint)) return false;
  }
  return true;
}

/**
 * The script each character is drawn as (per UTF-16 unit): a character shared between scripts (space,
 * digit, punctuation, combining mark) takes the script of the letter before it at the same embedding level,
 * or, failing that, after it, and only then of any letter near it. So a run of one script stays in one font
 * and is shaped whole, while the dash before an Arabic name in an English line stays with the English.
 */
export function resolvedScripts(text: string, levels?: ArrayLike<number>): string[] {
  const own = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i)!;
    own[i] = scriptOf(codePoint);
    if (codePoint > 0xffff) own[++i] = own[i - 1];
  }
  const levelOf = (i: number) => levels?.[i] ?? 0;
  const resolved = [...own];
  const pass = (order: number[], sameLevel: boolean) => {
    const last = new Map<number, string>();
    for (const i of order) {
      const key = sameLevel ? levelOf(i) : 0;
      if (!isSharedScript(own[i])) last.set(key, own[i]);
      else if (isSharedScript(resolved[i]) && last.has(key)) resolved[i] = last.get(key)!;
    }
  };
  const forwards = [...own.keys()];
  const backwards = [...forwards].reverse();
  pass(forwards, true);
  pass(backwards, true);
  pass(forwards, false);
  pass(backwards, false);
  return resolved;
}

/**
 * The registered font that draws each character of `text` (per UTF-16 unit): the family of its script for
 * the passage's language, else the style's DejaVu face, else any font that has it. Characters that are
 * never drawn (bidi controls, joiners) take the font of the character before them, so joiners stay inside
 * the run they join. Throws MissingGlyphError for a character no font has.
 */
export function chooseFonts(text: string, base: BaseFont, lang: string | undefined, origin: TextOrigin, levels?: ArrayLike<number>): string[] {
  const scripts = resolvedScripts(text, levels);
  const fonts = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i)!;
    const char = String.fromCodePoint(codePoint);
    if (codePoint === 0x20 && i > 0 && fonts[i - 1]) fonts[i] = fontFor(codePoint, scripts[i], base, lang, origin, fonts[i - 1]);
    else if (IGNORABLE.test(char) || codePoint === 0x0a) fonts[i] = fonts[i - 1] ?? base.name;
    else fonts[i] = fontFor(codePoint, scripts[i], base, lang, origin);
    if (codePoint > 0xffff) fonts[++i] = fonts[i - 1];
  }
  return fonts;
}

function fontFor(codePoint: number, script: string, base: BaseFont, lang: string | undefined, origin: TextOrigin, preferred?: string): string {
  const family = familyFor(script, lang);
  const candidates = [
    ...(preferred ? [preferred] : []),
    family ? scriptFontName(family, base.bold) : base.name,
    base.name,
    base.bold ? FONT.bold : FONT.regular,
    ...FALLBACK_FAMILIES.map((f) => scriptFontName(f, base.bold)),
  ];
  for (const candidate of candidates) if (fontHasGlyph(candidate, codePoint)) return candidate;
  throw new MissingGlyphError(codePoint, scriptOf(codePoint), origin);
}
