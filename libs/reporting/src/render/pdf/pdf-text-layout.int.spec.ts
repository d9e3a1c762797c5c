import fc from 'fast-check';
import { baseFont, drawnByBaseFont, MissingGlyphError } from './pdf-font-choice';
import { parsedFont } from './pdf-fonts';
import { scriptFontName } from './pdf-script-fonts';
import { layoutText, type TextRequest } from './pdf-text-layout';
import { FONT } from './pdf-theme';

const request = (text: string, extra: Partial<TextRequest> = {}): TextRequest => ({
  text,
  base: baseFont(FONT.regular),
  size: 10.5,
  width: 400,
  lineGap: 2,
  direction: 'ltr',
  origin: 'quote q-1',
  ...extra,
});

/** Each line's runs as [text, font, right to left], left to right as drawn. */
const runsOf = (text: string, extra: Partial<TextRequest> = {}) =>
  layoutText(request(text, extra)).lines.map((line) => line.runs.map((run) => [run.text, run.font, run.rtl]));

describe('which text leaves pdfkit’s own layout', () => {
  it('keeps Latin, Greek and Cyrillic with every European diacritic on DejaVu', () => {
    for (const text of ["Mae'r grŵp wedi newid y cynllun", 'Zażółć gęślą jaźń', 'Ascultați și țară', 'Επιτέλους', 'Нас нарешті почули', 'Mòrag NicLeòid, Ní Bhriain']) {
      expect(drawnByBaseFont(text, FONT.regular)).toBe(true);
    }
  });

  it('lays out right-to-left text, scripts with a family of their own, and characters DejaVu lacks', () => {
    for (const text of ['فاطمة', 'נועה', 'বড়', '公园', 'ในที่สุด', 'a\u2067b\u2069', 'We 🌳 it']) expect(drawnByBaseFont(text, FONT.regular)).toBe(false);
  });
});

