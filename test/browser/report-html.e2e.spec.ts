import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { caseStudyFixture } from '@coprod/reporting/model/report-model.fixture';
import { renderHtml } from '@coprod/reporting';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  console.warn(`\n*** SKIPPING the report HTML browser test: ${CHROMIUM} is missing. Install Debian's chromium package (apt-get install chromium) to run it. ***\n`);
}
const describeInBrowser = available ? describe : describe.skip;

describeInBrowser('the HTML twin of a case study, in Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-html-'));
    const file = join(dir, 'case-study.html');
    writeFileSync(file, renderHtml(caseStudyFixture()));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(pathToFileURL(file).href);
  }, 60000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('has no WCAG 2.2 AA violations found by axe', async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(summary).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
  }, 60000);

  it('has one h1 and never skips a heading level', async () => {
    const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName.slice(1))));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.slice(1).forEach((level, i) => expect(level - levels[i]).toBeLessThanOrEqual(1));
  });

  it('shows both charts as loaded images with text alternatives', async () => {
    const images = await page.$$eval('figure.chart img', (imgs) =>
      imgs.map((img) => {
        const image = img as unknown as { complete: boolean; naturalWidth: number };
        return { loaded: image.complete && image.naturalWidth > 0, alt: img.getAttribute('alt') ?? '' };
      }),
    );
    expect(images).toHaveLength(2);
    for (const image of images) {
      expect(image.loaded).toBe(true);
      expect(image.alt.length).toBeGreaterThan(20);
    }
  });

  it('names each chart by its title, a heading one level below the section or outcome it sits in', async () => {
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const heading = f.ownerDocument.getElementById(f.getAttribute('aria-labelledby') ?? '');
        const section = f.closest('section')?.querySelector(':scope > h2, :scope > h3');
        return { inside: !!heading && f.contains(heading), heading: heading?.tagName, section: section?.tagName, title: heading?.textContent };
      }),
    );
    expect(charts).toEqual([
      { inside: true, heading: 'H4', section: 'H3', title: 'Confidence working in partnership, before and after' },
      { inside: true, heading: 'H3', section: 'H2', title: 'Hours given, by role and stage' },
    ]);
    expect(await page.getByRole('figure', { name: 'Hours given, by role and stage' }).count()).toBe(1);
  });

  it('moves focus to the main content from the skip link', async () => {
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');
  });
});
