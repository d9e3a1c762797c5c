import bidiFactory from 'bidi-js';

/** The Unicode Bidirectional Algorithm (UAX #9), shared by every renderer. */
export const bidi = bidiFactory();

const unicode = require('unicode-properties') as { getScript(codePoint: number): string };

/** Writing direction of a passage or a paragraph. */
export type Direction = 'ltr' | 'rtl';

/** The Unicode script of a code point as Unicode names it ("Latin", "Arabic", "Han"); "Common" or "Inherited" for shared characters. */
export function scriptOf(codePoint: number): string {
  return unicode.getScript(codePoint);
}

/** True for characters that take the script of the text around them: spaces, digits, punctuation, combining marks. */
export function isSharedScript(script: string): boolean {
  return script === 'Common' || script === 'Inherited' || script === 'Unknown';
}

/** ISO 15924 codes of the scripts whose names a report may infer a language from. */
const SCRIPT_CODES: Record<string, string> = {
  Latin: 'Latn',
  Greek: 'Grek',
  Cyrillic: 'Cyrl',
  Armenian: 'Armn',
  Georgian: 'Geor',
  Arabic: 'Arab',
  Hebrew: 'Hebr',
  Devanagari: 'Deva',
  Bengali: 'Beng',
  Gurmukhi: 'Guru',
  Gujarati: 'Gujr',
  Tamil: 'Taml',
  Telugu: 'Telu',
  Kannada: 'Knda',
  Malayalam: 'Mlym',
  Sinhala: 'Sinh',
  Ethiopic: 'Ethi',
  Thai: 'Thai',
  Han: 'Hani',
  Hiragana: 'Hira',
  Katakana: 'Kana',
  Hangul: 'Hang',
};

/** The scripts a language's default script (as CLDR gives it) is written in: Japanese is Han and kana, Korean Hangul and Han. */
const SCRIPTS_OF_WRITING: Record<string, string[]> = {
  Hans: ['Hani'],
  Hant: ['Hani'],
  Jpan: ['Hani', 'Hira', 'Kana'],
  Kore: ['Hang', 'Hani'],
};

/** Each language tag's script and direction, as CLDR's likely subtags give them; a report asks for the same few tags many times. */
const languages = new Map<string, { script?: string; direction?: Direction }>();

function language(lang: string): { script?: string; direction?: Direction } {
  let known = languages.get(lang);
  if (!known) {
    known = {};
    try {
      const locale = new Intl.Locale(lang);
      const likely = locale.maximize() as Intl.Locale & { textInfo?: { direction?: string } };
      if ((locale.language !== 'und' || locale.script) && likely.script && likely.script !== 'Zzzz') {
        known = { script: likely.script, direction: likely.textInfo?.direction === 'rtl' ? 'rtl' : 'ltr' };
      }
    } catch {
      known = {};
    }
    if (languages.size < 1_000) languages.set(lang, known);
  }
  return known;
}

/** A language tag's script as CLDR's likely subtags give it (`ur` → `Arab`, `zh-HK` → `Hant`); undefined for a tag it cannot place. */
export function languageScript(lang: string): string | undefined {
  return language(lang).script;
}

/** The writing direction of a language (`ur`, `ckb`, `pa-Arab` → rtl), or undefined for a tag whose script is unknown. */
export function languageDirection(lang: string): Direction | undefined {
  return language(lang).direction;
}

/** The direction of the first strongly directional character (UAX #9 rules P2 and P3), or undefined when there is none. */
export function textDirection(text: string): Direction | undefined {
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'L') return 'ltr';
    if (type === 'R' || type === 'AL') return 'rtl';
  }
  return undefined;
}

/** How a passage runs: as its language is written, else as its first letter runs, else left to right. */
export function passageDirection(text: string, lang: string): Direction {
  return languageDirection(lang) ?? textDirection(text) ?? 'ltr';
}

/** True when the text holds a right-to-left letter (Arabic, Hebrew and the like). */
export function hasRightToLeft(text: string): boolean {
  for (const char of text) {
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'R' || type === 'AL') return true;
  }
  return false;
}

/** The script of the first letter of `text`, as an ISO 15924 code where the report knows it. */
function letterScriptCode(text: string): string | undefined {
  for (const char of text) {
    const script = scriptOf(char.codePointAt(0)!);
    if (!isSharedScript(script)) return SCRIPT_CODES[script] ?? script;
  }
  return undefined;
}

/**
 * The language tag for a speaker's name shown beside their words in `passageLang`, or undefined where it is
 * the report's own. Names carry no language of their own: one written in the script of the passage's language is
 * taken to be in that language (a Welsh speaker's "Siân", an Urdu speaker's "عائشہ"); one in neither that script
 * nor the report's is marked with its script alone (`und-Arab`), so assistive technology can choose a voice.
 */
export function nameLanguage(name: string, passageLang: string, reportLang: string): string | undefined {
  const script = letterScriptCode(name);
  if (!script) return undefined;
  const inScriptOf = (lang: string) => {
    const written = languageScript(lang);
    return written !== undefined && (SCRIPTS_OF_WRITING[written] ?? [written]).includes(script);
  };
  const primary = (tag: string) => tag.split('-')[0].toLowerCase();
  if (inScriptOf(passageLang)) return primary(passageLang) === primary(reportLang) ? undefined : passageLang;
  if (inScriptOf(reportLang)) return undefined;
  return /^[A-Z][a-z]{3}$/.test(script) ? `und-${script}` : undefined;
}

/** True when the text's first letter is in a script with an italic style (Latin, Greek, Cyrillic); other scripts are set upright. */
export function hasItalicStyle(text: string): boolean {
  const script = letterScriptCode(text);
  return script === undefined || script === 'Latn' || script === 'Grek' || script === 'Cyrl';
}
