import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { AccessRole, can } from '@coprod/privacy';
import { actorIdFor } from '../../apps/web/src/sign-in/person';
import { ApiHarness } from '../support/api-harness';
import { withoutDeploymentStore } from '../support/deployment-store';
import { freePort, TestAccount, testOidcProvider, TestOidcProvider } from '../support/oidc-provider';
import { recordSmallProject, Team } from '../support/small-project';
import { accessibilityProblems, CHROMIUM, describeInBrowser, screenshot } from './support/web-browser';

const root = join(__dirname, '..', '..');
const COUNCIL = 'West Berkshire Council';
const CONTACT = 'the IT service desk (itservicedesk@westberks.example)';
const ROLE_MAPPING = 'CoProd.Admin=administrator,CoProd.Lead=evaluation_lead,CoProd.Recorder=recorder,CoProd.Auditor=auditor,CoProd.Viewer=viewer';

/** The council's staff as its identity provider knows them: one for each role, and one whose groups give no role here. */
const ACCOUNTS: Record<string, TestAccount & { role?: AccessRole }> = {
  'ada.admin': { name: 'Ada Adeyemi', roles: ['CoProd.Admin'], role: 'administrator' },
  'lee.lead': { name: 'Lee Okafor', roles: ['All staff', 'CoProd.Lead'], role: 'evaluation_lead' },
  'rae.recorder': { name: 'Rae Singh', roles: ['CoProd.Recorder'], role: 'recorder' },
  'aud.auditor': { name: 'Aude Martin', roles: ['CoProd.Auditor'], role: 'auditor' },
  'vic.viewer': { name: 'Vic Hale', roles: ['CoProd.Viewer'], role: 'viewer' },
  'bilal.lead': { name: 'Bilal Brennan', roles: ['CoProd.Lead'], coprod_participant: 'part-2', role: 'evaluation_lead' },
  'nat.nobody': { name: 'Nat Brown', roles: ['All staff'] },
};

