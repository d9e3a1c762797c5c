import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { caseStudyFixture } from '@coprod/reporting/model/report-model.fixture';
import { renderEasyReadHtml, renderHtml, type EasyReadModel } from '@coprod/reporting';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  console.warn(
    `\n*** SKIPPING the Easy Read and committee HTML browser test: ${CHROMIUM} is missing. Install Debian's chromium package to run it. ***\n`,
  );
}
const describeInBrowser = available ? describe : describe.skip;

const easyRead: EasyReadModel = {
  kind: 'easy_read',
  title: 'Community energy guidance: Easy Read',
  lang: 'en-GB',
  publisher: 'West Berkshire Council',
  sections: [
    {
      id: 'who_took_part',
      heading: 'Who took part',
      ideas: [
        { icon: 'users', alt: 'A group of people', text: '12 people took part.' },
        { icon: 'clock', alt: 'A clock', text: 'Together, people gave 157 hours of their time.' },
      ],
    },
    {
      id: 'what_changed',
      heading: 'You said, we did',
      ideas: [
        { icon: 'message-circle', alt: 'A speech bubble', text: 'You said: Spell out the jargon, and make a large-print version for the library.' },
        { icon: 'circle-check', alt: 'A tick', text: 'We did: Every abbreviation is spelled out where it first appears.' },
      ],
    },
  ],
  provenance: caseStudyFixture().provenance,
};

const committeeStyle = { ...caseStudyFixture(), layout: { coverPage: false, numberedParagraphs: true, marking: 'Not for publication' } };

describeInBrowser('the Easy Read summary and the numbered, marked HTML report, in Chromium at 1280 and 320 px', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-easy-read-html-'));
    files.easyRead = join(dir, 'easy-read.html');
    writeFileSync(files.easyRead, renderEasyReadHtml(easyRead));
    files.committee = join(dir, 'committee.html');
    writeFileSync(files.committee, renderHtml(committeeStyle));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 60000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const width of [1280, 320]) {
    for (const which of ['easyRead', 'committee'] as const) {
      it(`${which} has no WCAG 2.2 AA violations and no sideways scroll at ${width} px`, async () => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(pathToFileURL(files[which]).href);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
        expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      }, 60000);
    }
  }

  it('shows every Easy Read idea with a loaded picture, its description, and text of 16 pt (21.3 px) or more', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(files.easyRead).href);
    // Runs in the page: the browser's own getComputedStyle, typed here as far as the test uses it.
    const ideas = await page.$$eval('.ideas li', (items) =>
      items.map((li) => {
        const img = li.querySelector('img') as unknown as {
          complete: boolean;
          naturalWidth: number;
          getAttribute(name: string): string | null;
        } | null;
        const inPage = globalThis as unknown as { getComputedStyle(element: unknown): { fontSize: string } };
        return {
          loaded: !!img && img.complete && img.naturalWidth > 0,
          alt: img?.getAttribute('alt') ?? '',
          size: parseFloat(inPage.getComputedStyle(li.querySelector('p')).fontSize),
        };
      }),
    );
    expect(ideas).toHaveLength(4);
    for (const idea of ideas) {
      expect(idea.loaded).toBe(true);
      expect(idea.alt).toMatch(/^A /);
      expect(idea.size).toBeGreaterThanOrEqual(21.3);
    }
  });

  it('numbers the paragraphs of a committee-style report and shows its marking', async () => {
    await page.goto(pathToFileURL(files.committee).href);
    expect(await page.textContent('.marking')).toBe('Not for publication');
    const numbers = await page.$$eval('p.numbered .number', (spans) => spans.map((s) => s.textContent));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toEqual(numbers.map((_, i) => `${i + 1}.`));
  });
});
