import type { Page } from 'playwright-core';
import { energyProject } from '../support/api-harness';
import { accessibilityProblems, describeInBrowser, openWebBrowser, screenshot, WebBrowser } from './support/web-browser';

const PROJECT = 'p-energy';
const NAMED = 'Morwenna Tregarthen';
/** Today in London: the project is registered today, so what is written about it is dated today. */
const TODAY_ISO = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
  new Date(),
);

describeInBrowser('erasing the words of a story version, on the web (real server, real Chromium)', () => {
  let web: WebBrowser;
  const tokens = {} as Record<'lead' | 'recorder', string>;
  const auth = () => ({ Authorization: `Bearer ${tokens.lead}` });
  let earlier: string;
  let naming: string;

  beforeAll(async () => {
    web = await openWebBrowser({ auth: 'tokens' });
    tokens.lead = await web.api.issueToken('evaluation_lead', 'lea.lead');
    tokens.recorder = await web.api.issueToken('recorder', 'rob.recorder');
    await web.api.command('RegisterProject', energyProject, auth()).expect(201);
    const write = async (text: string) =>
      (await web.api.command('RecordProjectStory', { projectId: PROJECT, part: 'thanks', text, recordedOn: TODAY_ISO }, auth()).expect(201)).body
        .eventIds[0] as string;
    earlier = await write('Thanks to the residents who wrote the note with us.');
    naming = await write(`Thanks to ${NAMED}, who chaired every meeting.`);
  }, 120_000);
  afterAll(() => web?.close());

  async function signIn(page: Page, token: string): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${web.base}/sign-in`);
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
  }
  const page = () => web.page;
  const text = (selector: string) => page().locator(selector).first().innerText();

  it('erases one version from the story page after a warning, asks again when no version or reason is given, and shows the version before', async () => {
    await signIn(page(), tokens.lead);
    await web.visit(`/projects/${PROJECT}/story`);
    expect(await text('#part-thanks')).toContain(NAMED);
    await page().getByRole('link', { name: 'Erase words of a version of thanks' }).click();
    expect(await text('h1')).toBe('Erase the words of a version');
    expect(await text('.govuk-warning-text')).toContain('You cannot undo this.');
    expect(await accessibilityProblems(page())).toEqual([]);

    await page().getByRole('button', { name: 'Erase these words permanently' }).click();
    expect(await page().title()).toMatch(/^Error: Erase the words of a version/);
    const both = await text('.govuk-error-summary');
    expect(both).toContain('Select the version whose words are erased');
    expect(both).toContain('Enter why the words are erased');
    expect(await page().$$eval('.govuk-error-summary a', (links) => links.map((a) => a.getAttribute('href')))).toEqual(['#eventId', '#reason']);
    await page().getByLabel(`Thanks to ${NAMED}, who chaired every meeting.`).check();
    await page().getByRole('button', { name: 'Erase these words permanently' }).click();
    expect(await text('.govuk-error-summary')).toBe('There is a problem\nEnter why the words are erased');
    expect(await accessibilityProblems(page())).toEqual([]);
    await screenshot(page(), 'story-erase-errors', true);

    await page().getByLabel(`Thanks to ${NAMED}, who chaired every meeting.`).check();
    await page().getByLabel('Why the words are erased').fill('The person thanked asked not to be named');
    await page().getByRole('button', { name: 'Erase these words permanently' }).click();
    await page().waitForURL((url) => url.pathname === `/projects/${PROJECT}/story`);
    expect(await text('.govuk-notification-banner')).toContain('were erased');
    expect(await text('#part-thanks')).toContain('Thanks to the residents who wrote the note with us.');
    expect(await page().content()).not.toContain(NAMED);

    const history = await web.api.http().get(`/api/history/project/${PROJECT}`).set(auth()).expect(200);
    const versions = history.body.events.filter((e: { type: string }) => e.type === 'ProjectStoryRecorded');
    expect(versions.map((e: { eventId: string; summary: { wordsErased?: boolean } }) => [e.eventId, e.summary.wordsErased ?? false])).toEqual([
      [earlier, false],
      [naming, true],
    ]);
    await web.visit(`/projects/${PROJECT}/story/thanks/erase`);
    expect(await page().content()).not.toContain(NAMED);
  });

  it('offers no erasing to someone who may not erase, and refuses them the page', async () => {
    await signIn(page(), tokens.recorder);
    await web.visit(`/projects/${PROJECT}/story`);
    expect(
      await page()
        .getByRole('link', { name: /Erase words/ })
        .count(),
    ).toBe(0);
    const refused = await page().goto(`${web.base}/projects/${PROJECT}/story/thanks/erase`);
    expect(refused?.status()).toBe(403);
  });
});
