import type { Page } from 'playwright-core';
import { energyProject } from '../support/api-harness';
import { accessibilityProblems, describeInBrowser, openWebBrowser, screenshot, WebBrowser } from './support/web-browser';

const PROJECT = 'p-energy';
/** Today in London, as the forms' date questions take it and the pages print it: what is written is dated within the project's life, which starts today here. */
const TODAY = Object.fromEntries(
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(new Date())
    .map((p) => [p.type, p.value]),
) as Record<'day' | 'month' | 'year', string>;
const TODAY_WORDS = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'long' }).format(new Date());
const TODAY_ISO = `${TODAY.year}-${TODAY.month.padStart(2, '0')}-${TODAY.day.padStart(2, '0')}`;
const DECISION = 'Adopt the community energy guidance note';

describeInBrowser('the story of a project and its proposals not adopted, on the web (real server, real Chromium)', () => {
  let web: WebBrowser;
  const tokens = {} as Record<'lead' | 'viewer', string>;
  const auth = () => ({ Authorization: `Bearer ${tokens.lead}` });

  beforeAll(async () => {
    web = await openWebBrowser({ auth: 'tokens' });
    tokens.lead = await web.api.issueToken('evaluation_lead', 'lea.lead');
    tokens.viewer = await web.api.issueToken('viewer', 'vic.viewer');
    await web.api.command('RegisterProject', energyProject, auth()).expect(201);
    await web.api
      .command(
        'RecordDecision',
        {
          decisionId: 'd-1',
          projectId: PROJECT,
          title: DECISION,
          decisionMaker: 'cabinet',
          reference: 'EX4321',
          decidedOn: '2026-06-18',
          recommendation: 'Adopt the note',
        },
        auth(),
      )
      .expect(201);
  }, 120_000);
  afterAll(() => web?.close());

  async function signIn(page: Page, token: string): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${web.base}/sign-in`);
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
  }

  /** The story events of the project, oldest first, as `part: text` read through the API. */
  async function storyEvents(): Promise<string[]> {
    const response = await web.api.http().get(`/api/history/project/${PROJECT}`).set(auth()).expect(200);
    return response.body.events
      .filter((e: { type: string }) => e.type === 'ProjectStoryRecorded')
      .map((e: { summary: { part: string; text: string } }) => `${e.summary.part}: ${e.summary.text}`);
  }

  const page = () => web.page;
  const text = (selector: string) => page().locator(selector).first().innerText();
  const summaryLinks = () => page().$$eval('.govuk-error-summary a', (links) => links.map((a) => a.getAttribute('href')));

  it('writes a part of the story from the project page, refuses a blank or over-long one with the GOV.UK error pattern, and keeps each version', async () => {
    await signIn(page(), tokens.lead);
    await web.visit(`/projects/${PROJECT}`);
    await page().getByRole('link', { name: 'The story of the project' }).click();
    expect(await text('h1')).toBe('The story of the project');
    expect(await text('#part-lessons')).toContain('Not written yet');
    expect(await accessibilityProblems(page())).toEqual([]);

    await page().getByRole('link', { name: 'Write lessons' }).click();
    expect(await text('h1')).toBe('What the project learnt');
    await page().getByLabel('Day').fill('');
    await page().getByRole('button', { name: 'Save lessons' }).click();
    expect(await page().title()).toMatch(/^Error: What the project learnt/);
    const blank = await text('.govuk-error-summary');
    expect(blank).toContain('Enter what the project learnt');
    expect(blank).toContain('The date it was written must include a day');
    expect(await summaryLinks()).toEqual(['#text', '#recordedOn-day']);
    expect(await text('#text-error')).toContain('Enter what the project learnt');
    expect(await accessibilityProblems(page())).toEqual([]);
    await screenshot(page(), 'story-part-errors', true);

    await page().getByLabel('What the project learnt').fill('x'.repeat(4001));
    await page().getByLabel('Day').fill(TODAY.day);
    await page().getByLabel('Month').fill(TODAY.month);
    await page().getByLabel('Year').fill(TODAY.year);
    await page().getByRole('button', { name: 'Save lessons' }).click();
    expect(await text('.govuk-error-summary')).toContain('The text must be at most 4000 characters');
    expect(await storyEvents()).toEqual([]);

    await page().getByLabel('What the project learnt').fill('Posting papers ahead mattered more than any online tool.');
    await page().getByRole('button', { name: 'Save lessons' }).click();
    await page().waitForURL((url) => url.pathname.endsWith('/story'));
    expect(await text('.govuk-notification-banner')).toContain('Lessons recorded');
    expect(await text('#part-lessons')).toContain('Posting papers ahead mattered more than any online tool.');
    expect(await text('#part-lessons')).toContain(`Written ${TODAY_WORDS}`);

    await page().getByRole('link', { name: 'Change lessons' }).click();
    expect(await page().getByLabel('What the project learnt').inputValue()).toBe('Posting papers ahead mattered more than any online tool.');
    await page().getByLabel('What the project learnt').fill('Paper first, then online.');
    await page().getByRole('button', { name: 'Save lessons' }).click();
    await page().waitForURL((url) => url.pathname.endsWith('/story'));
    expect(await text('#part-lessons')).toContain('Paper first, then online.');
    expect(await storyEvents()).toEqual(['lessons: Posting papers ahead mattered more than any online tool.', 'lessons: Paper first, then online.']);
    await screenshot(page(), 'story', true);
  }, 120_000);

  it('records proposals not adopted, with a decision of the project or none, and the decision page lists the one it turned down', async () => {
    await signIn(page(), tokens.lead);
    await web.visit(`/projects/${PROJECT}/story`);
    await page().getByRole('link', { name: 'Record a proposal that was not adopted' }).click();
    await page().getByRole('button', { name: 'Record the proposal' }).click();
    expect(await text('.govuk-error-summary')).toContain('Enter what was proposed');
    expect(await summaryLinks()).toEqual(['#proposal', '#reason']);
    expect(await accessibilityProblems(page())).toEqual([]);

    await page().getByLabel('What was proposed').fill('Hold the launch in every parish');
    await page().getByLabel('Why it was not adopted').fill('There was budget for one launch only');
    await page()
      .getByLabel('The decision that turned it down (optional)')
      .selectOption({ label: `${DECISION} (18 June 2026)` });
    await page().getByRole('button', { name: 'Record the proposal' }).click();
    await page().waitForURL((url) => url.pathname.endsWith('/story'));
    expect(await text('.govuk-notification-banner')).toContain('Proposal recorded');

    await page().getByRole('link', { name: 'Record a proposal that was not adopted' }).click();
    await page().getByLabel('What was proposed').fill('Open the hub on Sundays');
    await page().getByLabel('Why it was not adopted').fill('No staff on Sundays');
    await page().getByRole('button', { name: 'Record the proposal' }).click();
    await page().waitForURL((url) => url.pathname.endsWith('/story'));
    const rows = await page().locator('#not-adopted + .app-table-scroll tbody tr').allInnerTexts();
    expect(rows).toEqual([
      expect.stringMatching(/Hold the launch in every parish\s+There was budget for one launch only\s+Adopt the community energy guidance note/),
      expect.stringMatching(/Open the hub on Sundays\s+No staff on Sundays\s+Not linked to a decision/),
    ]);
    expect(await accessibilityProblems(page())).toEqual([]);

    await page().getByRole('link', { name: DECISION }).click();
    expect(await text('h1')).toBe(DECISION);
    const onDecision = await text('#not-adopted + .app-table-scroll');
    expect(onDecision).toContain('Hold the launch in every parish');
    expect(onDecision).not.toContain('Open the hub on Sundays');
  }, 120_000);

  it('shows a viewer the story without ways to change it, and refuses them the forms', async () => {
    await signIn(page(), tokens.viewer);
    await web.visit(`/projects/${PROJECT}/story`);
    expect(await text('#part-lessons')).toContain('Paper first, then online.');
    expect(
      await page()
        .getByRole('link', { name: /Change lessons|Write thanks|Record a proposal/ })
        .count(),
    ).toBe(0);
    const refused = await page().goto(`${web.base}/projects/${PROJECT}/story/thanks`);
    expect(refused?.status()).toBe(403);
    const proposals = await page().goto(`${web.base}/projects/${PROJECT}/proposals/new`);
    expect(proposals?.status()).toBe(403);
    expect(await storyEvents()).toHaveLength(2);
  }, 120_000);

  it('writes a part with JavaScript switched off, and reaches the save button with the keyboard alone', async () => {
    const nojs = await web.withoutJavaScript();
    try {
      await signIn(nojs.page, tokens.lead);
      await nojs.page.goto(`${web.base}/projects/${PROJECT}/story/thanks`);
      await nojs.page.getByLabel('Who the council thanks').fill('Thank you to the Friends of Newbury Library.');
      await nojs.page.getByLabel('Who the council thanks').press('Tab');
      let reached = false;
      for (let presses = 0; presses < 10 && !reached; presses += 1) {
        const focused = String(await nojs.page.evaluate('(() => { const e = document.activeElement; return ((e && e.innerText) || "").trim(); })()'));
        reached = focused === 'Save thanks';
        if (!reached) await nojs.page.keyboard.press('Tab');
      }
      expect(reached).toBe(true);
      await nojs.page.keyboard.press('Enter');
      await nojs.page.waitForURL((url) => url.pathname.endsWith('/story'));
      expect(await nojs.page.locator('#part-thanks').innerText()).toContain('Thank you to the Friends of Newbury Library.');
    } finally {
      await nojs.close();
    }
  }, 120_000);

  it('saves a text the page counted at the limit, its lines typed one to a line, and shows each line as written', async () => {
    await signIn(page(), tokens.lead);
    await web.visit(`/projects/${PROJECT}/story/next_steps`);
    // 200 lines: the browser sends each break as two characters (CRLF), so sent as typed this is 4,198 characters long.
    const lines = Array.from({ length: 200 }, (_, i) => `Step ${String(i + 1).padStart(3, '0')}: ring them`);
    const typed = lines.join('\n');
    expect(typed).toHaveLength(4000 - 1);
    await page().getByLabel('What happens next').fill(typed);
    expect(await text('.govuk-character-count__status')).toBe('You have 1 character remaining');
    await page().getByRole('button', { name: 'Save what happens next' }).click();
    await page().waitForURL((url) => url.pathname.endsWith('/story'));
    const shown = await page().locator('#part-next_steps p').allInnerTexts();
    expect(shown.slice(0, 3)).toEqual(lines.slice(0, 3));
    expect(shown).toContain(lines[199]);
    const recorded = (await storyEvents()).filter((e) => e.startsWith('next_steps: '));
    expect(recorded).toEqual([`next_steps: ${typed}`]);
  }, 120_000);

  it('answers 404 for a part of the story that does not exist', async () => {
    await signIn(page(), tokens.lead);
    const missing = await page().goto(`${web.base}/projects/${PROJECT}/story/gossip`);
    expect(missing?.status()).toBe(404);
  }, 120_000);

  it('offers no proposal form on a closed project and says why, while its story can still be written', async () => {
    await web.api.command('CloseProject', { projectId: PROJECT, closedOn: TODAY_ISO, summary: 'Guidance published' }, auth()).expect(201);
    await signIn(page(), tokens.lead);
    await web.visit(`/projects/${PROJECT}/story`);
    expect(await text('main')).toContain(`The project closed on ${TODAY_WORDS}`);
    expect(await page().getByRole('link', { name: 'Record a proposal that was not adopted' }).count()).toBe(0);
    expect(await text('main')).toContain('No proposal can be recorded now');
    expect(await accessibilityProblems(page())).toEqual([]);

    await web.visit(`/projects/${PROJECT}/proposals/new`);
    expect(await text('main')).toContain(`The project closed on ${TODAY_WORDS}, so no proposal can be recorded on it now`);
    expect(await page().locator('form textarea, form button').count()).toBe(0);
    expect(await accessibilityProblems(page())).toEqual([]);
    await screenshot(page(), 'story-proposal-closed', true);

    await page().getByRole('link', { name: 'Back to the story of the project' }).click();
    await page().getByRole('link', { name: 'Change thanks' }).click();
    await page().getByLabel('Who the council thanks').fill('Thank you to every member of the steering group.');
    await page().getByRole('button', { name: 'Save thanks' }).click();
    await page().waitForURL((url) => url.pathname.endsWith('/story'));
    expect(await text('#part-thanks')).toContain('Thank you to every member of the steering group.');
  }, 120_000);
});
