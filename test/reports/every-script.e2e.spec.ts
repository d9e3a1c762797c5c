import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGE } from '@coprod/reporting/render/pdf/pdf-theme';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { EVERY_SCRIPT_CORPUS } from '../support/every-script-corpus';
import { CORPUS_PROJECT, corpusParticipant, recordEveryScriptProject } from '../support/every-script-project';
import { drawnGlyphs, pdfFonts, pdfPlainText, pdfWords, structureLanguages, structureTypes } from './pdf-tools';

const A4_WIDTH = 595.28;
const RIGHT_EDGE = A4_WIDTH - PAGE.margins.right;
const RIGHT_TO_LEFT = EVERY_SCRIPT_CORPUS.filter((entry) => entry.rtl);

/** Fetches a report body over HTTP, as a client asking for `accept` would. */
async function fetchReport(api: ApiHarness, accept: string): Promise<{ status: number; body: Buffer; text: string }> {
  const response = await api
    .http()
    .get(`/api/projects/${CORPUS_PROJECT}/reports/case-study`)
    .set('Accept', accept)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const body = response.body as Buffer;
  return { status: response.status, body, text: body.toString('utf8') };
}

/**
 * Columns of ink outside the text block of each page, from the page drawn at 72 dpi (one pixel a point):
 * [page, x] for every dark pixel left of the left margin or right of the right margin, below the cover's band.
 */
