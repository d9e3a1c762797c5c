import { INestApplication } from '@nestjs/common';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ReportService } from '@coprod/application';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { KEY_STORE, KeyStore } from '@coprod/privacy';
import { DOCX_MEDIA_TYPE } from '@coprod/reporting';
import { CASE_STUDY_AUDIENCES, REPORT_FORMATS, type HistorySubjectKind } from '@coprod/reporting/builders';
import { createApi } from '../../apps/api/src/main';
import { docxPart } from '../reports/docx-tools';
import { pdfText } from '../reports/pdf-tools';
import { coprod, requireCompiledProgram } from './coprod-cli';

// Margaret Holloway (part-001) in the demo record: registered with a phone number and access needs,
// gave quote q-energy-02 and claimed expense exp-energy-01, which was approved and paid.
const PARTICIPANT = 'part-001';
const QUOTE = 'q-energy-02';
const TRACES = ['Margaret Holloway', 'Holloway', 'They post me everything in large print', 'Nobody had asked me before', '07700 900101', 'Large-print papers posted'];
/** Figures about people and their time, which must not change when one of them is erased. */
const COUNTED = ['people_involved_by_role', 'people_by_role_group', 'hours_by_role', 'retention', 'offline_share', 'reach_seldom_heard', 'expenses'];

async function startApi(dataDir: string): Promise<INestApplication> {
  const saved = { ...process.env };
  Object.assign(process.env, { COPROD_DATA_DIR: dataDir, COPROD_AUTH: 'local' });
  const app = await createApi({ logger: false });
  await app.init();
  process.env = saved;
  return app;
}

function offeredQuotes(outcomes: { outcomes: { quoteIds: string[] }[] }): string[] {
  return outcomes.outcomes.flatMap((outcome) => outcome.quoteIds);
}

function tracesIn(text: string | Buffer): string[] {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  return TRACES.filter((trace) => bytes.includes(Buffer.from(trace)));
}

/** A report's words as a reader gets them: a PDF's text is compressed, so it is read back with pdftotext. */
function readableText(contentType: string, body: Buffer): string {
  if (contentType === DOCX_MEDIA_TYPE) return docxPart(body, 'word/document.xml');
  return contentType === 'application/pdf' ? pdfText(body) : body.toString('utf8');
}

/** A report as served: where it came from, and what a reader of it sees and what its bytes hold. */
interface BuiltReport {
  what: string;
  text: string;
  bytes: Buffer;
}

/** The subjects of the record by kind, read from its stream names (every project, decision, claim and participant). */
async function subjectsOf(store: EventStore): Promise<Record<HistorySubjectKind, string[]>> {
  const prefixes: Record<HistorySubjectKind, string> = { project: 'project-', decision: 'decision-', claim: 'expense-', participant: 'participant-' };
  const streams = new Set((await store.readAll()).map((event) => event.stream));
  const ids = (prefix: string) => [...streams].filter((stream) => stream.startsWith(prefix)).map((stream) => stream.slice(prefix.length)).sort();
  return { project: ids(prefixes.project), decision: ids(prefixes.decision), claim: ids(prefixes.claim), participant: ids(prefixes.participant) };
}

