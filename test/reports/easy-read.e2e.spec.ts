import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryBus } from '@nestjs/cqrs';
import { ListProjects } from '@coprod/application';
import { DemoApi, startDemoApi } from './demo-api';
import { pdfInfo, pdfPlainText, structureTypes } from './pdf-tools';

/** Every font size a PDF's pages set (`Tf`), with how often, read from an uncompressed copy made by qpdf. */
function fontSizes(pdf: Buffer): Map<number, number> {
  const dir = mkdtempSync(join(tmpdir(), 'coprod-easy-read-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', file, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
    const sizes = new Map<number, number>();
    for (const m of qdf.matchAll(/\/F\d+ ([\d.]+) Tf/g)) sizes.set(Number(m[1]), (sizes.get(Number(m[1])) ?? 0) + 1);
    return sizes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The alternative text of every Figure structure element, read with qpdf. */
function figureAlts(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'coprod-easy-read-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    const json = JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as {
      qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
    };
    return Object.values(json.qpdf[1])
      .map((o) => o.value)
      .filter((v): v is Record<string, unknown> => !!v && v['/S'] === '/Figure')
      .map((v) => String(v['/Alt'] ?? '').replace(/^u:/, ''));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the Easy Read summary of each demo project', () => {
  let demo: DemoApi;
  let projects: string[];

  beforeAll(async () => {
    demo = await startDemoApi();
    projects = (await demo.api.app.get(QueryBus).execute(new ListProjects())).map((p) => p.projectId);
  }, 180_000);
  afterAll(() => demo.api.close());

  it('exists for every demo project as a tagged PDF of at most four pages, a picture with its description beside every idea, text at 16 pt or more', async () => {
    expect(projects.length).toBeGreaterThanOrEqual(3);
    for (const projectId of projects) {
      const pdf = (await demo.reports.easyRead(projectId, {}, 'pdf')).body;
      const info = pdfInfo(pdf);
      expect({ projectId, tagged: info.Tagged }).toEqual({ projectId, tagged: 'yes' });
      expect(Number(info.Pages)).toBeLessThanOrEqual(4);
      const types = structureTypes(pdf);
      const ideas = types.filter((t) => t === 'Figure').length;
      expect(ideas).toBeGreaterThanOrEqual(5);
      const alts = figureAlts(pdf);
      expect(alts).toHaveLength(ideas);
      for (const alt of alts) expect(alt).toMatch(/^A[n]? \w/);
      // Every size set is 16 pt or more, except the page numbers at the foot of each page.
      const sizes = fontSizes(pdf);
      const small = [...sizes].filter(([size]) => size < 16);
      expect(small.every(([size, uses]) => size === 12 && uses === Number(info.Pages))).toBe(true);
      expect([...sizes.keys()].filter((s) => s >= 16).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('says what changed in short sentences, and leaves out what the public case study withholds', async () => {
    const text = pdfPlainText((await demo.reports.easyRead('p-energy', {}, 'pdf')).body);
    expect(text).toContain('This is about a project called: An introductory guidance note on community energy generation.');
    expect(text).toMatch(/\d+ people took part\./);
    expect(text).toContain('You said: Spell out the jargon');
    expect(text).toContain('We did: Every abbreviation is spelled out where it first appears');
    expect(text).toContain('Why we could not do it: The council has no community energy grant scheme');
    expect(text).toContain('to ask for this in another format or language');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const quote of ['Seeing residents chair the steering group', 'Pierwszy raz ktoś z urzędu', 'Margaret Holloway'])
      expect(text).not.toContain(quote);
  });

  it('is the same bytes when built again, as PDF and as HTML', async () => {
    for (const format of ['pdf', 'html'] as const) {
      const a = await demo.reports.easyRead('p-energy', {}, format);
      const b = await demo.reports.easyRead('p-energy', {}, format);
      expect(a.body.equals(b.body)).toBe(true);
    }
  });

  it('is an HTML page with an image and its description for each idea, served by the API to those who may read reports', async () => {
    const response = await demo.api.http().get('/api/projects/p-energy/reports/easy-read').set('Accept', 'text/html').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const ideas = [
      ...response.text.matchAll(
        /<li><img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt="([^"]+)" width="48" height="48"><p>([^<]+)<\/p><\/li>/g,
      ),
    ];
    expect(ideas.length).toBeGreaterThanOrEqual(5);
    expect(response.text).toContain('<html lang="en-GB">');
    const pdf = await demo.api.http().get('/api/projects/p-energy/reports/easy-read').set('Accept', 'application/pdf').expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('refuses a Word or Markdown request (406, naming what is offered) and an unknown project (404)', async () => {
    const refused = await demo.api.http().get('/api/projects/p-energy/reports/easy-read').set('Accept', 'text/markdown').expect(406);
    expect(refused.body.detail).toContain('the Easy Read summary is offered as application/pdf and text/html');
    await demo.api.http().get('/api/projects/p-nowhere/reports/easy-read').set('Accept', 'text/html').expect(404);
  });
});
