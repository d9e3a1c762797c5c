import { INestApplication } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import request from 'supertest';
import { AccessLog, APP_CONFIG, ReportService } from '@coprod/application';
import { CaseStudyReportCommand } from '../../apps/cli/src/commands/report.command';
import { createApi } from '../../apps/api/src/main';
import { startApiHarness } from '../support/api-harness';
import { recordSmallProject, signInTeam } from '../support/small-project';
import { pdfText } from './pdf-tools';

/** The reports a reader can ask for over HTTP, each in every format. */
const ROUTES = [
  '/api/projects/p-energy/reports/case-study',
  '/api/projects/p-energy/reports/case-study?audience=internal_evaluation',
  '/api/decisions/d-1/reports/committee',
  '/api/history/project/p-energy/report',
  '/api/history/participant/part-1/report',
];
const MEDIA_TYPES = ['application/pdf', 'text/html', 'text/markdown'];

interface Built {
  what: string;
  bytes: Buffer;
  /** What a reader of it sees: the text of a PDF as pdftotext reads it. */
  text: string;
}

async function startApi(dataDir: string): Promise<INestApplication> {
  const saved = { ...process.env };
  for (const key of ['COPROD_EVENTS_FILE', 'COPROD_READ_MODELS_FILE', 'COPROD_KEYS_FILE']) delete process.env[key];
  Object.assign(process.env, { COPROD_DATA_DIR: dataDir, COPROD_AUTH: 'local' });
  try {
    const app = await createApi({ logger: false });
    await app.init();
    return app;
  } finally {
    process.env = saved;
  }
}

/** Every report of the record in `dataDir`, over HTTP and from the command line, in every format. */
async function everyReport(dataDir: string): Promise<Built[]> {
  const app = await startApi(dataDir);
  const built: Built[] = [];
  const add = (what: string, mediaType: string, bytes: Buffer) =>
    built.push({ what, bytes, text: mediaType === 'application/pdf' ? pdfText(bytes) : bytes.toString('utf8') });
  try {
    for (const route of ROUTES) {
      for (const mediaType of MEDIA_TYPES) {
        const response = await request(app.getHttpServer())
          .get(route)
          .set('Accept', mediaType)
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        add(`GET ${route} as ${mediaType}`, mediaType, response.body as Buffer);
      }
    }
    const outDir = mkdtempSync(join(tmpdir(), 'coprod-cli-reports-'));
    try {
      const command = new CaseStudyReportCommand(app.get(ReportService), app.get(QueryBus), app.get(AccessLog), app.get(APP_CONFIG));
      for (const format of ['pdf', 'html', 'md']) await command.run([], { all: true, outDir, format });
      for (const name of readdirSync(outDir).sort())
        add(`coprod report case-study --all: ${name}`, name.endsWith('.pdf') ? 'application/pdf' : 'text/plain', readFileSync(join(outDir, name)));
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  } finally {
    await app.close();
  }
  return built;
}

describe('the same record in two data folders', () => {
  const folders: string[] = [];
  const reports: Built[][] = [];

  beforeAll(async () => {
    const api = await startApiHarness({ auth: 'tokens' });
    await recordSmallProject(api, await signInTeam(api));
    await api.app.close();
    // The record is its events and the keys that open them; the read models are rebuilt in each folder.
    folders.push(mkdtempSync(join(tmpdir(), 'coprod-first-')), mkdtempSync(join(tmpdir(), 'coprod-second-folder-for-the-same-record-')));
    for (const folder of folders) {
      for (const name of readdirSync(api.dataDir).filter((file) => /^(events|keys)\.db(-wal)?$/.test(file)))
        copyFileSync(join(api.dataDir, name), join(folder, name));
    }
    rmSync(api.dataDir, { recursive: true, force: true });
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      for (const folder of folders) reports.push(await everyReport(folder));
    } finally {
      log.mockRestore();
    }
  }, 240_000);
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('gives byte-identical reports in every format, over HTTP and from the command line', () => {
    const [first, second] = reports;
    expect(first.map((report) => report.what)).toEqual(second.map((report) => report.what));
    expect(first.length).toBe(ROUTES.length * MEDIA_TYPES.length + 3);
    for (const [index, report] of first.entries()) {
      expect({ report: report.what, identical: report.bytes.equals(second[index].bytes) }).toEqual({ report: report.what, identical: true });
    }
  });

  it("never names the data folder, in a report's text or in its bytes, and names the store by its kind", () => {
    for (const [index, folder] of folders.entries()) {
      const traces = [folder, basename(folder), tmpdir()];
      for (const report of reports[index]) {
        const found = traces.filter((trace) => report.text.includes(trace) || report.bytes.includes(Buffer.from(trace)));
        expect({ report: report.what, found }).toEqual({ report: report.what, found: [] });
      }
    }
    const markdown = reports[0].filter((report) => report.what.endsWith('as text/markdown'));
    expect(markdown).toHaveLength(ROUTES.length);
    for (const report of markdown)
      expect({ report: report.what, text: report.text }).toEqual({
        report: report.what,
        // A committee section gives its provenance as a short note; the other reports as a table.
        text: expect.stringMatching(/\| Event store \| the embedded event store \||\(\d+ events\) of the embedded event store,/),
      });
  });
});