describe('choosing a font by script and language', () => {
  const fontOf = (text: string, lang?: string) => layoutText(request(text, { lang })).lines[0].runs[0].font;

  it('draws Arabic in Naskh, and Urdu and Panjabi in Shahmukhi in Nastaliq', () => {
    expect(fontOf('لقد استمعوا إلينا', 'ar')).toBe(scriptFontName('naskh', false));
    expect(fontOf('ما پارک می‌خواهیم', 'fa')).toBe(scriptFontName('naskh', false));
    expect(fontOf('ہماری بات سنی گئی', 'ur')).toBe(scriptFontName('nastaliq', false));
    expect(fontOf('ساڈی گل سنی گئی', 'pa-Arab')).toBe(scriptFontName('nastaliq', false));
    expect(fontOf('عائشہ خان')).toBe(scriptFontName('naskh', false));
  });

  it('draws Han in the forms of the reader’s place, and Hangul in Korean', () => {
    expect(fontOf('我们的意见', 'zh')).toBe(scriptFontName('sc', false));
    expect(fontOf('我們的意見', 'zh-Hant')).toBe(scriptFontName('tc', false));
    expect(fontOf('我們的意見', 'yue')).toBe(scriptFontName('tc', false));
    expect(fontOf('私たちの声', 'ja')).toBe(scriptFontName('jp', false));
    expect(fontOf('목소리')).toBe(scriptFontName('kr', false));
    expect(fontOf('বড় পার্ক', 'bn')).toBe(scriptFontName('bengali', false));
  });

  it('uses a script’s bold with a bold style', () => {
    expect(layoutText(request('ਸਾਡੀ ਗੱਲ', { base: baseFont(FONT.bold) })).lines[0].runs[0].font).toBe(scriptFontName('gurmukhi', true));
  });

  it('refuses a character no font has, naming it, its script and the record', () => {
    let error: unknown;
    try {
      layoutText(request('We loved it 🌳 thank you', { origin: 'quote q-7' }));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(MissingGlyphError);
    expect(error).toMatchObject({ codePoint: 0x1f333, script: 'Common', origin: 'quote q-7', code: 'report.glyph_missing' });
    expect((error as Error).message).toMatch(/^quote q-7 holds "🌳" \(U\+1F333, Common script\), which none of the report's fonts can draw/);
  });
});

describe('ordering by the bidirectional algorithm', () => {
  it('keeps an Arabic name in an English line in its place, its words right to left', () => {
    expect(runsOf('— \u2068فاطمة الزهراء\u2069, resident')).toEqual([
      [
        ['— ', FONT.regular, false],
        ['فاطمة الزهراء', scriptFontName('naskh', false), true],
        [', resident', FONT.regular, false],
      ],
    ]);
  });

  it('puts an English word at the end of an Arabic paragraph on its left, and mirrors its brackets', () => {
    const [line] = layoutText(request('نريد حديقة (NHS)', { direction: 'rtl', lang: 'ar' })).lines;
    const texts = line.runs.map((run) => run.text);
    expect(texts.indexOf('NHS')).toBeLessThan(texts.findIndex((t) => t.includes('نريد')));
    const bracket = line.runs.find((run) => run.text.includes(')'));
    expect(bracket?.rtl).toBe(true);
    // At a right-to-left level the closing bracket is drawn with the opening one's glyph (UAX #9 rule L4).
    const font = parsedFont(bracket!.font);
    const glyphs = bracket!.shaped.glyphs.map((g) => g.id);
    expect(glyphs).toContain(font.glyphForCodePoint(0x28).id);
    expect(glyphs).not.toContain(font.glyphForCodePoint(0x29).id);
  });
});

describe('breaking lines by the Unicode rules', () => {
  const lineTexts = (text: string, width: number, lang?: string) =>
    layoutText(request(text, { width, lang })).lines.map((line) => line.runs.map((run) => run.text).join(''));

  it('breaks Chinese between characters, never before a full stop', () => {
    const lines = lineTexts('我们的意见终于被听到了。'.repeat(6), 120, 'zh');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line.startsWith('。')).toBe(false);
    expect(lines.join('')).toBe('我们的意见终于被听到了。'.repeat(6));
  });

  it('breaks Thai between dictionary words', () => {
    const thai = 'ในที่สุดเสียงของเราก็ได้รับการรับฟัง';
    const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(thai.repeat(3))].map((w) => w.index);
    const lines = lineTexts(thai.repeat(3), 150, 'th');
    expect(lines.length).toBeGreaterThan(2);
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      at += line.length;
      expect(words).toContain(at);
    }
  });

  it('breaks a word longer than the line between grapheme clusters, keeping each cluster whole', () => {
    const lines = lineTexts('পার্ক'.repeat(40), 100, 'bn');
    expect(lines.length).toBeGreaterThan(1);
    const clusters = new Set([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment('পার্ক'.repeat(40))].map((g) => g.index));
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      at += line.length;
      expect(clusters.has(at)).toBe(true);
    }
  });

  const WORDS = ['Wreszcie', 'ktoś', 'فاطمة', 'الزهراء', 'ہماری', 'بات', 'আমাদের', 'কথা', 'ਸਾਡੀ', 'ਗੱਲ', '我们的意见', '終於', 'ድምጽና', 'שמעו', 'ในที่สุด', '목소리가', 'Нас', '(NHS)', '2026', 'grŵp,'];

  it('never lays a line wider than asked, and loses no character but the spaces it breaks at', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 60, max: 460 }),
        fc.constantFrom<'ltr' | 'rtl'>('ltr', 'rtl'),
        (words, width, direction) => {
          const text = words.join(' ');
          const laid = layoutText(request(text, { width, direction }));
          for (const line of laid.lines) {
            expect(line.width).toBeLessThanOrEqual(width + 0.01);
            for (const run of line.runs) expect(run.x + run.width).toBeLessThanOrEqual(line.width + 0.001);
          }
          const drawn = laid.lines.flatMap((line) => line.runs.map((run) => run.text)).join('');
          expect(drawn.replace(/\s/g, '')).toHaveLength(text.replace(/\s/g, '').length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
