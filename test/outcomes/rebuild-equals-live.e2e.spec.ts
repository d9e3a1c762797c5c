import Database from 'better-sqlite3';
import { ProjectOutcomes } from '@coprod/application';
import { OutcomeApp, startOutcomeApp } from './support/outcome-app';
import { recordRandomRecord } from './support/random-record';

const SEED = 20260301;
const STEPS = 400;

/** Every read-model table, row by row, in a fixed order. */
function tables(db: Database.Database): Record<string, unknown[]> {
  return {
    record_events: db.prepare('SELECT * FROM record_events ORDER BY position').all(),
    record_streams: db.prepare('SELECT * FROM record_streams ORDER BY stream').all(),
    projects: db.prepare('SELECT * FROM projects ORDER BY project_id').all(),
    checkpoints: db.prepare('SELECT * FROM checkpoints ORDER BY projection').all(),
  };
}

/** What a caller of the outcomes query gets: figures, facts, clocks and the rows behind them. */
const answer = ({ projectId, clocks, facts, summary, rows, framework }: ProjectOutcomes) => ({ projectId, clocks, facts, summary, rows, frameworkId: framework.id });

describe('rebuilding the read models from the log gives the answers the live projections gave', () => {
  let app: OutcomeApp;
  let projects: string[];

  beforeAll(async () => {
    app = await startOutcomeApp();
    projects = await recordRandomRecord(app, SEED, STEPS);
  }, 120_000);
  afterAll(() => app.close());

  it(`after ${STEPS} seeded random commands, every project's outcomes under several clocks are deep-equal`, async () => {
    const head = await app.head();
    expect(head).toBeGreaterThan(STEPS / 2);
    const queries = projects.flatMap((projectId) => [
      { projectId },
      { projectId, asOf: '2026-03-15' },
      { projectId, knownAt: String(Math.floor(head / 2)) },
      { projectId, frameworkId: 'bracknell-forest', asOf: '2026-05-01', knownAt: String(Math.floor((head * 3) / 4)) },
    ]);
    const live = await Promise.all(queries.map(async (q) => answer(await app.outcomes(q))));
    const liveTables = tables(app.readModels.db);
    // The random record must exercise the figures, or equality proves little.
    expect(live.filter((a) => a.summary.indicators.hours_by_role.value).length).toBeGreaterThan(3);
    expect(live.some((a) => a.facts.influences.length > 0 && a.facts.expenses.size > 0 && a.facts.surveys.length > 0)).toBe(true);
    expect(liveTables.record_events.some((row) => (row as { type: string }).type === 'EventCorrected')).toBe(true);

    const replayed = await app.readModels.runtime.rebuild();
    expect(replayed).toBe(head);
    expect(app.readModels.runtime.currentPosition()).toBe(head);

    const rebuilt = await Promise.all(queries.map(async (q) => answer(await app.outcomes(q))));
    expect(rebuilt).toEqual(live);
    expect(tables(app.readModels.db)).toEqual(liveTables);
  }, 60_000);
});
