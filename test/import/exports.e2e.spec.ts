import { Workbook } from 'exceljs';
import request from 'supertest';
import type { Response } from 'superagent';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { neutralise } from '@coprod/application/import';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';
import { recordSmallProject, signInTeam, Team } from '../support/small-project';
import { runCli } from '../stores/run-cli';

jest.setTimeout(120_000);

const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

async function sheetRows(body: Buffer, name: string): Promise<unknown[][]> {
  const workbook = new Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}; sheets: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('exports: the public figures and the anonymised record as spreadsheets', () => {
  let api: ApiHarness;
  let team: Team;
  let viewer: string;

  beforeAll(async () => {
    api = await startApiHarness({ auth: 'tokens' });
    team = await signInTeam(api);
    await recordSmallProject(api, team);
    await api
      .command('RegisterProject', { ...energyProject, projectId: 'p-formula', title: '=HYPERLINK("http://example.org","click")' }, team.officer)
      .expect(201);
    viewer = await api.issueToken('viewer', 'vic.viewer');
  });
  afterAll(() => api.close());

  const get = (path: string, token = viewer) => api.http().get(path).set('Authorization', `Bearer ${token}`).buffer(true).parse(binary);

  it('an XLSX of the figures reads back with every figure of the public report, its n, and no withheld value', async () => {
    const res = await get('/api/projects/p-energy/exports/figures?format=xlsx').expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="figures-p-energy.xlsx"');
    const figures = await sheetRows(res.body, 'Figures');
    expect(figures[0]).toEqual(['section', 'figure', 'value', 'n', 'shown', 'note']);
    expect(figures.length).toBeGreaterThan(20);
    const publicReport = (
      await api
        .http()
        .get('/api/projects/p-energy/reports/case-study')
        .set('Authorization', `Bearer ${viewer}`)
        .set('Accept', 'text/markdown')
        .expect(200)
    ).text;
    for (const [section, label, value, n] of figures.slice(1) as [string, string, string, number | string][]) {
      const basis = n === '' ? '' : ` (n = ${n}`;
      const atAGlance = `**${value}** ${label}${basis}`;
      const inOutcome = `**${label}: ${value}**${basis}`;
      expect({ section, label, found: publicReport.includes(atAGlance) || publicReport.includes(inOutcome) }).toEqual({
        section,
        label,
        found: true,
      });
    }
    const breakdowns = await sheetRows(res.body, 'Breakdowns');
    expect(breakdowns).toContainEqual([
      'Appendix A: Figures / Expenses and recognition',
      'Paid, by kind of expense or recognition',
      'Other categories, not shown separately',
      'Paid',
      'not shown',
    ]);
    expect(breakdowns).toContainEqual([
      'Appendix A: Figures / Outcome 1',
      'Decisions with documented resident influence',
      'With resident influence',
      'Number',
      '1',
    ]);
    // The one payment (£12.50 to one person) is protected in the public report: it appears nowhere in the export.
    const everyCell = JSON.stringify([figures, breakdowns]);
    expect(everyCell).not.toMatch(/12\.50|1250|12\.5\b/);
  });

  it('a CSV of the figures holds the same figures, UTF-8 with a BOM', async () => {
    const res = await get('/api/projects/p-energy/exports/figures?format=csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.body.toString('utf8');
    expect(text.startsWith('\uFEFFsection,figure,value,n,shown,note\r\n')).toBe(true);
    expect(text).toContain('At a glance,people took part,6,6,yes,');
  });

  it('neutralises a cell that a spreadsheet would run as a formula', async () => {
    const res = await get('/api/projects/p-formula/exports/figures?format=xlsx').expect(200);
    const about = await sheetRows(res.body, 'About');
    expect(about).toContainEqual(['Report', `'=HYPERLINK("http://example.org","click")`]);
    expect(JSON.stringify(await sheetRows(res.body, 'Figures'))).not.toMatch(/"=|"\+|"@/);
    expect([neutralise('=1+2'), neutralise('+44 7700'), neutralise('-3'), neutralise('@SUM(A1)'), neutralise('plain'), neutralise(-3)]).toEqual([
      "'=1+2",
      "'+44 7700",
      "'-3",
      "'@SUM(A1)",
      'plain',
      -3,
    ]);
  });

  it('the anonymised record has the documented columns and no personal data', async () => {
    const res = await get('/api/exports/record?format=csv').expect(200);
    const text = res.body.toString('utf8');
    const [header, ...lines] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'position,event_type,occurred_on,recorded_on,record_kind,record_id,project_id,activity_id,decision_id,source,actor_role,facts',
    );
    expect(lines.length).toBeGreaterThan(20);
    expect(text).toMatch(
      /AttendanceRecorded,2026-03-10,\d{4}-\d{2}-\d{2},activity,act-1,p-energy,act-1,,api,evaluation_lead,capacity=chair; format=in_person; minutes=120/,
    );
    for (const personal of ['Ada Ashworth', 'Bilal', 'part-1', 'part-2', 'ann.officer', 'line by line', 'BACS']) expect(text).not.toContain(personal);
    const project = await get('/api/projects/p-energy/exports/record?format=xlsx').expect(200);
    const columns = await sheetRows(project.body, 'Columns');
    expect(columns.map((r) => r[0])).toEqual(['column', ...header.split(',')]);
  });

  it('refuses a caller with no token, and a format it does not offer', async () => {
    await api.http().get('/api/projects/p-energy/exports/figures?format=xlsx').expect(401);
    await api.http().get('/api/exports/record').expect(401);
    const refused = await api.http().get('/api/projects/p-energy/exports/figures?format=pdf').set('Authorization', `Bearer ${viewer}`).expect(400);
    expect(JSON.stringify(refused.body)).toContain('must be csv or xlsx');
    await api.http().get('/api/projects/p-nowhere/exports/figures?format=xlsx').set('Authorization', `Bearer ${viewer}`).expect(404);
  });

  it('coprod export writes the same figures file', async () => {
    const out = join(api.dataDir, 'figures.xlsx');
    const run = await runCli(['export', 'figures', '--project', 'p-energy', '--format', 'xlsx', '--out', out], { COPROD_DATA_DIR: api.dataDir });
    expect(run.error).toBeUndefined();
    const http = await get('/api/projects/p-energy/exports/figures?format=xlsx').expect(200);
    expect(await sheetRows(readFileSync(out), 'Figures')).toEqual(await sheetRows(http.body, 'Figures'));
    const refused = await runCli(['export', 'record', '--format', 'csv'], { COPROD_DATA_DIR: api.dataDir });
    expect(refused.error?.message).toMatch(/only without personal data: coprod export record --anonymised/);
    const record = await runCli(['export', 'record', '--anonymised', '--format', 'csv', '--out', join(api.dataDir, 'record.csv')], {
      COPROD_DATA_DIR: api.dataDir,
    });
    expect(record.error).toBeUndefined();
    expect(readFileSync(join(api.dataDir, 'record.csv'), 'utf8')).toContain('ExpensePaid');
  });

  it("a person signed in to the web interface downloads the figures from the project's page; someone not signed in is sent to sign in", async () => {
    const browser = request.agent(api.app.getHttpServer());
    await browser.get('/projects/p-energy/exports/figures?format=xlsx').expect(303).expect('Location', /^\/sign-in/);
    const signIn = await browser.get('/sign-in').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.text)?.[1];
    await browser.post('/sign-in').type('form').send({ _csrf: csrf, token: viewer, returnTo: '/projects/p-energy' }).expect(303);
    const page = await browser.get('/projects/p-energy').expect(200);
    expect(page.text).toContain('href="/projects/p-energy/exports/figures?format=xlsx"');
    expect(page.text).not.toContain('Bring in a spreadsheet or a paper register');
    const file = await browser.get('/projects/p-energy/exports/figures?format=xlsx').buffer(true).parse(binary).expect(200);
    expect(file.headers['content-disposition']).toBe('attachment; filename="figures-p-energy.xlsx"');
    const viaApi = await get('/api/projects/p-energy/exports/figures?format=xlsx').expect(200);
    expect(await sheetRows(file.body, 'Figures')).toEqual(await sheetRows(viaApi.body, 'Figures'));
    const record = await browser.get('/projects/p-energy/exports/record?format=csv').expect(200);
    expect(record.headers['content-type']).toMatch(/^text\/csv/);
    await browser.get('/projects/p-energy/exports/figures?format=pdf').expect(400);
  });
});
