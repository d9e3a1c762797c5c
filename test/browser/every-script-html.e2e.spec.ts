import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { EVERY_SCRIPT_CORPUS } from '../support/every-script-corpus';
import { CORPUS_PROJECT, recordEveryScriptProject } from '../support/every-script-project';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  console.warn(`\n*** SKIPPING the every-script HTML browser test: ${CHROMIUM} is missing. Install Debian's chromium package (apt-get install chromium) to run it. ***\n`);
}
const describeInBrowser = available ? describe : describe.skip;

describeInBrowser('the HTML twin of a case study quoting people in every script, in Chromium', () => {
  let api: ApiHarness;
  let dir: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    api = await startApiHarness();
    await recordEveryScriptProject(api);
    const html = await api.http().get(`/api/projects/${CORPUS_PROJECT}/reports/case-study`).set('Accept', 'text/html').expect(200);
    dir = mkdtempSync(join(tmpdir(), 'coprod-html-'));
    const file = join(dir, 'case-study.html');
    writeFileSync(file, html.text);
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(file).href);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has no WCAG 2.2 AA violations found by axe, at 1280 and 320 px wide', async () => {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
      const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      expect(summary).toEqual([]);
      expect(results.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['valid-lang', 'html-lang-valid']));
    }
  }, 120_000);

  it('gives every quote its language and direction, and runs the right-to-left ones from the right', async () => {
    const quotes = await page.$$eval('figure.quote blockquote', (blocks) => {
      const style = (globalThis as unknown as { getComputedStyle(element: unknown): { direction: string } }).getComputedStyle;
      return blocks.map((b) => ({ text: b.textContent ?? '', lang: b.getAttribute('lang'), dir: b.getAttribute('dir'), direction: style(b).direction }));
    });
    // Every quote once in the body, and one of them again in the one-page summary.
    expect(quotes).toHaveLength(EVERY_SCRIPT_CORPUS.length + 1);
    for (const entry of EVERY_SCRIPT_CORPUS) {
      const direction = entry.rtl ? 'rtl' : 'ltr';
      expect(quotes.find((q) => q.text === entry.phrase)).toEqual({ text: entry.phrase, lang: entry.lang, dir: direction, direction });
    }
  });

  it('sets each speaker’s name apart in <bdi> with its direction', async () => {
    const names = await page.$$eval('figure.quote cite bdi', (bdis) => bdis.map((b) => ({ name: b.textContent, dir: b.getAttribute('dir'), lang: b.getAttribute('lang') })));
    for (const entry of EVERY_SCRIPT_CORPUS) {
      expect(names).toContainEqual(expect.objectContaining({ name: entry.name, dir: entry.rtl ? 'rtl' : 'ltr' }));
    }
    const urdu = names.find((n) => n.name === EVERY_SCRIPT_CORPUS.find((e) => e.lang === 'ur')!.name);
    expect(urdu?.lang).toBe('ur');
  });

  // Residents are one role among others hidden in this small group, so quotes name the role group (see docs/disclosure.md).
  it('keeps each right-to-left quote’s attribution reading “— name, resident or community member”', async () => {
    const captions = await page.$$eval('figure.quote figcaption', (captions) => captions.map((c) => c.textContent ?? ''));
    for (const entry of EVERY_SCRIPT_CORPUS.filter((e) => e.rtl)) expect(captions).toContain(`— ${entry.name}, resident or community member`);
  });
});