/** What the start page offers each role: its sections, each behind the permission that opens it. */
const SECTIONS = [
  { text: 'Projects', permission: 'read_figures' },
  { text: 'Expenses', permission: 'approve_expenses' },
  { text: 'Audit', permission: 'read_history' },
  { text: 'People', permission: 'read_personal' },
  { text: 'Access for other systems', permission: 'manage_tokens' },
] as const;

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `coprod serve` from the build, as a council runs it: openid-client is an ES module, which Node loads from CommonJS but jest's loader cannot. */
function serve(
  dataDir: string,
  port: number,
  provider: TestOidcProvider,
  base: string,
): Promise<{ child: ChildProcess; output: () => string; stop: () => Promise<void> }> {
  const env = withoutDeploymentStore(process.env, {
    COPROD_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    COPROD_AUTH: 'tokens',
    COPROD_OIDC_ISSUER: provider.issuer,
    COPROD_OIDC_CLIENT_ID: provider.clientId,
    COPROD_OIDC_CLIENT_SECRET: provider.clientSecret,
    COPROD_OIDC_REDIRECT_URI: `${base}/sign-in/oidc/callback`,
    COPROD_OIDC_ROLES: ROLE_MAPPING,
    COPROD_OIDC_NAME: COUNCIL,
    COPROD_OIDC_ACCESS_CONTACT: CONTACT,
    COPROD_OIDC_PARTICIPANT_CLAIM: 'coprod_participant',
  });
  const child = spawn(process.execPath, [join(root, 'bin', 'coprod.js'), 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`coprod serve did not start in 60 s:\n${printed}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('listening')) {
        clearTimeout(timer);
        resolve({ child, output: () => printed, stop });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`coprod serve exited with ${code}:\n${printed}`));
    });
  });
}

/** A bearer token from `coprod token issue`, for recording the small project through the API, as another system would. */
function issueToken(dataDir: string, actorId: string): string {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'coprod.js'), 'token', 'issue', '--actor', actorId, '--role', 'evaluation_lead'], {
    env: withoutDeploymentStore(process.env, { COPROD_DATA_DIR: dataDir }),
    encoding: 'utf8',
    timeout: 60_000,
  });
  const token = /^cpd_\S+$/m.exec(run.stdout)?.[0];
  if (!token) throw new Error(`coprod token issue printed no token:\n${run.stdout}${run.stderr}`);
  return token;
}

const built = existsSync(join(root, 'dist', 'apps', 'web', 'src', 'sign-in', 'oidc-client.js'));
const describeBuilt = built ? describeInBrowser : describe.skip;
if (!built) console.warn('\n*** SKIPPING the council sign-in journeys: run `npm run build` first (they run the built service). ***\n');

describeBuilt('signing in with the council’s own accounts (real OpenID Connect provider, real server, real Chromium)', () => {
  let dataDir: string;
  let profile: string;
  let base: string;
  let provider: TestOidcProvider;
  let server: Awaited<ReturnType<typeof serve>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'coprod-oidc-'));
    profile = mkdtempSync(join(tmpdir(), 'coprod-chromium-oidc-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // Not started yet: the first journey meets a provider that is down.
    provider = await testOidcProvider(base, ACCOUNTS);
    server = await serve(dataDir, port, provider, base);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    await provider?.stop();
    for (const dir of [dataDir, profile]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const path = () => new URL(page.url()).pathname;
  const heading = async () => (await page.textContent('h1'))?.trim();

  /** Starts a sign-in from this service, and signs in at the provider as `login` if it asks. */
  const signInAs = async (login: string) => {
    await page.goto(`${base}/sign-in`);
    await Promise.all([
      page.waitForURL((url) => url.origin !== base || url.pathname !== '/sign-in'),
      page.getByRole('button', { name: `Sign in with ${COUNCIL}` }).click(),
    ]);
    if (new URL(page.url()).origin === provider.issuer) {
      await page.fill('input[name=login]', login);
      await page.fill('input[name=password]', 'any password');
      await Promise.all([page.waitForURL((url) => url.origin === base), page.click('button[type=submit]')]);
    }
    await page.waitForLoadState('load');
    if (path() === '/sign-in/oidc')
      throw new Error(`the sign-in did not reach ${COUNCIL}: "${await heading()}"; the service said:\n${server.output().slice(-2000)}`);
  };

  /** Nobody is signed in: a page that needs a role sends this browser to sign in. */
  const expectNoSession = async () => {
    await page.goto(`${base}/projects`);
    expect(path()).toBe('/sign-in');
  };

  /** Forgets this browser's cookies at both the service and the provider, as a different person at another desk. */
  const freshBrowser = () => context.clearCookies();

  it('says plainly when the council’s sign-in service is down, and signs nobody in', async () => {
    await page.goto(`${base}/sign-in`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'sign-in-council', true);
    try {
      await page.getByRole('button', { name: `Sign in with ${COUNCIL}` }).click();
      await page.waitForLoadState('load');
      expect(await heading()).toBe(`Sorry, you cannot sign in with ${COUNCIL} at the moment`);
      expect(await page.textContent('main')).toContain(`tell ${CONTACT}`);
      expect(await accessibilityProblems(page)).toEqual([]);
      await screenshot(page, 'sign-in-provider-down', true);
      await expectNoSession();
    } finally {
      await provider.start();
    }
  }, 90_000);

  it.each(Object.entries(ACCOUNTS).filter(([, account]) => account.role))(
    'signs in %s with the role their claims map to, showing their name and only their role’s pages',
    async (login, account) => {
      await freshBrowser();
      await signInAs(login);
      expect(path()).toBe('/');
      expect(await heading()).toBe('Your work');
      const role = account.role!;
      const banner = await page.textContent('body');
      expect(banner).toContain(`Signed in as ${account.name}`);
      const offered = (await page.locator('main ul.govuk-list a').allTextContents()).map((text) => text.trim());
      const expected = SECTIONS.filter((section) => can(role, section.permission)).map((section) => section.text);
      expect(offered.filter((text) => SECTIONS.some((section) => section.text === text))).toEqual(expected);
      expect(await accessibilityProblems(page)).toEqual([]);
    },
    90_000,
  );

  it('refuses someone whose claims map to no role with a page naming who to ask, and keeps no session', async () => {
    await freshBrowser();
    await signInAs('nat.nobody');
    expect(await heading()).toBe('You do not have access to this service');
    const text = await page.textContent('main');
    expect(text).toContain('Nat Brown');
    expect(text).toContain(`ask ${CONTACT}`);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'sign-in-no-access');
    await expectNoSession();
  }, 90_000);

  it('refuses an answer whose state was tampered with, and keeps no session', async () => {
    await freshBrowser();
    await provider.misbehave('tampered-state');
    try {
      await signInAs('lee.lead');
    } finally {
      await provider.misbehave('none');
    }
    expect(await heading()).toBe('Your sign-in could not be completed');
    expect(await accessibilityProblems(page)).toEqual([]);
    await expectNoSession();
  }, 90_000);

  it.each([
    ['a nonce this browser never sent', 'wrong-nonce'],
    ['an ID token that has expired', 'expired'],
    ['an ID token signed with a key that is not the provider’s', 'wrong-key'],
  ] as const)(
    'refuses %s with a clear page, and keeps no session',
    async (_what, misbehaviour) => {
      await freshBrowser();
      await provider.misbehave(misbehaviour);
      try {
        await signInAs('lee.lead');
      } finally {
        await provider.misbehave('none');
      }
      expect(await heading()).toBe('Your sign-in could not be checked');
      expect(await page.textContent('main')).toContain(CONTACT);
      expect(await accessibilityProblems(page)).toEqual([]);
      await expectNoSession();
    },
    90_000,
  );

  it('records an event made through the web with the provider’s subject as its actor', async () => {
    await freshBrowser();
    await signInAs('lee.lead');
    await page.goto(`${base}/new-project`);
    await page.getByLabel('Title').fill('Library opening hours review');
    await page.getByLabel('Service area').fill('Libraries');
    await page.getByLabel('What the project sets out to do').fill('To decide the opening hours of the libraries with the people who use them');
    await page.getByLabel('The improvement it seeks').fill('Opening hours that suit the people who use the libraries');
    await page.getByLabel('Yes', { exact: true }).check();
    await Promise.all([
      page.waitForURL((url) => url.pathname.startsWith('/projects/')),
      page.getByRole('button', { name: 'Register the project' }).click(),
    ]);
    expect(await heading()).toBe('Library opening hours review');
    const store = new Database(join(dataDir, 'events.db'), { readonly: true });
    try {
      const recorded = store.prepare("SELECT actor_id, actor_role FROM events WHERE type = 'ProjectRegistered'").all() as {
        actor_id: string;
        actor_role: string;
      }[];
      expect(recorded).toEqual([{ actor_id: actorIdFor(provider.issuer, 'lee.lead'), actor_role: 'evaluation_lead' }]);
      expect(recorded[0].actor_id).toMatch(/:lee\.lead$/);
    } finally {
      store.close();
    }
  }, 90_000);

  it('links a member of staff to their participant record by the directory’s claim, so they cannot approve their own claim', async () => {
    const bearer = (actorId: string) => ({ Authorization: `Bearer ${issueToken(dataDir, actorId)}` });
    const team: Team = { officer: bearer('ann.officer'), approver: bearer('bea.approver'), payer: bearer('cal.payer') };
    const api = {
      command: (type: string, body: unknown, headers: Record<string, string> = {}) =>
        request(base)
          .post(`/api/commands/${type}`)
          .set(headers)
          .send(body as object),
    } as unknown as ApiHarness;
    await recordSmallProject(api, team);
    const claim = {
      claimId: 'exp-own',
      projectId: 'p-energy',
      participantId: 'part-2',
      activityId: null,
      category: 'voucher',
      amountPence: 2000,
      description: 'Thank-you voucher',
      claimedOn: '2026-04-15',
    };
    await api.command('ClaimExpense', claim, team.officer).expect(201);

    await freshBrowser();
    await signInAs('bilal.lead');
    await page.goto(`${base}/expenses/exp-own`);
    expect(await page.textContent('main')).toContain(
      'This is your own claim: your account is linked to the claimant, participant part-2. Someone else must approve or reject it.',
    );
    expect(await page.getByRole('button', { name: 'Approve this claim' }).count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);

    // Another lead, not linked to part-2, is offered the approval.
    await freshBrowser();
    await signInAs('lee.lead');
    await page.goto(`${base}/expenses/exp-own`);
    expect(await page.getByRole('button', { name: 'Approve this claim' }).count()).toBe(1);
  }, 150_000);

  it('signs out of both the service and the provider', async () => {
    await freshBrowser();
    await signInAs('ada.admin');
    expect(path()).toBe('/');
    await page.getByRole('link', { name: 'Sign out' }).click();
    await page.waitForLoadState('load');
    // The provider asks before it ends its own session.
    expect(new URL(page.url()).origin).toBe(provider.issuer);
    await Promise.all([page.waitForURL((url) => url.origin === base), page.getByRole('button', { name: 'Yes, sign me out' }).click()]);
    expect(path()).toBe('/signed-out');
    expect(await heading()).toBe('You have signed out');
    expect(await accessibilityProblems(page)).toEqual([]);
    await expectNoSession();
    // Signing in again asks for the account once more: the provider no longer remembers this browser.
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: `Sign in with ${COUNCIL}` }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await expect(page.locator('input[name=login]').count()).resolves.toBe(1);
  }, 90_000);

  it('says plainly when the provider stops answering during a sign-in, and signs nobody in', async () => {
    await freshBrowser();
    await provider.misbehave('down-after-redirect');
    try {
      await signInAs('lee.lead');
      expect(await heading()).toBe(`Sorry, you cannot sign in with ${COUNCIL} at the moment`);
      expect(await accessibilityProblems(page)).toEqual([]);
      await expectNoSession();
    } finally {
      await provider.stop();
    }
  }, 90_000);
});
