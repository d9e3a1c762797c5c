import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ApiHarness, HarnessOptions, startApiHarness } from '../../support/api-harness';

export const CHROMIUM = '/usr/bin/chromium';
/** Browser journeys need Debian's Chromium; without it they are skipped with a warning that says how to run them. */
export const describeInBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) {
  console.warn(`\n*** SKIPPING the web interface's browser journeys: ${CHROMIUM} is missing. Install Debian's chromium package to run them. ***\n`);
}

/** Where the journeys leave a picture of each page they visit (COPROD_SCREENSHOTS_DIR=docs/screenshots refreshes the README's). */
export const SCREENSHOTS = process.env.COPROD_SCREENSHOTS_DIR ?? join(tmpdir(), 'coprod-screenshots');

/** A real server on a loopback port, its store, and a real Chromium (JavaScript on or off). */
export interface WebBrowser {
  api: ApiHarness;
  base: string;
  context: BrowserContext;
  page: Page;
  /** Opens a path and waits for the page. */
  visit(path: string): Promise<void>;
  /** Opens a second page with JavaScript switched off, sharing nothing with the first. */
  withoutJavaScript(): Promise<{ page: Page; close(): Promise<void> }>;
  close(): Promise<void>;
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function openWebBrowser(options: HarnessOptions = {}): Promise<WebBrowser> {
  const api = await startApiHarness(options);
  const server = api.app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'coprod-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1280, height: 900 } });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    api,
    base,
    context,
    page,
    visit: async (path) => {
      await page.goto(`${base}${path}`, { waitUntil: 'load' });
    },
    withoutJavaScript: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'coprod-chromium-nojs-'));
      const other = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS, javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
      const nojs = other.pages()[0] ?? (await other.newPage());
      return {
        page: nojs,
        close: async () => {
          await other.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await api.close();
    },
  };
}

/**
 * Checks the page as it stands with axe (WCAG 2.2 AA) at 1280 px and at 320 px wide, and that nothing
 * scrolls sideways at 320 px; returns every problem found, so a test can expect none.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    for (const v of results.violations) problems.push(`${width}px ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    if (width === 320) {
      const sideways = await page.$eval('html', (html) => html.scrollWidth > html.clientWidth + 1);
      if (sideways) problems.push('320px: the page scrolls sideways');
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return problems;
}

/**
 * Saves a picture of the page at 1280 px (and at 320 px with `narrow`) in SCREENSHOTS: the full page, to be
 * looked at by eye; or, when refreshing the README's pictures (COPROD_SCREENSHOTS_DIR set), the first screen
 * a person sees on opening it (1280 by 900).
 */
export async function screenshot(page: Page, name: string, narrow = false): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const forReadme = process.env.COPROD_SCREENSHOTS_DIR !== undefined;
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: !forReadme });
  if (forReadme) return;
  if (narrow) {
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-320.png`), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  }
}
