import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReportBuilt, SqliteReportWordsRegister } from './report-words-register';

const caseStudy = (words: ReportBuilt['words'], builtAt = '2026-07-01T09:00:00.000Z'): ReportBuilt => ({
  reportKind: 'case_study',
  subject: { kind: 'project', id: 'p-energy' },
  projectId: 'p-energy',
  audience: 'public',
  format: 'pdf',
  builtAt,
  builtBy: { id: 'ann.officer', role: 'evaluation_lead' },
  source: 'api',
  provenanceDigest: 'a'.repeat(64),
  words,
});

describe('the register of whose words each report carried, in the keys file', () => {
  let dir: string;
  let file: string;
  let register: SqliteReportWordsRegister;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-register-'));
    file = join(dir, 'keys.db');
    register = new SqliteReportWordsRegister({ file, clock: () => new Date('2026-06-01T08:00:00.000Z') });
  });
  afterEach(() => {
    register.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives back, for one participant, every report that carried their words, oldest first, after the file is reopened', () => {
    const first = register.record(caseStudy([{ participantId: 'part-1', quoteIds: ['q-1'], contributionIds: [] }]));
    register.record(caseStudy([{ participantId: 'part-2', quoteIds: ['q-2'], contributionIds: [] }]));
    const third = register.record({
      ...caseStudy([{ participantId: 'part-1', quoteIds: ['q-4'], contributionIds: ['con-1'] }], '2026-07-02T09:00:00.000Z'),
      reportKind: 'committee_extract',
      subject: { kind: 'decision', id: 'd-1' },
      audience: 'committee_papers',
      format: 'md',
      source: 'cli',
    });
    register.close();
    register = new SqliteReportWordsRegister({ file, clock: () => new Date('2027-01-01T00:00:00.000Z') });
    const carrying = register.reportsCarrying('part-1');
    expect(carrying.map((report) => report.entry)).toEqual([first, third]);
    expect(carrying[1]).toEqual({
      entry: third,
      reportKind: 'committee_extract',
      subject: { kind: 'decision', id: 'd-1' },
      projectId: 'p-energy',
      audience: 'committee_papers',
      format: 'md',
      builtAt: '2026-07-02T09:00:00.000Z',
      builtBy: { id: 'ann.officer', role: 'evaluation_lead' },
      source: 'cli',
      provenanceDigest: 'a'.repeat(64),
      quoteIds: ['q-4'],
      contributionIds: ['con-1'],
    });
    expect(register.reportsCarrying('part-9')).toEqual([]);
    expect(register.keptSince()).toBe('2026-06-01T08:00:00.000Z');
  });

  it('records a report that carried nobody, so the register lists every report built', () => {
    const entry = register.record(caseStudy([]));
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT entry FROM report_register').pluck().all()).toEqual([entry]);
    } finally {
      db.close();
    }
  });

  it('refuses, in the database itself, to change or remove an entry', () => {
    register.record(caseStudy([{ participantId: 'part-1', quoteIds: ['q-1'], contributionIds: [] }]));
    const db = new Database(file);
    try {
      expect(() => db.prepare("UPDATE report_register SET audience = 'internal_evaluation'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM report_register_words').run()).toThrow(/append-only/);
      expect(() => db.prepare("UPDATE report_register_started SET started_at = '2030-01-01'").run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
    expect(register.reportsCarrying('part-1')).toHaveLength(1);
  });

  it('records all of a report or none of it', () => {
    expect(() =>
      register.record(
        caseStudy([
          { participantId: 'part-1', quoteIds: ['q-1'], contributionIds: [] },
          { participantId: ' ', quoteIds: ['q-2'], contributionIds: [] },
        ]),
      ),
    ).toThrow(/needs their id/);
    expect(() =>
      register.record(
        caseStudy([
          { participantId: 'part-1', quoteIds: ['q-1'], contributionIds: [] },
          { participantId: 'part-1', quoteIds: ['q-3'], contributionIds: [] },
        ]),
      ),
    ).toThrow();
    expect(register.reportsCarrying('part-1')).toEqual([]);
  });
});
