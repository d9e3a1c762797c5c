import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { READ_MODELS, ReadModels, ReportService } from '@coprod/application';
import { CommitteeReportCommand } from '../../apps/cli/src/commands/report.command';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { recordSmallProject, signInTeam, SMALL_PROJECT_NAMES, SMALL_PROJECT_QUOTES, Team } from '../support/small-project';

const NOT_USED =
  /Your words have not been used in any report we have built since \d{4}-\d{2}-\d{2}, when we began to register whose words each report carries, nor in any paper we hold\./;

describe('the register of whose words each report carried, read back in subject access (real API)', () => {
  let api: ApiHarness;
  let team: Team;
  let startedAt: string;
  const access = (participantId: string, as: 'json' | 'markdown') =>
    api
      .http()
      .get(`/api/participants/${participantId}/subject-access`)
      .set(team.officer)
      .set('Accept', as === 'json' ? 'application/json' : 'text/markdown')
      .expect(200);

  beforeAll(async () => {
    api = await startApiHarness({ auth: 'tokens' });
    team = await signInTeam(api);
    await recordSmallProject(api, team);
    startedAt = new Date().toISOString();
  }, 120_000);
  afterAll(() => api.close());

  it('lists a published case study built over HTTP in the subject access of the participant whose quote it carried', async () => {
    await api.http().get('/api/projects/p-energy/reports/case-study').set(team.officer).set('Accept', 'application/pdf').expect(200);
    const json = (await access('part-1', 'json')).body;
    expect(json.reportsCarryingWords).toEqual([
      {
        reportKind: 'case_study',
        subject: { kind: 'project', id: 'p-energy' },
        projectId: 'p-energy',
        audience: 'public',
        format: 'pdf',
        builtAt: expect.any(String),
        builtBy: { id: 'ann.officer', role: 'evaluation_lead' },
        quoteIds: ['q-1'],
        contributionIds: [],
      },
    ]);
    expect(json.reportsCarryingWords[0].builtAt >= startedAt).toBe(true);
    const markdown = (await access('part-1', 'markdown')).text;
    expect(markdown).toContain('| Case study | project p-energy | public documents | PDF | quote q-1 |');
    expect(markdown).not.toMatch(/not been used/);
  });

  it('tells a participant whose words no report carried that they were not used, and since when that is known', async () => {
    for (const participantId of ['part-6', 'part-3']) {
      expect((await access(participantId, 'json')).body).toMatchObject({ reportsCarryingWords: [], reportRegisterKeptSince: expect.any(String) });
      expect((await access(participantId, 'markdown')).text).toMatch(NOT_USED);
    }
  });

  it("registers a committee extract built from the command line, with the quotes and the contributions it listed, under the command line's identity", async () => {
    // A committee section quotes only words about its own decision.
    for (const [quoteId, participantId, allowedUses] of [
      ['q-4', 'part-3', ['committee_papers']],
      ['q-5', 'part-1', ['public', 'committee_papers']],
    ] as const) {
      await api
        .command(
          'CaptureQuote',
          {
            quoteId,
            projectId: 'p-energy',
            participantId,
            activityId: 'act-2',
            decisionId: 'd-1',
            context: 'On the decision to adopt the note',
            outcomeIds: ['increased_influence'],
            attribution: 'anonymous',
            allowedUses,
            language: 'en',
            capturedOn: '2026-05-21T10:00:00.000Z',
            personal: { subjectId: participantId, fields: { words: `Words of ${participantId} about the decision` } },
          },
          team.officer,
        )
        .expect(201);
    }
    const outDir = mkdtempSync(join(tmpdir(), 'coprod-committee-'));
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await new CommitteeReportCommand(api.app.get(ReportService)).run([], { decision: 'd-1', format: 'md', out: join(outDir, 'committee.md') });
    } finally {
      log.mockRestore();
      rmSync(outDir, { recursive: true, force: true });
    }
    const committee = {
      reportKind: 'committee_extract',
      subject: { kind: 'decision', id: 'd-1' },
      audience: 'committee_papers',
      format: 'md',
      builtBy: { id: 'local.officer', role: 'administrator' },
    };
    expect((await access('part-3', 'json')).body.reportsCarryingWords).toEqual([
      expect.objectContaining({ ...committee, quoteIds: ['q-4'], contributionIds: [] }),
    ]);
    expect((await access('part-4', 'json')).body.reportsCarryingWords).toEqual([
      expect.objectContaining({ ...committee, quoteIds: [], contributionIds: ['con-1'] }),
    ]);
    expect((await access('part-1', 'json')).body.reportsCarryingWords.map((r: { reportKind: string }) => r.reportKind)).toEqual([
      'case_study',
      'committee_extract',
    ]);
    const markdown = (await access('part-3', 'markdown')).text;
    expect(markdown).toContain('| Committee extract | decision d-1 | committee papers | Markdown | quote q-4 |');
    expect(markdown).not.toMatch(/not been used/);
    expect((await access('part-6', 'markdown')).text).toMatch(NOT_USED);
  });

  it('keeps the register when the read models are rebuilt, outside them, with ids only', async () => {
    await api.app.get<ReadModels>(READ_MODELS).runtime.rebuild();
    expect((await access('part-1', 'json')).body.reportsCarryingWords).toHaveLength(2);
    const tables = (file: string) => {
      const db = new Database(join(api.dataDir, file), { readonly: true });
      try {
        return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]).filter((name) =>
          name.startsWith('report_register'),
        );
      } finally {
        db.close();
      }
    };
    expect(tables('read-models.db')).toEqual([]);
    expect(tables('keys.db').sort()).toEqual(['report_register', 'report_register_started', 'report_register_words']);
    const keys = new Database(join(api.dataDir, 'keys.db'), { readonly: true });
    try {
      const stored = JSON.stringify([keys.prepare('SELECT * FROM report_register').all(), keys.prepare('SELECT * FROM report_register_words').all()]);
      for (const text of [...SMALL_PROJECT_NAMES, ...Object.values(SMALL_PROJECT_QUOTES).map((quote) => quote.words)]) expect(stored).not.toContain(text);
    } finally {
      keys.close();
    }
  });

  it('still lists where their words went after the participant is erased', async () => {
    await api.http().post('/api/participants/part-1/erasure').set(team.officer).set('Content-Type', 'application/json').send({}).expect(201);
    const json = (await access('part-1', 'json')).body;
    expect(json.erased).toBe(true);
    expect(json.reportsCarryingWords.map((r: { quoteIds: string[] }) => r.quoteIds)).toEqual([['q-1'], ['q-5']]);
  });
});
