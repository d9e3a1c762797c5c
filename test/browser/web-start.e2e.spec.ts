import { energyProject } from '../support/api-harness';
import { accessibilityProblems, describeInBrowser, openWebBrowser, screenshot, WebBrowser } from './support/web-browser';

describeInBrowser('the web interface: start, sign-in and projects (real server, real Chromium)', () => {
  let web: WebBrowser;
  let leadToken: string;

  beforeAll(async () => {
    web = await openWebBrowser({ auth: 'tokens' });
    leadToken = await web.api.issueToken('evaluation_lead', 'ann.lead');
    await web.api.command('RegisterProject', energyProject, { Authorization: `Bearer ${leadToken}` }).expect(201);
  }, 90_000);
  afterAll(() => web?.close());

  const signIn = async (token: string) => {
    await web.visit('/sign-in');
    await web.page.getByLabel('Access token').fill(token);
    await web.page.getByRole('button', { name: 'Sign in' }).click();
  };

  it('offers sign-in to someone not signed in, and sends them back where they were going', async () => {
    await web.visit('/projects');
    expect(new URL(web.page.url()).pathname).toBe('/sign-in');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'sign-in', true);
    await web.page.getByLabel('Access token').fill(leadToken);
    await web.page.getByRole('button', { name: 'Sign in' }).click();
    expect(new URL(web.page.url()).pathname).toBe('/projects');
    await expect(web.page.getByRole('heading', { level: 1 })).toBeDefined();
    expect(await web.page.textContent('h1')).toBe('Projects');
  }, 60_000);

  it('refuses a wrong token with the GOV.UK error pattern, naming the field, and signs nobody in', async () => {
    await web.context.clearCookies();
    await signIn('cpd_not-a-token');
    expect(await web.page.textContent('.govuk-error-summary')).toMatch(/Enter a valid access token/);
    expect(await web.page.getAttribute('.govuk-error-summary a', 'href')).toBe('#token');
    expect(await web.page.title()).toMatch(/^Error: Sign in/);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await web.visit('/projects');
    expect(new URL(web.page.url()).pathname).toBe('/sign-in');
  }, 60_000);

  it('shows the projects and a project page with its figures by outcome, each with its numbers and a link to the events behind it', async () => {
    await signIn(leadToken);
    await web.visit('/projects');
    await web.page.getByRole('link', { name: energyProject.title }).click();
    expect(await web.page.textContent('h1')).toBe(energyProject.title);
    const outcomes = await web.page.$$eval('h2', (hs) => hs.map((h) => h.textContent ?? ''));
    expect(outcomes.filter((h) => h.startsWith('Outcome '))).toHaveLength(5);
    expect(await web.page.locator('a', { hasText: 'The events behind this figure' }).count()).toBeGreaterThan(5);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'project', true);
  }, 90_000);

  it('refuses a form posted without its CSRF token, and records nothing', async () => {
    const response = await web.page.request.post(`${web.base}/sign-in`, { form: { token: leadToken } });
    expect(response.status()).toBe(403);
    expect(await response.text()).toMatch(/This form has expired/);
  }, 30_000);

  it('works without JavaScript: sign in and read a project', async () => {
    const nojs = await web.withoutJavaScript();
    try {
      await nojs.page.goto(`${web.base}/sign-in`);
      await nojs.page.getByLabel('Access token').fill(leadToken);
      await nojs.page.getByRole('button', { name: 'Sign in' }).click();
      await nojs.page.goto(`${web.base}/projects/${energyProject.projectId}`);
      expect(await nojs.page.textContent('h1')).toBe(energyProject.title);
    } finally {
      await nojs.close();
    }
  }, 60_000);
});
