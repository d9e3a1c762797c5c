import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { IMPORT_KINDS, ImportKind, importTemplates } from '@coprod/application/import';
import { accessibilityProblems, describeInBrowser, openWebBrowser, screenshot, WebBrowser } from '../browser/support/web-browser';
import { generatedCsv, oneCommand } from './generated-files';
import { figuresOf, freshDataDir, openRecord, PROJECT, recordOne, recordProjectAndSession, SESSION } from './import-world';

jest.setTimeout(600_000);

const ROWS = 1000;
const TEMPLATE_PROJECT = 'p-templates';
const TEMPLATE_SESSION = 'act-templates-1';

describeInBrowser('the upload page, in Chromium', () => {
  let web: WebBrowser;
  const files = mkdtempSync(join(tmpdir(), 'coprod-upload-'));

  beforeAll(async () => {
    web = await openWebBrowser({ auth: 'local' });
    await recordProjectAndSession(web.api.app, PROJECT, SESSION);
    await recordProjectAndSession(web.api.app, TEMPLATE_PROJECT, TEMPLATE_SESSION);
    for (const template of await importTemplates()) writeFileSync(join(files, template.fileName), template.body);
    for (const kind of IMPORT_KINDS) writeFileSync(join(files, `${kind}-${ROWS}.csv`), generatedCsv(kind, ROWS));
  });
  afterAll(() => web?.close());

  const head = () => web.api.app.get<EventStore>(EVENT_STORE).headPosition();

  /** Chooses what the file holds, the session when asked, and the file, then asks for the check. */
  async function upload(projectId: string, kind: ImportKind, file: string, activityId?: string): Promise<void> {
    await web.visit(`/projects/${projectId}/import`);
    await web.page.check(`input[name="kind"][value="${kind}"]`);
    if (activityId) await web.page.selectOption('#activityId', activityId);
    await web.page.setInputFiles('#file', join(files, file));
    // Checking a long file takes a while on a loaded machine: wait for the answer, not the click's own timeout.
    await Promise.all([web.page.waitForNavigation({ timeout: 300_000 }), web.page.click('button:has-text("Check the file")', { noWaitAfter: true })]);
  }

  async function confirm(): Promise<string> {
    await Promise.all([web.page.waitForURL(/\/done$/, { timeout: 300_000 }), web.page.click('button:has-text("Confirm and import")', { noWaitAfter: true })]);
    return (await web.page.textContent('main'))!.replace(/\s+/g, ' ');
  }

  it("imports each template's worked example: upload, check the answers, confirm", async () => {
    for (const [kind, file] of [
      ['participants', 'participants.xlsx'],
      ['register', 'register.csv'],
      ['survey', 'survey.xlsx'],
      ['expenses', 'expenses.csv'],
    ] as [ImportKind, string][]) {
      await upload(TEMPLATE_PROJECT, kind, file, kind === 'register' ? TEMPLATE_SESSION : undefined);
      await web.page.waitForSelector('h1:has-text("Check the file before you import it")');
      if (kind === 'participants') {
        expect(await accessibilityProblems(web.page)).toEqual([]);
        await screenshot(web.page, 'import-check');
      }
      expect(await confirm()).toMatch(/1 row recorded/);
    }
  });

  it(`imports ${ROWS} rows of each kind through the page, and the figures equal recording them one command at a time`, async () => {
    for (const kind of IMPORT_KINDS) {
      await upload(PROJECT, kind, `${kind}-${ROWS}.csv`, kind === 'register' ? SESSION : undefined);
      const check = (await web.page.textContent('main'))!.replace(/\s+/g, ' ');
      expect(check).toContain(`${ROWS} rows, no problems`);
      expect(check).toContain(`${ROWS} new rows`);
      expect(await confirm()).toMatch(new RegExp(`${ROWS} rows recorded`));
    }

    const again = await head();
    await upload(PROJECT, 'register', `register-${ROWS}.csv`, SESSION);
    expect((await web.page.textContent('main'))!.replace(/\s+/g, ' ')).toContain(`0 new rows, ${ROWS} already imported before, not recorded again`);
    expect(await confirm()).toMatch(/0 rows recorded/);
    expect(await head()).toBe(again);

    const imported = await figuresOf(web.api.app, PROJECT);
    const dir = freshDataDir('page-one-by-one');
    const record = await openRecord(dir);
    try {
      await recordProjectAndSession(record.app);
      for (const kind of IMPORT_KINDS) for (let n = 1; n <= ROWS; n += 1) await recordOne(record.app, ...oneCommand(kind, n));
      expect(imported).toEqual(await figuresOf(record.app));
    } finally {
      await record.close();
    }
  });

  it('lists every bad row by row and column and records nothing', async () => {
    writeFileSync(
      join(files, 'bad.csv'),
      'participant_id,email,phone,minutes,capacity,format\npart-g-0001,,,45,member,in_person\npart-g-0002,,,lots,member,in_person\n,someone@nowhere.example,,60,guest,paper\n',
    );
    const before = await head();
    await upload(PROJECT, 'register', 'bad.csv', SESSION);
    const rows = await web.page.$$eval('#row-problems tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent!.trim())));
    expect(rows).toEqual([
      ['2', 'participant_id', expect.stringMatching(/already recorded at activity/)],
      ['3', 'minutes', expect.stringMatching(/whole number/)],
      ['4', 'email', expect.stringMatching(/matches no participant/)],
    ]);
    expect(await web.page.textContent('.govuk-error-summary')).toMatch(/bad\.csv has 3 problems; nothing was imported/);
    expect(await accessibilityProblems(web.page)).toEqual([]);
    await screenshot(web.page, 'import-problems');
    expect(await head()).toBe(before);
  });
});
