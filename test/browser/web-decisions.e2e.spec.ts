import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SubjectAccess } from '@coprod/application';
import { TOKEN_STORE, TokenStore } from '@coprod/privacy';
import { pdfText } from '../reports/pdf-tools';
import { recordSmallProject, signInTeam, Team } from '../support/small-project';
import { accessibilityProblems, describeInBrowser, openWebBrowser, screenshot, WebBrowser } from './support/web-browser';

const DECISION = 'Adopt the community energy guidance note';
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const now = new Date();
const TODAY_WORDS = `${now.getUTCDate()} ${MONTHS[now.getUTCMonth()]} ${now.getUTCFullYear()}`;

describeInBrowser('decisions, expenses and reports on the web (real server, real Chromium)', () => {
  let web: WebBrowser;
  let team: Team;
  const tokens = {} as Record<'officer' | 'approver' | 'payer' | 'recorder' | 'viewer' | 'auditor' | 'claimant', string>;
  /** The claim recorded through the web by the first test, followed by the tests after it. */
  let claimPath = '';

  beforeAll(async () => {
    web = await openWebBrowser({ auth: 'tokens' });
    team = await signInTeam(web.api);
    await recordSmallProject(web.api, team);
    const bare = (headers: Record<string, string>) => headers.Authorization.replace(/^Bearer /, '');
    Object.assign(tokens, { officer: bare(team.officer), approver: bare(team.approver), payer: bare(team.payer) });
    tokens.recorder = await web.api.issueToken('recorder', 'rob.recorder');
    tokens.viewer = await web.api.issueToken('viewer', 'vic.viewer');
    tokens.auditor = await web.api.issueToken('auditor', 'aud.auditor');
    const store = web.api.app.get<TokenStore>(TOKEN_STORE);
    tokens.claimant = (
      await store.issue({ actorId: 'bilal.lead', role: 'evaluation_lead', label: 'a lead who also takes part', participantId: 'part-2' })
    ).token;
  }, 120_000);
  afterAll(() => web?.close());

  async function signIn(page: Page, token: string): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${web.base}/sign-in`);
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
  }

  /** Presses Tab until the control named `name` has the focus, as someone using the keyboard alone would. */
  async function tabTo(on: Page, name: string): Promise<void> {
    for (let presses = 0; presses < 80; presses += 1) {
      await on.keyboard.press('Tab');
      const focused = String(
        await on.evaluate(
          '(() => { const e = document.activeElement; return ((e && e.labels && e.labels[0] && e.labels[0].innerText) || (e && e.innerText) || (e && e.value) || "").trim(); })()',
        ),
      );
      if (focused === name) return;
    }
    throw new Error(`${name} cannot be reached with the Tab key`);
  }

  /** What the record holds for a claim, as `type actor` lines, read through the API. */
  async function claimEvents(claimId: string): Promise<string[]> {
    const response = await web.api.http().get(`/api/history/expense/${claimId}`).set(team.officer).expect(200);
    return response.body.events.map((e: { type: string; actor: string }) => `${e.type} ${e.actor}`);
  }

  const page = () => web.page;
  const text = (selector: string) => page().locator(selector).first().innerText();
  const summary = () => text('.govuk-error-summary');
  const summaryLinks = () => page().$$eval('.govuk-error-summary a', (links) => links.map((a) => a.getAttribute('href')));
  const claimIdOf = (path: string) => decodeURIComponent(path.split('/')[2]);

  describe('expenses', () => {
    it('claims an expense for a participant; blank and wrong answers are refused with the GOV.UK error pattern and store nothing', async () => {
      await signIn(page(), tokens.officer);
      await web.visit('/projects/p-energy');
      await page().locator('#main-content').getByRole('link', { name: 'Expenses', exact: true }).click();
      expect(await text('h1')).toBe('Expenses');
      expect(await accessibilityProblems(page())).toEqual([]);
      await page().getByRole('button', { name: 'Claim an expense' }).click();
      expect(await text('h1')).toBe('Claim an expense');

      await page().getByRole('button', { name: 'Record the claim' }).click();
      expect(await page().title()).toMatch(/^Error: Claim an expense/);
      const blank = await summary();
      for (const message of [
        'Select who is claiming',
        'Select what the money is for',
        'Enter the amount claimed, in pounds and pence',
        'Enter what the expense was',
      ]) {
        expect(blank).toContain(message);
      }
      expect(await summaryLinks()).toEqual(['#participantId', '#category', '#amountPence', '#description']);
      expect(await text('#amountPence-error')).toContain('Enter the amount claimed');
      expect(await accessibilityProblems(page())).toEqual([]);

      await page().getByLabel('Who is claiming').selectOption({ label: 'Bilal Brennan (part-2), carer' });
      await page().getByLabel('Session').selectOption({ label: 'Design workshop act-2 (held 14 April 2026)' });
      await page().getByLabel('Travel').check();
      await page().getByLabel('Amount').fill('eight forty');
      await page().getByLabel('What the expense was').fill('Taxi home after the late workshop');
      await page().getByLabel('Day').fill('31');
      await page().getByLabel('Month').fill('2');
      await page().getByLabel('Year').fill('2026');
      await page().getByRole('button', { name: 'Record the claim' }).click();
      const wrong = await summary();
      expect(wrong).toContain('Amount must be in pounds and pence, like 12.50');
      expect(wrong).toContain('Date of the claim is not a day in the calendar: February 2026 has 28 days');
      expect(await summaryLinks()).toEqual(['#amountPence', '#claimedOn-day']);
      expect(await page().getByLabel('What the expense was').inputValue()).toBe('Taxi home after the late workshop');
      expect(await accessibilityProblems(page())).toEqual([]);
      await screenshot(page(), 'claim-errors', true);

      await web.visit('/projects/p-energy/expenses');
      expect(await page().locator('tbody tr').count()).toBe(1);

      await page().getByRole('button', { name: 'Claim an expense' }).click();
      await page().getByLabel('Who is claiming').selectOption({ label: 'Bilal Brennan (part-2), carer' });
      await page().getByLabel('Travel').check();
      await page().getByLabel('Amount').fill('8.40');
      await page().getByLabel('What the expense was').fill('Taxi home after the late workshop');
      await page().getByRole('button', { name: 'Record the claim' }).click();
      claimPath = new URL(page().url()).pathname;
      expect(claimPath).toMatch(/^\/expenses\/claim-/);
      expect(await text('.govuk-notification-banner')).toContain('Claim for £8.40 recorded');
      expect(await text('h1')).toBe('Claim for £8.40');
      expect(await text('.govuk-summary-list')).toContain('Awaiting approval');
      expect(await text('#who-may + .govuk-inset-text')).toMatch(
        new RegExp(
          `^You cannot approve or reject this claim\\s+You recorded this claim on ${TODAY_WORDS}, so someone else must approve or reject it.$`,
        ),
      );
      expect(await page().getByRole('button', { name: 'Approve this claim' }).count()).toBe(0);
      expect(await accessibilityProblems(page())).toEqual([]);

      await web.visit('/projects/p-energy/expenses/new');
      const csrf = await page().locator('[name=_csrf]').first().inputValue();
      const forced = await page().request.post(`${web.base}${claimPath}/approve`, { form: { _csrf: csrf, formKey: 'forced-approval-0001' } });
      expect(forced.status()).toBe(403);
      expect(await forced.text()).toMatch(/govuk-error-summary[\s\S]*You recorded this claim on/);
      expect(await claimEvents(claimIdOf(claimPath))).toEqual(['ExpenseClaimed ann.officer']);
    }, 120_000);

    it('lets an approver approve the claim from the queue; the same approval sent twice records once', async () => {
      await signIn(page(), tokens.approver);
      await web.visit('/expenses');
      expect(await text('h1')).toBe('Expenses');
      const row = page().locator('#awaiting-approval tbody tr', { has: page().locator(`a[href="${claimPath}"]`) });
      expect(await row.innerText()).toContain('Bilal Brennan (part-2)');
      expect(await accessibilityProblems(page())).toEqual([]);
      await screenshot(page(), 'expenses', true);
      await row.getByRole('link', { name: /Approve or reject/ }).click();

      const form = page().locator('form', { has: page().getByRole('button', { name: 'Approve this claim' }) });
      const fields = { _csrf: await form.locator('[name=_csrf]').inputValue(), formKey: await form.locator('[name=formKey]').inputValue() };
      await page().getByRole('button', { name: 'Approve this claim' }).click();
      expect(await text('.govuk-notification-banner')).toContain('Claim approved');
      expect(await text('.govuk-summary-list')).toContain('Awaiting payment');
      await screenshot(page(), 'claim', true);

      const again = await page().request.post(`${web.base}${claimPath}/approve`, { form: fields });
      expect(again.status()).toBe(200);
      const forged = await page().request.post(`${web.base}${claimPath}/approve`, { form: { formKey: 'forged-approval-0001' } });
      expect(forged.status()).toBe(403);
      expect(await forged.text()).toContain('This form has expired');
      expect(await claimEvents(claimIdOf(claimPath))).toEqual(['ExpenseClaimed ann.officer', 'ExpenseApproved bea.approver']);
    }, 90_000);

    it('shows the approver why they cannot pay, with no button; a forced payment is refused with the GOV.UK error pattern and stores nothing', async () => {
      const reason = `You approved this claim on ${TODAY_WORDS}, so a second person must pay it.`;
      await web.visit('/expenses');
      const row = page().locator('#awaiting-payment tbody tr', { has: page().locator(`a[href="${claimPath}"]`) });
      expect(await row.innerText()).toContain(`You cannot pay this claim. ${reason}`);
      expect(await row.getByRole('link', { name: /^Pay/ }).count()).toBe(0);
      await screenshot(page(), 'expenses-barred', true);

      await web.visit(claimPath);
      expect(await page().getByRole('button', { name: 'Pay this claim' }).count()).toBe(0);
      expect(await text('#main-content')).toContain(reason);
      await web.visit(`${claimPath}/pay`);
      expect(await page().getByRole('button', { name: 'Continue' }).count()).toBe(0);
      expect(await text('#who-may')).toContain(reason);
      expect(await accessibilityProblems(page())).toEqual([]);

      await web.visit(`${claimPath}/withdraw-approval`);
      const csrf = await page().locator('[name=_csrf]').first().inputValue();
      const today = new Date();
      await page().request.post(`${web.base}${claimPath}/pay`, {
        form: {
          _csrf: csrf,
          formKey: 'forced-payment-0001',
          method: 'bank_transfer',
          'paidOn-day': String(today.getUTCDate()),
          'paidOn-month': String(today.getUTCMonth() + 1),
          'paidOn-year': String(today.getUTCFullYear()),
        },
      });
      const refused = page().waitForResponse((response) => response.url().endsWith('/pay/check') && response.request().method() === 'POST');
      const forge = { action: `${claimPath}/pay/check`, token: csrf };
      await page().evaluate(
        `(() => { const form = document.createElement('form'); form.method = 'post'; form.action = ${JSON.stringify(forge.action)};` +
          ` const input = document.createElement('input'); input.type = 'hidden'; input.name = '_csrf'; input.value = ${JSON.stringify(forge.token)};` +
          ' form.append(input); document.body.append(form); form.submit(); })()',
      );
      expect((await refused).status()).toBe(403);
      await page().waitForURL(/\/pay\/check$/, { waitUntil: 'load' });
      expect(await page().title()).toMatch(/^Error: Check the payment/);
      expect(await summary()).toContain(reason);
      expect(await page().getByRole('button', { name: 'Record the payment' }).count()).toBe(0);
      expect(await accessibilityProblems(page())).toEqual([]);
      await screenshot(page(), 'pay-refused', true);
      expect(await claimEvents(claimIdOf(claimPath))).toEqual(['ExpenseClaimed ann.officer', 'ExpenseApproved bea.approver']);
    }, 90_000);

    it('lets a second officer pay, checking the answers first because a payment cannot be undone', async () => {
      await signIn(page(), tokens.payer);
      await web.visit('/expenses');
      const row = page().locator('#awaiting-payment tbody tr', { has: page().locator(`a[href="${claimPath}"]`) });
      await row.getByRole('link', { name: /^Pay/ }).click();
      expect(await text('h1')).toBe('Pay this claim');
      await page().getByRole('button', { name: 'Continue' }).click();
      expect(await summary()).toContain('Select how it was paid');
      expect(await summaryLinks()).toEqual(['#method']);
      expect(await accessibilityProblems(page())).toEqual([]);

      await page().getByLabel('Bank transfer').check();
      await page().getByLabel('Payment reference (optional)').fill('BACS run 22');
      await page().getByRole('button', { name: 'Continue' }).click();
      expect(new URL(page().url()).pathname).toBe(`${claimPath}/pay/check`);
      expect(await text('h1')).toBe('Check the payment before you record it');
      expect(await text('.govuk-summary-list')).toMatch(
        /Paid to\s+Bilal Brennan \(part-2\)[\s\S]*Amount\s+£8.40[\s\S]*How it was paid\s+Bank transfer[\s\S]*BACS run 22/,
      );
      expect(await text('.govuk-warning-text')).toContain('A payment cannot be undone');
      expect(await accessibilityProblems(page())).toEqual([]);
      await screenshot(page(), 'pay-check', true);

      await page().getByRole('button', { name: 'Record the payment' }).click();
      expect(new URL(page().url()).pathname).toBe(claimPath);
      expect(await text('.govuk-notification-banner')).toContain('Payment of £8.40 recorded');
      expect(await text('.govuk-table')).toContain('Paid £8.40 by bank transfer (reference BACS run 22)');
      expect(await text('#main-content')).toContain(`You paid this claim on ${TODAY_WORDS}, so a second person must reverse the payment.`);
      expect(await claimEvents(claimIdOf(claimPath))).toEqual([
        'ExpenseClaimed ann.officer',
        'ExpenseApproved bea.approver',
        'ExpensePaid cal.payer',
      ]);
    }, 90_000);

    it('reverses a payment, withdraws an approval and rejects a claim, each asking why', async () => {
      await signIn(page(), tokens.approver);
      await web.visit(claimPath);
      await page().getByRole('link', { name: 'Reverse the payment' }).click();
      await page().getByRole('button', { name: 'Reverse the payment' }).click();
      expect(await summary()).toContain('Enter why the payment is reversed');
      expect(await accessibilityProblems(page())).toEqual([]);
      await page().getByLabel('Why is the payment reversed?').fill('The bank returned the transfer: account closed');
      await page().getByRole('button', { name: 'Reverse the payment' }).click();
      expect(await text('.govuk-notification-banner')).toContain('reversed');
      expect(await text('.govuk-summary-list')).toContain('Awaiting payment');

      await page().getByRole('link', { name: 'Withdraw the approval' }).click();
      await page().getByRole('button', { name: 'Withdraw the approval' }).click();
      expect(await summary()).toContain('Enter why the approval is withdrawn');
      expect(await accessibilityProblems(page())).toEqual([]);
      await page().getByLabel('Why was the approval wrong?').fill('The taxi needs a receipt before approval');
      await page().getByRole('button', { name: 'Withdraw the approval' }).click();
      expect(await text('.govuk-summary-list')).toContain('Awaiting approval');

      await page().getByRole('link', { name: 'Reject this claim' }).click();
      await page().getByRole('button', { name: 'Reject the claim' }).click();
      expect(await summary()).toContain('Enter why the claim is rejected');
      expect(await accessibilityProblems(page())).toEqual([]);
      await page().getByLabel('Why is the claim rejected?').fill('Taxi fares need a receipt: please send a photo of it and claim again');
      await page().getByRole('button', { name: 'Reject the claim' }).click();
      expect(await text('.govuk-summary-list')).toContain('Rejected');
      expect(await text('.govuk-table')).toContain('Taxi fares need a receipt');
      expect(await claimEvents(claimIdOf(claimPath))).toEqual([
        'ExpenseClaimed ann.officer',
        'ExpenseApproved bea.approver',
        'ExpensePaid cal.payer',
        'ExpensePaymentReversed bea.approver',
        'ExpenseApprovalWithdrawn bea.approver',
        'ExpenseRejected bea.approver',
      ]);
    }, 90_000);

    it('tells a lead whose account is the claimant that someone else must approve their claim', async () => {
      await web.api
        .command(
          'ClaimExpense',
          {
            claimId: 'exp-own',
            projectId: 'p-energy',
            participantId: 'part-2',
            activityId: null,
            category: 'voucher',
            amountPence: 2000,
            description: 'Thank-you voucher',
            claimedOn: '2026-04-15',
          },
          team.officer,
        )
        .expect(201);
      await signIn(page(), tokens.claimant);
      await web.visit('/expenses/exp-own');
      expect(await text('#main-content')).toContain(
        'This is your own claim: your account is linked to the claimant, participant part-2. Someone else must approve or reject it.',
      );
      expect(await page().getByRole('button', { name: 'Approve this claim' }).count()).toBe(0);
    }, 60_000);

    it('keeps names from roles without personal data, saying why, and refuses pages to roles without the permission', async () => {
      await signIn(page(), tokens.recorder);
      await web.visit(claimPath);
      expect(await text('.govuk-summary-list')).toContain('part-2');
      expect(await text('.govuk-summary-list')).not.toContain('Bilal Brennan');
      expect(await text('.govuk-summary-list')).toContain('Names are shown only to people whose role lets them see personal details');
      for (const path of [
        '/expenses',
        `${claimPath}/pay`,
        `${claimPath}/reject`,
        '/projects/p-energy/reports',
        '/projects/p-energy/decisions/d-1/committee-report?format=pdf',
      ]) {
        await web.visit(path);
        expect(await text('h1')).toBe('You do not have access to this page');
      }
      await signIn(page(), tokens.viewer);
      const decision = '/projects/p-energy/decisions/d-1';
      for (const path of [
        '/projects/p-energy/expenses/new',
        '/projects/p-energy/decisions/new',
        `${decision}/influences/new`,
        `${decision}/proposals/new`,
        `${decision}/commitments/new`,
        '/reports/history/claim/exp-1?format=html',
      ]) {
        await web.visit(path);
        expect(await text('h1')).toBe('You do not have access to this page');
      }
    }, 60_000);
  });

  describe('decisions', () => {
    let decisionPath = '';

    it('records a decision; blank answers are refused with the GOV.UK error pattern and store nothing', async () => {
      await signIn(page(), tokens.officer);
      await web.visit('/projects/p-energy');
      await page().getByRole('link', { name: 'Record a decision' }).click();
      await page().getByRole('button', { name: 'Record the decision' }).click();
      expect(await page().title()).toMatch(/^Error: Record a decision/);
      expect(await summaryLinks()).toEqual(['#title', '#decisionMaker', '#reference', '#decidedOn-day', '#recommendation']);
      expect(await summary()).toContain('Enter the date of the decision');
      expect(await accessibilityProblems(page())).toEqual([]);
      await screenshot(page(), 'decision-errors', true);
      const decisions = await web.api.http().get('/api/history/project/p-energy').set(team.officer);
      expect(JSON.stringify(decisions.body)).not.toContain('Fund printed copies');

      await page().getByLabel('What was decided').fill('Fund printed copies for parish councils');
      await page().getByLabel('Committee').check();
      await page().getByLabel('Reference').fill('ENV-2026-31');
      await page().getByLabel('Day').fill('2');
      await page().getByLabel('Month').fill('6');
      await page().getByLabel('Year').fill('2026');
      await page().getByLabel('The recommendation decided on').fill('That the committee funds a printed copy of the note for every parish council');
      await page().getByRole('button', { name: 'Record the decision' }).click();
      decisionPath = new URL(page().url()).pathname;
      expect(decisionPath).toMatch(/^\/projects\/p-energy\/decisions\/dec-/);
      expect(await text('.govuk-notification-banner')).toContain('Decision recorded');
      expect(await text('h1')).toBe('Fund printed copies for parish councils');
      expect(await text('.govuk-summary-list')).toMatch(/Committee[\s\S]*ENV-2026-31[\s\S]*2 June 2026/);
      expect(await accessibilityProblems(page())).toEqual([]);
    }, 90_000);

    it('links what influenced it, one question a page, then checks the answers before recording', async () => {
      await page().getByRole('link', { name: 'Link what influenced this decision' }).click();
      await page().getByRole('button', { name: 'Continue' }).click();
      expect(await summary()).toContain('Select at least one session or contribution it came from');
      expect(await summaryLinks()).toEqual(['#sources']);
      expect(await accessibilityProblems(page())).toEqual([]);
      await screenshot(page(), 'influence-sources', true);
      await page().getByRole('checkbox', { name: 'Design workshop act-2 (held 14 April 2026)' }).check();
      await page()
        .getByLabel(/Organise the note around the questions a group asks first/)
        .check();
      await page().getByRole('button', { name: 'Continue' }).click();

      expect(await text('h1')).toBe('What did people say, and what changed?');
      await page().getByRole('button', { name: 'Continue' }).click();
      expect(await summaryLinks()).toEqual(['#youSaid', '#weDid']);
      expect(await accessibilityProblems(page())).toEqual([]);
      await page().getByLabel('You said: what people said').fill('Parish councils need paper copies for members without email');
      await page().getByLabel('We did: what changed because of it').fill('A printed copy goes to every parish council');
      await page().getByRole('button', { name: 'Continue' }).click();

      expect(await text('h1')).toBe('How much influence did people have?');
      await page().getByRole('button', { name: 'Continue' }).click();
      expect(await summaryLinks()).toEqual(['#ladderLevel', '#needhamCarrLevel', '#optionsAlreadyFormed']);
      expect(await accessibilityProblems(page())).toEqual([]);
      await page().getByLabel('Co-production', { exact: true }).check();
      await page().getByLabel('Transformational').check();
      await page().getByLabel('No').check();
      await page().getByRole('button', { name: 'Continue' }).click();

      expect(await text('h1')).toBe('Check what influenced the decision before you link it');
      expect(await accessibilityProblems(page())).toEqual([]);
      await screenshot(page(), 'influence-check', true);
      await page().getByRole('link', { name: 'Change what changed' }).click();
      expect(await page().getByLabel('We did: what changed because of it').inputValue()).toBe('A printed copy goes to every parish council');
      await page().getByLabel('We did: what changed because of it').fill('A printed copy goes to every parish council, posted first class');
      await page().getByRole('button', { name: 'Continue' }).click();
      expect(await text('.govuk-summary-list')).toContain('posted first class');
      await page().getByRole('button', { name: 'Link this influence' }).click();

      expect(new URL(page().url()).pathname).toBe(decisionPath);
      expect(await text('.govuk-notification-banner')).toContain('Influence linked');
      const card = await text('.govuk-summary-card');
      for (const words of [
        'Parish councils need paper copies',
        'posted first class',
        'Design workshop act-2',
        'Organise the note around the questions a group asks first',
        'Co-production',
        'Transformational',
      ]) {
        expect(card).toContain(words);
      }
    }, 120_000);

    it('records a proposal not adopted, a commitment and meeting it; a commitment sent twice records once', async () => {
      await page().getByRole('link', { name: 'Record a proposal that was not adopted' }).click();
      await page().getByRole('button', { name: 'Record the proposal' }).click();
      expect(await summaryLinks()).toEqual(['#proposal', '#reason']);
      expect(await accessibilityProblems(page())).toEqual([]);
      await page().getByLabel('What was proposed').fill('A grant for each parish to print its own copies');
      await page().getByLabel('Why it was not adopted').fill('There is no grant budget this year');
      await page().getByRole('button', { name: 'Record the proposal' }).click();
      expect(await text('#not-adopted + div table')).toContain('There is no grant budget this year');

      await page().getByRole('link', { name: 'Record a commitment' }).click();
      await page().getByLabel('What the council committed to').fill('Post a printed copy to every parish council');
      await page().getByLabel('Day').fill('30');
      await page().getByLabel('Month').fill('2');
      await page().getByLabel('Year').fill('2027');
      const form = page().locator('form', { has: page().getByRole('button', { name: 'Record the commitment' }) });
      await page().getByRole('button', { name: 'Record the commitment' }).click();
      expect(await summary()).toContain('Date it is due by is not a day in the calendar: February 2027 has 28 days');
      expect(await accessibilityProblems(page())).toEqual([]);
      await page().getByLabel('Day').fill('30');
      await page().getByLabel('Month').fill('9');
      const fields = {
        _csrf: await form.locator('[name=_csrf]').inputValue(),
        formKey: await form.locator('[name=formKey]').inputValue(),
        description: 'Post a printed copy to every parish council',
        'dueBy-day': '30',
        'dueBy-month': '9',
        'dueBy-year': '2027',
      };
      await page().getByRole('button', { name: 'Record the commitment' }).click();
      expect(await text('.govuk-notification-banner')).toContain('Commitment recorded');
      const again = await page().request.post(`${web.base}${decisionPath}/commitments/new`, { form: fields });
      expect(again.status()).toBe(200);
      await web.visit(decisionPath);
      const commitments = page().locator('#commitments + div tbody tr');
      expect(await commitments.count()).toBe(1);
      expect(await commitments.innerText()).toContain('Still open');

      await page()
        .getByRole('link', { name: /Record that it was met/ })
        .click();
      await page().getByRole('button', { name: 'Record that it was met' }).click();
      expect(await summary()).toContain('Enter the evidence that it was met');
      await page().getByLabel('Evidence that it was met').fill('Posting list of 63 parish councils, signed off by the project lead');
      await page().getByRole('button', { name: 'Record that it was met' }).click();
      expect(await text('#commitments + div tbody tr')).toContain(`Met on ${TODAY_WORDS}: Posting list of 63 parish councils`);
      await page().getByRole('link', { name: 'Every event of this decision' }).click();
      expect(await page().locator('#main-content').innerText()).toMatch(
        /Decision recorded[\s\S]*Parish councils need paper copies[\s\S]*Commitment met/,
      );
      await page().goBack();
      expect(await accessibilityProblems(page())).toEqual([]);
      await screenshot(page(), 'decision', true);
    }, 120_000);

    it('records an officer decision under delegation with no reference, shown without empty brackets; a committee one without is refused', async () => {
      await web.visit('/projects/p-energy/decisions/new');
      await page().getByLabel('What was decided').fill('Reprint the note in large print');
      await page().getByLabel('Committee').check();
      await page().getByLabel('Day').fill('3');
      await page().getByLabel('Month').fill('6');
      await page().getByLabel('Year').fill('2026');
      await page().getByLabel('The recommendation decided on').fill('That 20 large-print copies are printed');
      await page().getByRole('button', { name: 'Record the decision' }).click();
      expect(await summaryLinks()).toEqual(['#reference']);
      expect(await summary()).toContain('only an officer decision under delegation may have none');

      await page().getByLabel('Officer under delegation').check();
      await page().getByRole('button', { name: 'Record the decision' }).click();
      expect(await text('h1')).toBe('Reprint the note in large print');
      expect(await text('.govuk-summary-list')).toMatch(
        /Officer under delegation[\s\S]*None: an officer decision under delegation[\s\S]*3 June 2026/,
      );
      await web.visit('/projects/p-energy');
      expect(await page().locator('#main-content').innerText()).toContain('Reprint the note in large print (Officer decision, 2026-06-03)');
      await web.visit('/projects/p-energy/reports');
      expect(await page().locator('#main-content').innerText()).toContain('Officer decision, decided on 3 June 2026');
      expect(await page().locator('#main-content').innerText()).not.toMatch(/\(\s*[,)]/);
    }, 90_000);
  });

  describe('reports', () => {
    it('lets an officer download the committee section for a decision, and reads the file back', async () => {
      // The section quotes only words about its own decision: part-1 says something about d-1, for committee papers.
      const aboutTheDecision = 'Paper copies mean the parish meetings can read it too';
      await web.api
        .command(
          'CaptureQuote',
          {
            quoteId: 'q-about-d-1',
            projectId: 'p-energy',
            participantId: 'part-1',
            activityId: 'act-2',
            decisionId: 'd-1',
            context: 'Workshop on the draft note',
            outcomeIds: ['increased_influence'],
            attribution: 'role_only',
            allowedUses: ['committee_papers'],
            language: 'en',
            capturedOn: '2026-04-14T19:30:00.000Z',
            personal: { subjectId: 'part-1', fields: { words: aboutTheDecision } },
          },
          { Authorization: `Bearer ${tokens.officer}` },
        )
        .expect(201);
      await signIn(page(), tokens.officer);
      await web.visit('/projects/p-energy/decisions/d-1');
      const [pdf] = await Promise.all([
        page().waitForEvent('download'),
        page().getByRole('link', { name: 'Download the committee section (PDF)' }).click(),
      ]);
      expect(pdf.suggestedFilename()).toBe('committee-d-1.pdf');
      expect(pdfText(readFileSync((await pdf.path())!))).toContain(DECISION);
      const [markdown] = await Promise.all([
        page().waitForEvent('download'),
        page().getByRole('link', { name: 'Download the committee section (Markdown, to paste into a paper)' }).click(),
      ]);
      const section = readFileSync((await markdown.path())!, 'utf8');
      expect(section).toMatch(/^# Consultation and engagement\n/);
      expect(section).toContain(`${DECISION} (EX-2026-17)`);
      expect(section).toContain(aboutTheDecision);
      expect(section).not.toContain('The council wrote this note with us, line by line');
      const [word] = await Promise.all([
        page().waitForEvent('download'),
        page().getByRole('link', { name: "Download the committee section (Word, to drop into the council's report template)" }).click(),
      ]);
      expect(word.suggestedFilename()).toMatch(/\.docx$/);
      expect(
        readFileSync((await word.path())!)
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK');

      const words = await web.api.app.get(SubjectAccess).export('part-1');
      expect(words.json.reportsCarryingWords).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            reportKind: 'committee_extract',
            subject: { kind: 'decision', id: 'd-1' },
            format: 'pdf',
            builtBy: { id: 'ann.officer', role: 'evaluation_lead' },
          }),
        ]),
      );
    }, 120_000);

    it('offers every report and format on a project, previews HTML in the browser, and refuses a wrong date with the GOV.UK error pattern', async () => {
      await web.visit('/projects/p-energy');
      await page().getByRole('link', { name: 'Reports', exact: true }).click();
      expect(await text('h1')).toBe('Reports');
      expect(await accessibilityProblems(page())).toEqual([]);
      await screenshot(page(), 'reports', true);
      const links = await page().$$eval('#main-content a[href*="format="]', (as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(
        expect.arrayContaining([
          '/projects/p-energy/reports/case-study?audience=public&format=pdf',
          '/projects/p-energy/reports/case-study?audience=internal_evaluation&format=md',
          '/projects/p-energy/decisions/d-1/committee-report?format=html&download=yes',
          '/reports/history/project/p-energy?format=pdf',
        ]),
      );
      await page().getByRole('link', { name: 'Read the public case study as a web page' }).click();
      expect(await page().title()).toContain('Community energy guidance note');
      expect(await page().locator('img[src^="data:"]').count()).toBeGreaterThan(0);

      await web.visit('/projects/p-energy/reports?asOf=2026-02-30');
      expect(await page().title()).toMatch(/^Error: Reports/);
      expect(await summary()).toContain('What had happened by is not a day in the calendar: February 2026 has 28 days');
      expect(await accessibilityProblems(page())).toEqual([]);
    }, 120_000);

    it('keeps the internal evaluation and audit history from a viewer, saying why, and refuses them the download', async () => {
      await signIn(page(), tokens.viewer);
      await web.visit('/projects/p-energy/reports');
      expect(await text('#main-content')).toContain(
        'Not shown to you: the internal evaluation carries words participants consented to for internal use only',
      );
      expect(await text('#main-content')).toContain(
        'Not shown to you: the audit history is for people whose role lets them read the history of the record',
      );
      await web.visit('/projects/p-energy/reports/case-study?audience=internal_evaluation&format=html');
      expect(await text('h1')).toBe('You do not have access to this page');
      await signIn(page(), tokens.auditor);
      await web.visit('/reports/history/claim/exp-1?format=html');
      expect(await page().content()).toContain('ExpensePaid');
    }, 90_000);
  });

  it('works with the keyboard alone: a second officer pays an approved claim', async () => {
    await web.api
      .command(
        'ClaimExpense',
        {
          claimId: 'exp-keys',
          projectId: 'p-energy',
          participantId: 'part-5',
          activityId: null,
          category: 'travel',
          amountPence: 640,
          description: 'Bus fares',
          claimedOn: '2026-04-14',
        },
        team.officer,
      )
      .expect(201);
    await web.api.command('ApproveExpense', { claimId: 'exp-keys', approvedOn: '2026-04-15' }, team.approver).expect(201);
    await signIn(page(), tokens.payer);
    await web.visit('/expenses/exp-keys');
    await tabTo(page(), 'Pay this claim');
    await page().keyboard.press('Enter');
    await page().waitForURL(/\/pay$/);
    await tabTo(page(), 'Bank transfer');
    await page().keyboard.press('Space');
    await tabTo(page(), 'Continue');
    await page().keyboard.press('Enter');
    await page().waitForURL(/\/pay\/check$/);
    await tabTo(page(), 'Record the payment');
    await page().keyboard.press('Enter');
    await page().waitForURL(/\/expenses\/exp-keys$/);
    expect(await text('.govuk-notification-banner')).toContain('Payment of £6.40 recorded');
    expect(await claimEvents('exp-keys')).toEqual(['ExpenseClaimed ann.officer', 'ExpenseApproved bea.approver', 'ExpensePaid cal.payer']);
  }, 90_000);

  it('works without JavaScript: an approver approves, is refused paying, a second officer pays, and an officer downloads the committee section', async () => {
    await web.api
      .command(
        'ClaimExpense',
        {
          claimId: 'exp-nojs',
          projectId: 'p-energy',
          participantId: 'part-3',
          activityId: 'act-1',
          category: 'care_cover',
          amountPence: 3600,
          description: 'Sitter, 3 hours',
          claimedOn: '2026-03-10',
        },
        team.officer,
      )
      .expect(201);
    const nojs = await web.withoutJavaScript();
    const other = nojs.page;
    try {
      await signIn(other, tokens.approver);
      await other.goto(`${web.base}/expenses/exp-nojs`);
      await other.getByRole('button', { name: 'Approve this claim' }).click();
      expect(await other.locator('.govuk-summary-list').first().innerText()).toContain('Awaiting payment');
      expect(await other.getByRole('button', { name: 'Pay this claim' }).count()).toBe(0);
      expect(await other.locator('#main-content').innerText()).toContain('You approved this claim');

      await signIn(other, tokens.payer);
      await other.goto(`${web.base}/expenses/exp-nojs`);
      await other.getByRole('button', { name: 'Pay this claim' }).click();
      await other.getByLabel('Cash').check();
      await other.getByRole('button', { name: 'Continue' }).click();
      await other.getByRole('button', { name: 'Record the payment' }).click();
      expect(await other.locator('.govuk-notification-banner').innerText()).toContain('Payment of £36.00 recorded');
      expect(await claimEvents('exp-nojs')).toEqual(['ExpenseClaimed ann.officer', 'ExpenseApproved bea.approver', 'ExpensePaid cal.payer']);

      await signIn(other, tokens.officer);
      await other.goto(`${web.base}/projects/p-energy/decisions/d-1`);
      const [pdf] = await Promise.all([
        other.waitForEvent('download'),
        other.getByRole('link', { name: 'Download the committee section (PDF)' }).click(),
      ]);
      expect(pdfText(readFileSync((await pdf.path())!))).toContain(DECISION);
    } finally {
      await nojs.close();
    }
  }, 120_000);
});
