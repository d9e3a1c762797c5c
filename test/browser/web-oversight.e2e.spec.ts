import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Checkpoint, createCheckpoint, generateSigningKeys, SigningKeys } from '@coprod/privacy';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import type { Page } from 'playwright-core';
import { SMALL_PROJECT_QUOTES, recordSmallProject, signInTeam, Team } from '../support/small-project';
import { accessibilityProblems, describeInBrowser, openWebBrowser, screenshot, WebBrowser } from './support/web-browser';

const ADA = 'Ada Ashworth';
const CERYS = 'Cerys Caddick';
const PUBLIC_NAMED = SMALL_PROJECT_QUOTES['q-1'].words;
const PUBLIC_BY_ROLE = SMALL_PROJECT_QUOTES['q-2'].words;
const COMMITTEE_ONLY = SMALL_PROJECT_QUOTES['q-3'].words;
const INTERNAL_ONLY = 'I only said this to the officer, not for anyone else';
const PUBLIC_ANONYMOUS = 'Being paid for the bus meant I could keep coming';

describeInBrowser('the web interface for auditors, administrators and residents (real server, real Chromium)', () => {
  let web: WebBrowser;
  let team: Team;
  const tokens: Record<'auditor' | 'administrator' | 'viewer' | 'recorder' | 'lead', string> = {} as never;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  let store: EventStore;
  let keys: SigningKeys;

  beforeAll(async () => {
    web = await openWebBrowser({ auth: 'tokens' });
    team = await signInTeam(web.api);
    await recordSmallProject(web.api, team);
    tokens.auditor = await web.api.issueToken('auditor', 'aud.itor');
    tokens.administrator = await web.api.issueToken('administrator', 'ad.min');
    tokens.viewer = await web.api.issueToken('viewer', 'vi.ewer');
    tokens.recorder = await web.api.issueToken('recorder', 're.corder');
    tokens.lead = await web.api.issueToken('evaluation_lead', 'le.ad');
    // Two more quotes of the same person: one for internal evaluation only, one public without her name.
    for (const [quoteId, words, attribution, allowedUses] of [
      ['q-4', INTERNAL_ONLY, 'named', ['internal_evaluation']],
      ['q-5', PUBLIC_ANONYMOUS, 'anonymous', ['public']],
    ] as const) {
      await web.api
        .command(
          'CaptureQuote',
          {
            quoteId,
            projectId: 'p-energy',
            participantId: 'part-3',
            activityId: 'act-2',
            decisionId: null,
            context: 'Second workshop',
            outcomeIds: ['increased_influence'],
            attribution,
            allowedUses,
            language: 'en',
            capturedOn: '2026-04-14T19:30:00.000Z',
            personal: { subjectId: 'part-3', fields: { words } },
          },
          team.officer,
        )
        .expect(201);
    }
    // A correction, so a history shows one linked both ways: part-2 left the first workshop early.
    const history = await web.api.http().get('/api/history/activity/act-1').set(bearer(tokens.auditor)).expect(200);
    const attendance = history.body.events.find((e: { type: string; summary: { participantId?: string } }) => e.type === 'AttendanceRecorded' && e.summary.participantId === 'part-2');
    await web.api
      .command('AmendAttendance', { activityId: 'act-1', eventId: attendance.eventId, minutes: 60, reason: 'Sign-in sheet typed up wrongly: left at the break' }, team.officer)
      .expect(201);
    store = web.api.app.get<EventStore>(EVENT_STORE);
    keys = generateSigningKeys();
  }, 120_000);
  afterAll(() => web?.close());

  const signIn = async (token: string, page: Page = web.page) => {
    await page.goto(`${web.base}/sign-in`);
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const visit = async (path: string, page: Page = web.page) => page.goto(`${web.base}${path}`);
  const heading = (page: Page = web.page) => page.textContent('h1').then((text) => (text ?? '').trim());
  const erasedEvents = async (participantId: string) => {
    const response = await web.api.http().get(`/api/history/participant/${participantId}`).set(bearer(tokens.auditor)).expect(200);
    return response.body.events.filter((e: { type: string }) => e.type === 'ParticipantErased');
  };
  /** The form's hidden fields, to send it again as a browser would on a second click. */
  const hiddenFields = async (page: Page, form: string): Promise<Record<string, string>> => {
    const fields: Record<string, string> = {};
    for (const input of await page.locator(`${form} input[type=hidden]`).all()) fields[(await input.getAttribute('name')) ?? ''] = await input.inputValue();
    return fields;
  };

  it('shows a role without the permission the 403 page on every oversight page, and a form posted by it erases nobody', async () => {
    await signIn(tokens.viewer);
    for (const path of [
      '/audit',
      '/audit/history/project/p-energy',
      '/audit/verification',
      '/audit/projects/p-energy/trace/hours_by_role',
      '/people/part-2/subject-access',
      '/people/part-2/subject-access/json',
      '/people/part-2/erasure',
      '/tokens',
      '/tokens/new',
    ]) {
      const response = await visit(path);
      expect([path, response?.status()]).toEqual([path, 403]);
      expect(await heading()).toBe('You do not have access to this page');
      expect(await web.page.textContent('main')).toMatch(/vi\.ewer has the role viewer, which lacks the permission (read_history|verify|read_personal|erase|manage_tokens)/);
    }
    expect(await accessibilityProblems(web.page)).toEqual([]);

    await signIn(tokens.auditor);
    for (const path of ['/people/part-2/erasure', '/tokens', '/tokens/new']) expect((await visit(path))?.status()).toBe(403);
    await visit('/audit/verification');
    const { _csrf } = await hiddenFields(web.page, 'form[action="/audit/verification"]');
    const refused = await web.page.request.post(`${web.base}/people/part-2/erasure/check`, { form: { _csrf: _csrf ?? '', formKey: 'a-key-of-my-own' } });
    expect(refused.status()).toBe(403);
    expect(await erasedEvents('part-2')).toEqual([]);
  }, 90_000);

  it('shows residents the opportunities and a "You said, we did" page with no word whose consent does not allow it', async () => {
    await web.context.clearCookies();
    await visit('/');
    await web.page.getByRole('link', { name: 'opportunities to get involved' }).first().click();
    expect(new URL(web.page.url()).pathname).toBe('/opportunities');
    expect(await heading()).toBe('Opportunities to get involved');
    expect(await web.page.locator('h2', { hasText: 'Projects you can join' }).count()).toBe(1);
    expect((await web.page.locator('.govuk-summary-card__title').allTextContents()).map((t) => t.trim())).toEqual(['Community energy guidance note']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'opportunities', true);

    await web.page.getByRole('link', { name: /What people said and what changed/ }).click();
    expect(new URL(web.page.url()).pathname).toBe('/you-said-we-did/p-energy');
    const text = (await web.page.textContent('main')) ?? '';
    expect(text).toContain('Start with the questions groups ask');
    expect(text).toContain('The note is organised as those questions');
    expect(text).toContain(PUBLIC_NAMED);
    expect(text).toContain(ADA);
    expect(text).toContain(PUBLIC_BY_ROLE);
    expect(text).toContain(PUBLIC_ANONYMOUS);
    expect(text).not.toContain(COMMITTEE_ONLY);
    expect(text).not.toContain(INTERNAL_ONLY);
    // Her anonymous words never carry her name, and her unpublishable ones never show at all.
    expect(text).not.toContain(CERYS);
    for (const name of ['Bilal Brennan', 'Dorota Dunne', 'Eamon Eyre', 'Fola Fenwick']) expect(text).not.toContain(name);
    const table = web.page.locator('table', { has: web.page.locator('caption', { hasText: 'What people said and what changed' }) });
    expect(await table.locator('thead th').allTextContents()).toEqual(['You said', 'We did', 'Decision', 'Level']);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'you-said-we-did', true);

    await web.api.command('WithdrawQuoteConsent', { quoteId: 'q-2', withdrawnOn: '2026-06-01', reason: 'Would rather not be quoted' }, team.officer).expect(201);
    await web.page.reload();
    expect(await web.page.textContent('main')).not.toContain(PUBLIC_BY_ROLE);

    expect((await visit('/you-said-we-did/p-nowhere'))?.status()).toBe(404);
    expect(await heading()).toBe('Page not found');
  }, 90_000);

  it('lets an auditor follow a figure to its events and on to the history of each record, with corrections linked both ways', async () => {
    await signIn(tokens.auditor);
    await visit('/projects/p-energy');
    await web.page.locator('a', { hasText: 'The events behind this figure' }).filter({ hasText: 'Hours contributed, by role' }).click();
    expect(new URL(web.page.url()).pathname).toBe('/audit/projects/p-energy/trace/hours_by_role');
    expect(await heading()).toBe('Hours contributed, by role');
    expect(await web.page.textContent('.govuk-summary-list')).toMatch(/23 hours/);
    const rows = web.page.locator('table tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(12);
    expect(await rows.filter({ hasText: 'Attendance recorded' }).count()).toBe(12);
    expect(await web.page.textContent('main')).not.toContain(ADA);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'audit-trace', true);

    const amended = rows.filter({ hasText: 'part-2' }).filter({ hasText: 'act-1' }).first();
    await amended.locator('th a').click();
    expect(new URL(web.page.url()).pathname).toBe('/audit/history/activity/act-1');
    expect(await heading()).toBe('History of session act-1');
    const target = new URL(web.page.url()).hash;
    const original = web.page.locator(`tr${target}`);
    expect(await original.textContent()).toMatch(/Amended by the event at position \d+: Sign-in sheet typed up wrongly/);
    await original.getByRole('link', { name: /the event at position/ }).click();
    const correction = web.page.locator(`tr${new URL(web.page.url()).hash}`);
    expect(await correction.textContent()).toMatch(/Amends the event at position \d+ \(attendance recorded\)/);
    expect(await correction.textContent()).toMatch(/Changes: minutes 60 minutes/);
    await correction.getByRole('link', { name: /the event at position/ }).click();
    expect(new URL(web.page.url()).hash).toBe(target);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'audit-history', true);

    await web.page.locator('tr', { hasText: 'part-1' }).first().getByRole('link', { name: 'part-1' }).click();
    expect(await heading()).toBe('History of participant part-1');
    expect(await web.page.textContent('main')).toMatch(/Personal details: withheld/);
    expect(await web.page.textContent('main')).not.toContain(ADA);
  }, 90_000);

  it('finds any record by its kind and ID, and refuses an empty or unknown one with the GOV.UK error pattern', async () => {
    await signIn(tokens.auditor);
    await visit('/audit');
    await web.page.getByRole('button', { name: 'Show its history' }).click();
    expect(await web.page.title()).toMatch(/^Error: Audit/);
    expect(await web.page.locator('.govuk-error-summary a').allTextContents()).toEqual(['Select the kind of record', 'Enter the ID of the record']);
    expect(await web.page.getAttribute('.govuk-error-summary a >> nth=0', 'href')).toBe('#kind');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'audit-start-errors', true);
    await web.page.getByLabel('Expense claim').check();
    await web.page.getByLabel('Its ID').fill('exp-404');
    await web.page.getByRole('button', { name: 'Show its history' }).click();
    expect(await web.page.textContent('#id-error')).toMatch(/Nothing is recorded about expense claim exp-404/);
    await web.page.getByLabel('Its ID').fill('exp-1');
    await web.page.getByRole('button', { name: 'Show its history' }).click();
    expect(new URL(web.page.url()).pathname).toBe('/audit/history/expense/exp-1');
    const events = await web.page.locator('tbody tr td:nth-child(2) strong').allTextContents();
    expect(events.map((e) => e.trim())).toEqual(['Expense claimed', 'Expense approved', 'Expense paid']);
    expect(await web.page.textContent('tbody')).toMatch(/Amount: £12\.50/);

    const response = await visit('/audit/projects/p-energy/trace/hours_by_role?asOf=2026-02-30');
    expect(response?.status()).toBe(400);
    expect(await web.page.textContent('.govuk-error-summary')).toMatch(/The "what had happened by" date is not a day in the calendar: February 2026 has 28 days/);
    expect(await heading()).toBe('Hours contributed, by role');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await visit('/audit/projects/p-energy/trace/hours_by_role?asOf=2026-03-31');
    expect(await web.page.textContent('.govuk-summary-list')).toMatch(/11 hours/);

    expect((await visit('/audit/history/expense/exp-404'))?.status()).toBe(404);
    expect(await heading()).toBe('Record not found');
    expect(await web.page.textContent('main')).toMatch(/Nothing is recorded about expense claim exp-404/);
  }, 90_000);

  it('verifies the chain, and checks it against a signed checkpoint pasted or uploaded with the trusted key, saying what to do', async () => {
    await signIn(tokens.auditor);
    await visit('/audit');
    await web.page.getByRole('link', { name: 'Check the integrity of the record' }).click();
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'audit-verification', true);
    await web.page.getByRole('button', { name: 'Check the record now' }).click();
    expect(await heading()).toBe('The record is intact');
    const head = await store.headPosition();
    expect(await web.page.textContent('main')).toContain(`All ${head} events in the record check out`);
    expect(await web.page.textContent('main')).toMatch(/What to do now\s*Nothing needs doing/);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'audit-verified', true);

    const checkpoint = await createCheckpoint(store, keys.privateKey);
    await visit('/audit/verification');
    await web.page.getByLabel('Paste the checkpoint').fill(JSON.stringify(checkpoint, null, 2));
    await web.page.getByLabel("Paste the council's checkpoint public key").fill(keys.publicKey);
    await web.page.getByRole('button', { name: 'Check against the checkpoint' }).click();
    expect(await heading()).toBe('The record matches the checkpoint');
    expect(await web.page.textContent('main')).toContain(`exactly the ${checkpoint.count} events up to position ${checkpoint.position}`);

    const altered: Checkpoint = { ...checkpoint, count: checkpoint.count - 1 };
    await visit('/audit/verification');
    await web.page.getByLabel('Or choose the checkpoint file').setInputFiles({ name: 'checkpoint.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(altered)) });
    await web.page.getByLabel('Or choose the public key file').setInputFiles({ name: 'checkpoint.pem.pub', mimeType: 'text/plain', buffer: Buffer.from(keys.publicKey) });
    await web.page.getByRole('button', { name: 'Check against the checkpoint' }).click();
    expect(await heading()).toBe('The record does not match the checkpoint');
    expect(await web.page.textContent('main')).toMatch(/The checkpoint's signature does not verify: the checkpoint was altered after it was signed/);
    expect(await web.page.textContent('main')).toMatch(/Tell the service owner and your data protection lead/);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'audit-checkpoint-mismatch', true);

    const stranger = generateSigningKeys();
    await visit('/audit/verification');
    await web.page.getByLabel('Paste the checkpoint').fill(JSON.stringify(await createCheckpoint(store, stranger.privateKey)));
    await web.page.getByLabel("Paste the council's checkpoint public key").fill(keys.publicKey);
    await web.page.getByRole('button', { name: 'Check against the checkpoint' }).click();
    expect(await web.page.textContent('main')).toMatch(/signed by a key that is not among the trusted keys/);
  }, 120_000);

  it('refuses a checkpoint that is not one, or a missing key, naming the field, and a file upload without its form token', async () => {
    await signIn(tokens.auditor);
    await visit('/audit/verification');
    await web.page.getByLabel('Paste the checkpoint').fill('{"position": 3,');
    await web.page.getByRole('button', { name: 'Check against the checkpoint' }).click();
    expect(await web.page.title()).toMatch(/^Error: Check the integrity of the record/);
    expect(await web.page.locator('.govuk-error-summary a').allTextContents()).toEqual([
      'The checkpoint is not complete JSON: paste the whole file, from the opening { to the closing }',
      "Paste the council's checkpoint public key, or choose its file",
    ]);
    expect(await web.page.inputValue('#checkpoint')).toBe('{"position": 3,');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'audit-verification-errors');

    const checkpoint = await createCheckpoint(store, keys.privateKey);
    await web.page.getByLabel('Paste the checkpoint').fill(JSON.stringify({ ...checkpoint, hash: 'not-a-hash' }));
    await web.page.getByLabel("Paste the council's checkpoint public key").fill('-----BEGIN PUBLIC KEY-----\nnonsense\n-----END PUBLIC KEY-----');
    await web.page.getByRole('button', { name: 'Check against the checkpoint' }).click();
    expect(await web.page.textContent('#checkpoint-error')).toMatch(/The checkpoint's hash must be 64 lower-case hexadecimal characters/);
    expect(await web.page.textContent('#publicKey-error')).toMatch(/The public key cannot be read/);

    const forged = await web.page.request.post(`${web.base}/audit/verification/checkpoint`, {
      multipart: { checkpoint: JSON.stringify(checkpoint), publicKey: keys.publicKey },
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toMatch(/This form has expired/);
  }, 90_000);

  it('answers a subject access request as a page, with the same export as the API to download', async () => {
    await signIn(tokens.administrator);
    await visit('/people/part-3/subject-access');
    expect(await heading()).toBe(`Everything held about ${CERYS}`);
    const words = await web.page.locator('table', { has: web.page.locator('caption', { hasText: 'Quotes recorded' }) }).textContent();
    for (const quote of [COMMITTEE_ONLY, INTERNAL_ONLY, PUBLIC_ANONYMOUS]) expect(words).toContain(quote);
    expect(await web.page.textContent('main')).not.toContain(ADA);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'subject-access', true);

    const api = await web.api.http().get('/api/participants/part-3/subject-access').set(bearer(tokens.administrator)).set('Accept', 'application/json').expect(200);
    const [json] = await Promise.all([web.page.waitForEvent('download'), web.page.getByRole('link', { name: 'Download as data (JSON)' }).click()]);
    expect(json.suggestedFilename()).toBe('subject-access-part-3.json');
    const downloaded = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect({ ...downloaded, generatedAt: 'when' }).toEqual({ ...api.body, generatedAt: 'when' });
    const [markdown] = await Promise.all([web.page.waitForEvent('download'), web.page.getByRole('link', { name: /Download as a document/ }).click()]);
    expect(readFileSync((await markdown.path())!, 'utf8')).toContain(CERYS);

    expect((await visit('/people/part-404/subject-access'))?.status()).toBe(404);
  }, 90_000);

  it('erases a person only after a check of the answers, records it once when sent twice, and afterwards shows their name on no page', async () => {
    await signIn(tokens.administrator);
    await visit('/people/part-1/subject-access');
    await web.page.getByRole('link', { name: 'Erase part-1' }).click();
    expect(await heading()).toBe(`Why is ${ADA} being erased?`);
    await web.page.getByLabel(`Why is ${ADA} being erased?`).fill('Ada Ashworth asked by phone');
    await web.page.getByRole('button', { name: 'Continue' }).click();
    expect(await web.page.title()).toMatch(/^Error: Why is/);
    expect(await web.page.textContent('.govuk-error-summary')).toMatch(/The reason must not include their name or contact details/);
    expect(await web.page.getAttribute('.govuk-error-summary a', 'href')).toBe('#reason');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'erasure-question-errors', true);
    expect(await erasedEvents('part-1')).toEqual([]);

    await web.page.getByLabel(`Why is ${ADA} being erased?`).fill('Asked by phone');
    await web.page.getByRole('button', { name: 'Continue' }).click();
    expect(new URL(web.page.url()).pathname).toBe('/people/part-1/erasure/check');
    expect(await heading()).toBe('Check before you erase this person');
    await web.page.getByRole('link', { name: /Change/ }).click();
    expect(await web.page.inputValue('#reason')).toBe('Asked by phone');
    await web.page.getByLabel(`Why is ${ADA} being erased?`).fill('Asked to be forgotten, by letter received 3 March 2026');
    await web.page.getByRole('button', { name: 'Continue' }).click();
    expect(await web.page.textContent('.govuk-summary-list')).toContain('Asked to be forgotten, by letter received 3 March 2026');
    expect(await erasedEvents('part-1')).toEqual([]);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'erasure-check', true);

    const fields = await hiddenFields(web.page, 'form[method=post]');
    const [first, second] = await Promise.all([
      web.page.request.post(`${web.base}/people/part-1/erasure/check`, { form: fields, maxRedirects: 0 }),
      web.page.request.post(`${web.base}/people/part-1/erasure/check`, { form: fields, maxRedirects: 0 }),
    ]);
    expect([first.status(), second.status()]).toEqual([303, 303]);
    expect(first.headers().location).toBe('/people/part-1/erasure/done');
    expect(second.headers().location).toBe('/people/part-1/erasure/done');
    const erased = await erasedEvents('part-1');
    expect(erased).toHaveLength(1);
    expect(erased[0]).toMatchObject({ actor: 'ad.min', source: 'web', summary: { reason: 'Asked to be forgotten, by letter received 3 March 2026' } });

    await visit('/people/part-1/erasure/done');
    expect(await heading()).toBe('part-1 has been erased');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'erasure-done', true);
    await visit('/people/part-1/erasure');
    expect(new URL(web.page.url()).pathname).toBe('/people/part-1/erasure/done');

    for (const path of [
      '/people/part-1/subject-access',
      '/people/part-1/erasure/done',
      '/audit/history/participant/part-1',
      '/audit/history/quote/q-1',
      '/audit/projects/p-energy/trace/hours_by_role',
      '/projects/p-energy',
      '/opportunities',
      '/you-said-we-did/p-energy',
      '/tokens',
      '/',
    ]) {
      await visit(path);
      const page = await web.page.content();
      expect([path, page.includes('Ada'), page.includes('Ashworth'), page.includes(PUBLIC_NAMED)]).toEqual([path, false, false, false]);
    }
    await visit('/people/part-1/subject-access');
    expect(await heading()).toBe('Everything held about part-1');
    expect(await web.page.textContent('main')).toMatch(/part-1 has been erased/);
  }, 120_000);

  it('refuses an erasure posted without its form token, and erases nobody', async () => {
    await signIn(tokens.administrator);
    await visit('/people/part-4/erasure');
    await web.page.getByRole('button', { name: 'Continue' }).click();
    const { formKey } = await hiddenFields(web.page, 'form[method=post]');
    const forged = await web.page.request.post(`${web.base}/people/part-4/erasure/check`, { form: { formKey } });
    expect(forged.status()).toBe(403);
    expect(await erasedEvents('part-4')).toEqual([]);
  }, 60_000);

  it('lets an administrator issue a token shown once, refuses a form without who or which role, issues once when sent twice, and revokes after a check', async () => {
    await signIn(tokens.administrator);
    await visit('/tokens');
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'tokens', true);
    const before = (await web.api.app.get<import('@coprod/privacy').TokenStore>(require('@coprod/privacy').TOKEN_STORE).list()).length;
    await web.page.getByRole('button', { name: 'Issue a token' }).click();
    await web.page.getByLabel('Do they also take part? (optional)').fill('part-99');
    await web.page.getByRole('button', { name: 'Issue the token' }).click();
    expect(await web.page.locator('.govuk-error-summary a').allTextContents()).toEqual([
      'Enter who the token is for',
      'Select the role the token gives',
      'No participant has the ID part-99: check it on their page, or leave it empty',
    ]);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'token-new-errors');

    await web.page.getByLabel('Who is it for?').fill('vi.sitor');
    await web.page.getByLabel('Viewer').check();
    await web.page.getByLabel('A note to tell it apart (optional)').fill('Scrutiny committee laptop');
    await web.page.getByLabel('Do they also take part? (optional)').fill('part-2');
    const fields = { ...(await hiddenFields(web.page, 'form[method=post]')), actorId: 'vi.sitor', role: 'viewer', label: 'Scrutiny committee laptop', participantId: 'part-2' };
    await web.page.getByRole('button', { name: 'Issue the token' }).click();
    expect(await heading()).toBe('Token issued for vi.sitor');
    const issued = ((await web.page.textContent('#token')) ?? '').trim();
    expect(issued).toMatch(/^cpd_/);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'token-issued', true);
    await web.api.http().get('/api/projects').set(bearer(issued)).expect(200);

    const again = await web.page.request.post(`${web.base}/tokens/new`, { form: fields, maxRedirects: 0 });
    expect(again.status()).toBe(303);
    await web.page.reload();
    expect(await heading()).toBe('The token for vi.sitor has already been shown');
    expect(await web.page.textContent('main')).not.toContain(issued);
    const after = await web.api.app.get<import('@coprod/privacy').TokenStore>(require('@coprod/privacy').TOKEN_STORE).list();
    expect(after).toHaveLength(before + 1);
    expect(after.find((t) => t.actorId === 'vi.sitor')).toMatchObject({ role: 'viewer', participantId: 'part-2', label: 'Scrutiny committee laptop' });

    await visit('/tokens');
    await web.page.getByRole('link', { name: 'Revoke the token for vi.sitor (Scrutiny committee laptop)' }).click();
    expect(await heading()).toBe('Revoke the token for vi.sitor?');
    await web.api.http().get('/api/projects').set(bearer(issued)).expect(200);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'token-revoke');
    await web.page.getByRole('button', { name: 'Revoke the token' }).click();
    expect(new URL(web.page.url()).pathname).toBe('/tokens');
    expect(await web.page.textContent('.govuk-notification-banner')).toMatch(/The token for vi\.sitor \(Scrutiny committee laptop\) was revoked/);
    expect(await web.page.textContent('table:has(caption:text("Revoked tokens"))')).toContain('vi.sitor');
    await web.api.http().get('/api/projects').set(bearer(issued)).expect(401);
  }, 120_000);

  it('works without JavaScript: a resident reads the pages, an auditor checks an uploaded checkpoint, an administrator erases after checking', async () => {
    const nojs = await web.withoutJavaScript();
    try {
      const page = nojs.page;
      await visit('/opportunities', page);
      await page.getByRole('link', { name: /What people said and what changed/ }).click();
      expect(await page.textContent('main')).toContain(PUBLIC_ANONYMOUS);
      expect(await page.textContent('main')).not.toContain(COMMITTEE_ONLY);

      await signIn(tokens.auditor, page);
      await visit('/audit/verification', page);
      await page.getByLabel('Or choose the checkpoint file').setInputFiles({
        name: 'checkpoint.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(await createCheckpoint(store, keys.privateKey))),
      });
      await page.getByLabel("Paste the council's checkpoint public key").fill(keys.publicKey);
      await page.getByRole('button', { name: 'Check against the checkpoint' }).click();
      expect(await heading(page)).toBe('The record matches the checkpoint');

      await signIn(tokens.lead, page);
      await visit('/people/part-5/erasure', page);
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(await heading(page)).toBe('Check before you erase this person');
      expect(await erasedEvents('part-5')).toEqual([]);
      await page.getByRole('button', { name: /permanently/ }).click();
      expect(await heading(page)).toBe('part-5 has been erased');
      expect(await erasedEvents('part-5')).toHaveLength(1);
      expect(await page.content()).not.toContain('Eamon');
    } finally {
      await nojs.close();
    }
  }, 120_000);

  it('works with the keyboard alone: find a record and run the check', async () => {
    await signIn(tokens.auditor);
    await visit('/audit');
    const tabTo = async (selector: string, text?: string) => {
      for (let presses = 0; presses < 60; presses += 1) {
        await web.page.keyboard.press('Tab');
        if ((await web.page.locator(`${selector}:focus`, text ? { hasText: text } : {}).count()) > 0) return;
      }
      throw new Error(`the keyboard never reaches ${selector} ${text ?? ''}`);
    };
    await tabTo('input[name=kind]');
    await web.page.keyboard.press('ArrowDown');
    await tabTo('#id');
    await web.page.keyboard.type('part-2');
    await web.page.keyboard.press('Enter');
    await web.page.waitForURL(/\/audit\/history\/participant\/part-2$/);
    await visit('/audit/verification');
    await tabTo('button', 'Check the record now');
    await web.page.keyboard.press('Enter');
    await web.page.waitForSelector('h1:text-is("The record is intact")');
  }, 60_000);

  it('says plainly when the record has been changed behind the service, where, and what to do (run last: it damages the record)', async () => {
    const db = new Database(join(web.api.dataDir, 'events.db'));
    try {
      const { data } = db.prepare('SELECT data FROM events WHERE position = 5').get() as { data: string };
      const at = data.indexOf('":"') + 3;
      db.prepare('UPDATE events SET data = ? WHERE position = 5').run(data.slice(0, at) + (data[at] === 'x' ? 'y' : 'x') + data.slice(at + 1));
    } finally {
      db.close();
    }
    await signIn(tokens.auditor);
    await visit('/audit/verification');
    await web.page.getByRole('button', { name: 'Check the record now' }).click();
    expect(await heading()).toBe('The record has been changed or damaged');
    const text = (await web.page.textContent('main')) ?? '';
    expect(text).toContain('The first 4 events check out, but the event at position 5 does not.');
    expect(text).toContain('Content does not match its hash: changed after it was recorded.');
    expect(text).toContain('Do not rely on figures or reports built from events at or after position 5 until this is explained.');
    expect(text).toMatch(/Keep this page as evidence/);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'audit-broken', true);
  }, 60_000);
});