// Runs the compiled `coprod` (dist, built by `npm install` or `npm run build`) for the demo, verify and rebuild; refuses a stale one.
describe('erasing a participant who gave quotes and claimed expenses (demo record)', () => {
  beforeAll(requireCompiledProgram);
  let dataDir: string;
  let app: INestApplication | undefined;
  const outputs: string[] = [];
  /** Every report built after the erasure. */
  const reportsBuilt: BuiltReport[] = [];
  /** Quote ids the outcome answers offered after the erasure. */
  const quotesOffered: string[] = [];
  let before: Record<string, unknown>;
  let key: Buffer;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'coprod-erasure-'));
    expect(coprod(dataDir, ['demo']).status).toBe(0);
    app = await startApi(dataDir);
  }, 120_000);
  const stopApi = async () => {
    await app?.close();
    app = undefined;
  };
  afterAll(async () => {
    await stopApi();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const http = () => request(app!.getHttpServer());

  it('first shows the person, their words and their quote, so the searches below can find them', async () => {
    const access = await http().get(`/api/participants/${PARTICIPANT}/subject-access`).expect(200);
    expect(access.headers['content-type']).toMatch(/text\/markdown/);
    expect(tracesIn(access.text)).toEqual(TRACES);
    const outcomes = await http().get('/api/projects/p-energy/outcomes').expect(200);
    expect(offeredQuotes(outcomes.body)).toContain(QUOTE);
    before = Object.fromEntries(COUNTED.map((id) => [id, outcomes.body.indicators[id]]));
    key = (await app!.get<KeyStore>(KEY_STORE).getKey(PARTICIPANT))!;
    expect(key).toHaveLength(32);
    // The published case study quotes her by name, and the search finds it in the PDF as a reader would.
    const caseStudy = await http().get('/api/projects/p-energy/reports/case-study').set('Accept', 'application/pdf').expect(200);
    expect(tracesIn(readableText('application/pdf', caseStudy.body))).toEqual(['Margaret Holloway', 'Holloway', 'They post me everything in large print', 'Nobody had asked me before']);
  });

  it('erases them over HTTP: ParticipantErased recorded, key destroyed, a second erasure refused', async () => {
    const erased = await http().post(`/api/participants/${PARTICIPANT}/erasure`).set('Content-Type', 'application/json').send({ reason: 'asked by letter' }).expect(201);
    expect(erased.body).toMatchObject({ participantId: PARTICIPANT, keyDestroyed: true, eventIds: [expect.any(String)] });
    const again = await http().post(`/api/participants/${PARTICIPANT}/erasure`).expect(409);
    expect(again.body.code).toBe('participant.erased');
    const history = await http().get(`/api/history/participant/${PARTICIPANT}`).expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type).at(-1)).toBe('ParticipantErased');
    outputs.push(erased.text, again.text, history.text);
  });

  it('still counts their hours, attendance and expenses exactly as before, and shows them as erased in their own export', async () => {
    try {
      const outcomes = await http().get('/api/projects/p-energy/outcomes').expect(200);
      expect(Object.fromEntries(COUNTED.map((id) => [id, outcomes.body.indicators[id]]))).toEqual(before);
      quotesOffered.push(...offeredQuotes(outcomes.body));
      const access = await http().get(`/api/participants/${PARTICIPANT}/subject-access`).set('Accept', 'application/json').expect(200);
      expect(access.body).toMatchObject({ participantId: PARTICIPANT, erased: true, personalDetails: {} });
      expect(access.body.quotes).toEqual([expect.objectContaining({ quoteId: QUOTE, words: null })]);
      const markdown = await http().get(`/api/participants/${PARTICIPANT}/subject-access`).expect(200);
      const trace = await http().get('/api/projects/p-energy/outcomes/hours_by_role/trace').expect(200);
      outputs.push(outcomes.text, access.text, markdown.text, trace.text);
    } finally {
      await stopApi();
    }
  });

  it('leaves a chain that verifies and read models that rebuild to the same figures', async () => {
    await stopApi();
    const verified = coprod(dataDir, ['verify']);
    expect(verified.status).toBe(0);
    expect(verified.output).toMatch(/chain verified: \d+ events/);
    const rebuilt = coprod(dataDir, ['rebuild']);
    expect(rebuilt.status).toBe(0);
    const cliOutcomes = coprod(dataDir, ['outcomes', '--project', 'p-energy', '--json']);
    expect(cliOutcomes.status).toBe(0);
    outputs.push(verified.output, rebuilt.output, cliOutcomes.output);
    try {
      app = await startApi(dataDir);
      const outcomes = await http().get('/api/projects/p-energy/outcomes').expect(200);
      expect(Object.fromEntries(COUNTED.map((id) => [id, outcomes.body.indicators[id]]))).toEqual(before);
      quotesOffered.push(...offeredQuotes(outcomes.body));
      outputs.push(outcomes.text);
    } finally {
      await stopApi();
    }
  });

  it('builds every report after the erasure, in every format, over HTTP and from the command line, and none carries them', async () => {
    const add = (what: string, contentType: string, body: Buffer) => reportsBuilt.push({ what, text: readableText(contentType, body), bytes: body });
    app = await startApi(dataDir);
    let subjects: Record<HistorySubjectKind, string[]>;
    try {
      const reports = app.get(ReportService);
      subjects = await subjectsOf(app.get<EventStore>(EVENT_STORE));
      expect(subjects.participant).toContain(PARTICIPANT);
      expect(subjects.claim).toContain('exp-energy-01');
      expect(subjects.decision.length).toBeGreaterThan(0);
      for (const format of REPORT_FORMATS) {
        for (const projectId of subjects.project) {
          for (const audience of CASE_STUDY_AUDIENCES) {
            const report = await reports.caseStudy(projectId, { audience }, format);
            add(`case study of ${projectId} for ${audience} (${format})`, report.contentType, report.body);
          }
        }
        for (const decisionId of subjects.decision) {
          const report = await reports.committee(decisionId, {}, format);
          add(`committee extract for ${decisionId} (${format})`, report.contentType, report.body);
        }
        for (const kind of Object.keys(subjects) as HistorySubjectKind[]) {
          for (const id of subjects[kind]) {
            const report = await reports.auditHistory(kind, id, {}, format);
            add(`history of ${kind} ${id} (${format})`, report.contentType, report.body);
          }
        }
      }
      // The same reports over HTTP, as a reader downloads them.
      for (const path of ['/api/projects/p-energy/reports/case-study', '/api/projects/p-energy/reports/case-study?audience=internal_evaluation', `/api/history/participant/${PARTICIPANT}/report`, '/api/history/claim/exp-energy-01/report']) {
        const response = await http().get(path).set('Accept', 'application/pdf').buffer(true).parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        }).expect(200);
        add(`GET ${path}`, 'application/pdf', response.body as Buffer);
      }
    } finally {
      await stopApi();
    }
    // And from the command line, every project's case study in each format.
    for (const format of REPORT_FORMATS) {
      const outDir = mkdtempSync(join(tmpdir(), `coprod-erasure-reports-${format}-`));
      const written = coprod(dataDir, ['report', 'case-study', '--all', '--format', format, '--out-dir', outDir]);
      expect(written.status).toBe(0);
      for (const name of readdirSync(outDir)) {
        const type = format === 'pdf' ? 'application/pdf' : format === 'docx' ? DOCX_MEDIA_TYPE : 'text/plain';
        add(`coprod report case-study --all: ${name}`, type, readFileSync(join(outDir, name)));
      }
      rmSync(outDir, { recursive: true, force: true });
    }

    const { project, decision, claim, participant } = subjects;
    const perFormat = project.length * CASE_STUDY_AUDIENCES.length + decision.length + project.length + decision.length + claim.length + participant.length;
    expect(reportsBuilt).toHaveLength(REPORT_FORMATS.length * (perFormat + project.length) + 4);
    const erasedHistory = reportsBuilt.find((report) => report.what === `history of participant ${PARTICIPANT} (md)`)!;
    expect(erasedHistory.text).toMatch(/ParticipantErased/);
    for (const report of reportsBuilt) {
      expect({ report: report.what, traces: tracesIn(report.text) }).toEqual({ report: report.what, traces: [] });
      expect({ report: report.what, traces: tracesIn(report.bytes) }).toEqual({ report: report.what, traces: [] });
    }
  }, 300_000);

  it('leaves no trace of their name, contact details, words or key in any file of the data folder or any output', () => {
    const files = readdirSync(dataDir).map((name) => join(dataDir, name));
    expect(files.map((file) => file.slice(dataDir.length + 1))).toEqual(expect.arrayContaining(['events.db', 'read-models.db', 'keys.db']));
    for (const file of files.filter((f) => existsSync(f))) {
      const bytes = readFileSync(file);
      expect({ file, traces: tracesIn(bytes) }).toEqual({ file, traces: [] });
      for (const form of [key, Buffer.from(key.toString('base64')), Buffer.from(key.toString('hex'))]) {
        expect({ file, keyFound: bytes.includes(form) }).toEqual({ file, keyFound: false });
      }
    }
    expect(outputs.length).toBe(11);
    for (const output of outputs) expect(tracesIn(output)).toEqual([]);
  });

  it('no longer offers their quote in any outcome answer, before or after the rebuild', () => {
    expect(quotesOffered.length).toBeGreaterThan(0);
    expect(quotesOffered).not.toContain(QUOTE);
  });
});
