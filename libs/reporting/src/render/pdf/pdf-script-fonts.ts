import { languageScript } from '../text/scripts';

/**
 * The Noto families that draw what DejaVu does not: one per script, with Arabic drawn in Naskh or, for
 * languages written in Nastaliq, in Nastaliq, and Han in the forms of the reader's place (Simplified
 * Chinese, Traditional Chinese, Japanese, Korean).
 */
export type ScriptFamily =
  | 'naskh'
  | 'nastaliq'
  | 'hebrew'
  | 'devanagari'
  | 'bengali'
  | 'gurmukhi'
  | 'gujarati'
  | 'tamil'
  | 'sinhala'
  | 'ethiopic'
  | 'thai'
  | 'sc'
  | 'tc'
  | 'jp'
  | 'kr';

const expo = (family: string, file: string) => ({
  regular: `@expo-google-fonts/${family}/400Regular/${file}_400Regular.ttf`,
  bold: `@expo-google-fonts/${family}/700Bold/${file}_700Bold.ttf`,
});
const cjk = (region: string, file: string) => ({
  regular: `@embedpdf/fonts-${region}/fonts/${file}-Regular.otf`,
  bold: `@embedpdf/fonts-${region}/fonts/${file}-Bold.otf`,
});

/** Each family's regular and bold file, inside the npm package that ships it (so `npm install` brings every font). */
export const SCRIPT_FONT_FILES: Record<ScriptFamily, { regular: string; bold: string }> = {
  naskh: expo('noto-naskh-arabic', 'NotoNaskhArabic'),
  nastaliq: expo('noto-nastaliq-urdu', 'NotoNastaliqUrdu'),
  hebrew: expo('noto-sans-hebrew', 'NotoSansHebrew'),
  devanagari: expo('noto-sans-devanagari', 'NotoSansDevanagari'),
  bengali: expo('noto-sans-bengali', 'NotoSansBengali'),
  gurmukhi: expo('noto-sans-gurmukhi', 'NotoSansGurmukhi'),
  gujarati: expo('noto-sans-gujarati', 'NotoSansGujarati'),
  tamil: expo('noto-sans-tamil', 'NotoSansTamil'),
  sinhala: expo('noto-sans-sinhala', 'NotoSansSinhala'),
  ethiopic: expo('noto-sans-ethiopic', 'NotoSansEthiopic'),
  thai: expo('noto-sans-thai', 'NotoSansThai'),
  sc: cjk('sc', 'NotoSansHans'),
  tc: cjk('tc', 'NotoSansHant'),
  jp: cjk('jp', 'NotoSansJP'),
  kr: cjk('kr', 'NotoSansKR'),
};

/** The order in which families are tried for a character its own family lacks: the large Han fonts last, as they cost most to open. */
export const FALLBACK_FAMILIES: readonly ScriptFamily[] = [
  'naskh',
  'hebrew',
  'devanagari',
  'bengali',
  'gurmukhi',
  'gujarati',
  'tamil',
  'sinhala',
  'ethiopic',
  'thai',
  'nastaliq',
  'sc',
  'tc',
  'jp',
  'kr',
];

/** The name a family's font is registered under in a document. */
export function scriptFontName(family: ScriptFamily, bold: boolean): string {
  return `Noto-${family}${bold ? '-Bold' : ''}`;
}

/** Every registered script font name with its file. */
export function scriptFontNames(): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [family, files] of Object.entries(SCRIPT_FONT_FILES) as [ScriptFamily, { regular: string; bold: string }][]) {
    names[scriptFontName(family, false)] = files.regular;
    names[scriptFontName(family, true)] = files.bold;
  }
  return names;
}

const FAMILY_OF_SCRIPT: Record<string, ScriptFamily> = {
  Hebrew: 'hebrew',
  Devanagari: 'devanagari',
  Bengali: 'bengali',
  Gurmukhi: 'gurmukhi',
  Gujarati: 'gujarati',
  Tamil: 'tamil',
  Sinhala: 'sinhala',
  Ethiopic: 'ethiopic',
  Thai: 'thai',
};

/** Languages written in Arabic script whose readers expect Nastaliq: Urdu, Panjabi in Shahmukhi, Saraiki. */
const NASTALIQ_LANGUAGES = new Set(['ur', 'pnb', 'skr', 'pa']);

const HAN_FAMILY: Record<string, ScriptFamily> = { Hans: 'sc', Hant: 'tc', Jpan: 'jp', Kore: 'kr' };

/**
 * The family that draws characters of `script` in a passage in `lang`, or undefined for the scripts DejaVu
 * draws (Latin, Greek, Cyrillic and the shared punctuation and digits).
 */
export function familyFor(script: string, lang: string | undefined): ScriptFamily | undefined {
  const own = FAMILY_OF_SCRIPT[script];
  if (own) return own;
  const written = lang ? languageScript(lang) : undefined;
  switch (script) {
    case 'Arabic':
      return written === 'Arab' && NASTALIQ_LANGUAGES.has(lang!.split('-')[0].toLowerCase()) ? 'nastaliq' : 'naskh';
    case 'Han':
    case 'Bopomofo':
      return HAN_FAMILY[written ?? ''] ?? (script === 'Bopomofo' ? 'tc' : 'sc');
    case 'Hiragana':
    case 'Katakana':
      return written === 'Hans' || written === 'Hant' || written === 'Kore' ? HAN_FAMILY[written] : 'jp';
    case 'Hangul':
      return 'kr';
    default:
      return undefined;
  }
}

/** True for scripts a family of its own draws: text in them never goes through pdfkit's own line breaking. */
export function hasOwnFamily(script: string): boolean {
  return familyFor(script, undefined) !== undefined;
}

/** True when `name` is one of the script fonts registered by scriptFontName. */
export function isScriptFont(name: string): boolean {
  return name.startsWith('Noto-');
}
