import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DemoApi, startDemoApi } from '../reports/demo-api';
import { accessibilityProblems, CHROMIUM, describeInBrowser } from './support/web-browser';

/**
 * The demo's own case studies as HTML, story included: one with every part of its story recorded and one
 * missing a part, public and internal, checked with axe at 1280 and 320 px.
 */
describeInBrowser('the HTML case study of a demo project, with its story, in Chromium', () => {
  let demo: DemoApi;
  let dir: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    demo = await startDemoApi();
    dir = mkdtempSync(join(tmpdir(), 'coprod-case-study-html-'));
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
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await demo?.api.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Writes the case study to a file and opens it, as a reader who saved it would. */
  async function open(projectId: string, audience: 'public' | 'internal_evaluation'): Promise<void> {
    const html = (await demo.reports.caseStudy(projectId, { audience }, 'html')).body;
    const file = join(dir, `${projectId}-${audience}.html`);
    writeFileSync(file, html);
    await page.goto(pathToFileURL(file).href);
  }

  it.each([
    ['p-energy', 'public'],
    ['p-recovery', 'public'],
    ['p-voice', 'internal_evaluation'],
  ] as const)(
    '%s (%s) has no axe violations at 1280 or 320 px',
    async (projectId, audience) => {
      await open(projectId, audience);
      expect(await accessibilityProblems(page)).toEqual([]);
    },
    90_000,
  );

  // The facts list at the front (publisher, date, contact) becomes one column on a narrow screen, and a long
  // recorded e-mail address wraps rather than pushing the page sideways.
  it(
    'does not scroll sideways at 320 px, whatever contact was recorded',
    async () => {
      await open('p-recovery', 'public');
      expect(await accessibilityProblems(page)).toEqual([]);
    },
    90_000,
  );

  it(
    'a committee section has no axe violations at 1280 or 320 px, skips no heading level and ends with the short provenance note',
    async () => {
      const html = (await demo.reports.committee('d-energy-publish', {}, 'html')).body;
      const file = join(dir, 'committee-d-energy-publish.html');
      writeFileSync(file, html);
      await page.goto(pathToFileURL(file).href);
      expect(await accessibilityProblems(page)).toEqual([]);
      const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName.slice(1))));
      levels.slice(1).forEach((level, i) => expect(level - levels[i]).toBeLessThanOrEqual(1));
      const note = page.locator('section.provenance-note');
      expect(await note.getByRole('heading', { level: 2, name: 'Where these figures come from' }).count()).toBe(1);
      expect(await note.innerText()).toMatch(/To produce it again: coprod report committee --decision d-energy-publish/);
      expect(await note.locator('dl').count()).toBe(0);
    },
    90_000,
  );

  it('reads as a story: the story headings in order, one h1, no heading level skipped', async () => {
    await open('p-recovery', 'public');
    const headings = await page.$$eval('h1, h2, h3, h4', (hs) =>
      hs.map((h) => ({ level: Number(h.tagName.slice(1)), text: h.textContent?.trim() ?? '' })),
    );
    expect(headings.filter((h) => h.level === 1)).toHaveLength(1);
    headings.slice(1).forEach((h, i) => expect(h.level - headings[i].level).toBeLessThanOrEqual(1));
    const h2 = headings.filter((h) => h.level === 2).map((h) => h.text);
    expect(h2.indexOf('Why the project started')).toBeLessThan(h2.indexOf('What we learned'));
    expect(h2.indexOf('What we learned')).toBeLessThan(h2.indexOf('Thank you'));
    expect(h2.indexOf('Thank you')).toBeLessThan(h2.indexOf('Appendix A: Figures'));
    const lessons = await page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'What we learned' }) }).innerText();
    expect(lessons).toContain('The project team has not yet recorded the lessons learned.');
  }, 60_000);
});