function inkOutsideMargins(pdf: Buffer): [number, number][] {
  const dir = mkdtempSync(join(tmpdir(), 'coprod-ink-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '72', '-gray', join(dir, 'report.pdf'), join(dir, 'page')]);
    const found: [number, number][] = [];
    for (const [index, name] of readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .entries()) {
      const image = readFileSync(join(dir, name));
      const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(image.toString('latin1', 0, 64))!;
      const [width, height, offset] = [Number(header[1]), Number(header[2]), header[0].length];
      for (let y = 130; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const inside = x >= PAGE.margins.left - 1.5 && x <= RIGHT_EDGE + 1.5;
          if (!inside && image[offset + y * width + x] < 128) found.push([index + 1, x]);
        }
      }
    }
    return found;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('participants’ words in every script, recorded through the API and published as a case study', () => {
  let api: ApiHarness;
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    api = await startApiHarness();
    await recordEveryScriptProject(api);
    const built = await fetchReport(api, 'application/pdf');
    expect({ status: built.status, problem: built.status === 200 ? '' : built.text }).toEqual({ status: 200, problem: '' });
    pdf = built.body;
    text = pdfPlainText(pdf);
  }, 180_000);
  afterAll(() => api.close());

  it('gives back every phrase and every name, in the order it was written, from the PDF’s text', () => {
    expect(EVERY_SCRIPT_CORPUS.length).toBeGreaterThanOrEqual(21);
    const missing = EVERY_SCRIPT_CORPUS.filter((entry) => !text.includes(`“${entry.phrase}`) && !text.includes(entry.phrase));
    expect(missing.map((entry) => entry.language)).toEqual([]);
    const unnamed = EVERY_SCRIPT_CORPUS.filter((entry) => !text.includes(`— ${entry.name}, resident`));
    expect(unnamed.map((entry) => entry.language)).toEqual([]);
  });

  it('embeds every font it uses, a Noto font for each script DejaVu cannot draw', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    const names = fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ''));
    for (const family of [
      'NotoNaskhArabic',
      'NotoNastaliqUrdu',
      'NotoSansGurmukhi',
      'NotoSansBengali',
      'NotoSansGujarati',
      'NotoSansTamil',
      'NotoSansHans',
      'NotoSansHant',
      'NotoSansEthiopic',
      'NotoSansHebrew',
      'NotoSansDevanagari',
      'NotoSansSinhala',
      'NotoSansThai',
      'NotoSansJP',
      'NotoSansKR',
    ]) {
      expect(names.some((name) => name.startsWith(family))).toBe(true);
    }
  });

  it('draws no .notdef glyph', () => {
    const { glyphs, notdef } = drawnGlyphs(pdf);
    expect(glyphs).toBeGreaterThan(1000);
    expect(notdef).toBe(0);
  });

  it('keeps every word, and every drop of ink, within the margins', () => {
    const words = pdfWords(pdf);
    const outside = words.filter((w) => w.xMin < PAGE.margins.left - 0.5 || w.xMax > RIGHT_EDGE + 0.5).map((w) => `${w.text} on page ${w.page}`);
    expect(outside).toEqual([]);
    expect(inkOutsideMargins(pdf)).toEqual([]);
  });

  it('aligns right-to-left quotes with the right margin, and the others with the left', () => {
    const words = pdfWords(pdf);
    // pdftotext -bbox gives each right-to-left stretch as drawn, in visual order.
    const asWritten = (drawn: string) => [...drawn].reverse().join('');
    for (const entry of RIGHT_TO_LEFT) {
      const box = words.find((w) => asWritten(w.text).includes(entry.phrase));
      expect({ language: entry.language, right: Math.round(box?.xMax ?? 0) }).toEqual({ language: entry.language, right: Math.round(RIGHT_EDGE) });
    }
    const welsh = words.find((w) => w.text.startsWith('“O'));
    expect(welsh?.xMin).toBeLessThan(PAGE.margins.left + 30);
  });

  it('tags each quote with its language in a tagged PDF', () => {
    // The summary that opens the case study repeats one quote beside the headline figures, before all the others.
    expect(structureTypes(pdf).filter((t) => t === 'BlockQuote').length).toBe(EVERY_SCRIPT_CORPUS.length + 1);
    const languages = structureLanguages(pdf, 'Quote');
    expect(EVERY_SCRIPT_CORPUS.map((entry) => entry.lang)).toContain(languages[0]);
    expect(languages.slice(1).sort()).toEqual(EVERY_SCRIPT_CORPUS.map((entry) => entry.lang).sort());
  });

  it('gives the same bytes when built again', async () => {
    expect((await fetchReport(api, 'application/pdf')).body.equals(pdf)).toBe(true);
  });

  it('writes the Markdown with each phrase, right-to-left words and names set in Unicode isolates', async () => {
    const markdown = (await fetchReport(api, 'text/markdown')).text;
    for (const entry of EVERY_SCRIPT_CORPUS) {
      if (entry.rtl) {
        expect(markdown).toContain(`“\u2067${entry.phrase}\u2069”`);
        expect(markdown).toContain(`— \u2068${entry.name}\u2069, resident`);
      } else {
        expect(markdown).toContain(`“${entry.phrase}”`);
        expect(markdown).toContain(`— ${entry.name}, resident`);
      }
    }
  });

  it('gives each speaker their name and words as written in their subject access copy', async () => {
    for (const index of [3, 4, 7, 11, 16, 19]) {
      const entry = EVERY_SCRIPT_CORPUS[index];
      const response = await api
        .http()
        .get(`/api/participants/${corpusParticipant(index)}/subject-access`)
        .expect(200);
      expect(response.text).toContain(entry.name);
      expect(response.text).toContain(entry.phrase);
    }
  });

  it('refuses to publish a character no font can draw, naming it, its script and the quote', async () => {
    const participantId = corpusParticipant(0);
    await api
      .command('CaptureQuote', {
        quoteId: 'q-emoji',
        projectId: CORPUS_PROJECT,
        participantId,
        activityId: null,
        decisionId: null,
        context: 'Sent by text message',
        outcomeIds: ['increased_influence'],
        attribution: 'role_only',
        allowedUses: ['public'],
        language: 'en',
        capturedOn: '2026-04-01T10:00:00.000Z',
        personal: { subjectId: participantId, fields: { words: 'We loved it 🌳 thank you' } },
      })
      .expect(201);
    const refused = await api.http().get(`/api/projects/${CORPUS_PROJECT}/reports/case-study`).set('Accept', 'application/pdf').expect(422);
    expect(refused.body.code).toBe('report.glyph_missing');
    expect(refused.body.detail).toContain('quote q-emoji holds "🌳" (U+1F333, Common script)');
  });
});
