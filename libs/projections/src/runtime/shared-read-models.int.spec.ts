import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, EventToAppend, SqliteEventStore, StoredEvent } from '@coprod/event-store';
import { ALL_PROJECTIONS } from '../index';
import { Projection } from './projection';
import { ProjectionRuntime, RuntimeLogger } from './projection-runtime';
import { openReadModelDatabase } from './read-model-database';

/** Counts events by type: unlike the product's read models, applying an event twice shows in its figures. */
const eventTally: Projection = {
  name: 'event_tally',
  version: 1,
  create: (db) => db.exec('CREATE TABLE IF NOT EXISTS event_tally (type TEXT PRIMARY KEY, n INTEGER NOT NULL)'),
  drop: (db) => db.exec('DROP TABLE IF EXISTS event_tally'),
  prepare(db) {
    const count = db.prepare('INSERT INTO event_tally (type, n) VALUES (?, 1) ON CONFLICT (type) DO UPDATE SET n = n + 1');
    return (event: StoredEvent) => count.run(event.type);
  },
};
const PROJECTIONS = [...ALL_PROJECTIONS, eventTally];

const event = (type: string, data: Record<string, unknown>): EventToAppend => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  occurredAt: '2026-03-01T10:00:00.000Z',
  actor: { id: 'ann.officer', role: 'evaluation_lead' },
  source: 'web',
  correlationId: 'shared-read-models',
  causationId: null,
});

/** A project registered and moved to co-design, then a session with `people` attendances. Returns the head. */
async function recordProject(store: EventStore, n: number, people = 20): Promise<number> {
  const projectId = `p-${n}`;
  await store.append(`project-${projectId}`, [
    event('ProjectRegistered', { projectId, title: `Project ${n}`, serviceArea: 'Housing', aim: 'Better homes', frameworkId: 'west-berkshire', improvementSought: 'Fewer repairs outstanding', openToNewMembers: true }),
    event('StageEntered', { projectId, stage: 'co_design', from: 'co_planning', skipped: [], reason: null, enteredOn: '2026-02-01T10:00:00.000Z' }),
  ], { expectedRevision: 'no_stream' });
  const activityId = `act-${n}`;
  const session = [event('ActivityPlanned', { activityId, projectId, title: `Session ${n}`, activityType: 'workshop', stage: 'co_design', format: 'in_person', plannedFor: '2026-03-01T10:00:00.000Z', ladderLevel: 'co_design' })];
  for (let i = 0; i < people; i += 1) {
    session.push(event('AttendanceRecorded', { activityId, projectId, participantId: `person-${(n * 7 + i) % 50}`, minutes: 30 + i, capacity: 'member', format: 'in_person' }));
  }
  await store.append(`activity-${activityId}`, session, { expectedRevision: 'no_stream' });
  return store.headPosition();
}

function snapshot(db: Database.Database) {
  return {
    checkpoints: db.prepare('SELECT projection, version, position FROM checkpoints ORDER BY projection').all(),
    event_tally: db.prepare('SELECT * FROM event_tally ORDER BY type').all(),
    record_events: db.prepare('SELECT * FROM record_events ORDER BY position').all(),
    record_streams: db.prepare('SELECT * FROM record_streams ORDER BY stream').all(),
    projects: db.prepare('SELECT * FROM projects ORDER BY project_id').all(),
  };
}

/** A store whose live feed never delivers: a process whose own subscription lags far behind. */
function withStalledFeed(store: EventStore): EventStore {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'subscribeToAll') return () => ({ close: async () => undefined });
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function recordingLogger() {
  const logged: string[] = [];
  const errors: string[] = [];
  const logger: RuntimeLogger = { log: (m) => logged.push(m), error: (m) => errors.push(m) };
  return { logger, logged, errors };
}

describe('two processes projecting into one read-model file', () => {
  let dir: string;
  let store: SqliteEventStore;
  const opened: { db: Database.Database; runtime?: ProjectionRuntime }[] = [];

  /** A runtime on its own connection to the shared file, as a second process would have. */
  function projector(logger?: RuntimeLogger, from: EventStore = store) {
    const db = openReadModelDatabase(join(dir, 'read-models.db'));
    const runtime = new ProjectionRuntime(from, db, PROJECTIONS, logger);
    opened.push({ db, runtime });
    return { db, runtime };
  }

  /** What a single rebuild of the whole log gives, in a file of its own. */
  async function rebuilt() {
    const db = openReadModelDatabase(join(dir, `rebuilt-${opened.length}.db`));
    opened.push({ db });
    await new ProjectionRuntime(store, db, PROJECTIONS).rebuild();
    return snapshot(db);
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-shared-read-models-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db') });
  });

  afterEach(async () => {
    for (const { db, runtime } of opened.splice(0)) {
      await runtime?.stop();
      db.close();
    }
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every event once, however the two interleave, and matches a single rebuild', async () => {
    const a = projector();
    await recordProject(store, 1);
    a.runtime.start();
    await recordProject(store, 2);
    // The second starts while the first is mid-way; from here both follow the same appends.
    const b = projector();
    b.runtime.start();
    let head = 0;
    for (let n = 3; n <= 8; n += 1) head = await recordProject(store, n, 5 + n * 10);
    await Promise.all([a.runtime.waitFor(head), b.runtime.waitFor(head)]);
    // One stops for a while and comes back on a new connection, behind the other.
    await a.runtime.stop();
    for (let n = 9; n <= 11; n += 1) head = await recordProject(store, n);
    const again = projector();
    again.runtime.start();
    head = await recordProject(store, 12, 300);
    await Promise.all([b.runtime.waitFor(head), again.runtime.waitFor(head)]);
    await Promise.all([b.runtime.stop(), again.runtime.stop()]);

    expect(b.runtime.currentPosition()).toBe(head);
    expect(again.runtime.currentPosition()).toBe(head);
    const shared = snapshot(b.db);
    expect(shared.event_tally).toContainEqual({ type: 'ProjectRegistered', n: 12 });
    expect(shared).toEqual(await rebuilt());
  });

  it('waits out a lock held by another process, says so once, and carries on projecting', async () => {
    const { logger, logged, errors } = recordingLogger();
    const a = projector(logger);
    a.runtime.start();
    await a.runtime.waitFor(await recordProject(store, 1));

    const other = openReadModelDatabase(join(dir, 'read-models.db'));
    opened.push({ db: other });
    other.exec('BEGIN IMMEDIATE');
    const head = await recordProject(store, 2);
    // Long enough for several refused attempts (each 100 ms of busy wait, then 10, 20, 40 ms ... apart).
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(a.runtime.currentPosition()).toBeLessThan(head);
    other.exec('COMMIT');

    await a.runtime.waitFor(head, 3000);
    expect(logged.filter((m) => m.includes('database is locked'))).toHaveLength(1);
    expect(errors).toEqual([]);
    expect(snapshot(a.db).record_events).toHaveLength(head);
  });

  it('answers read-your-writes once the other process has projected the events, before its own feed delivers them', async () => {
    const projecting = projector();
    projecting.runtime.start();
    const lagging = projector(undefined, withStalledFeed(store));
    lagging.runtime.start();

    const head = await recordProject(store, 1);
    await expect(lagging.runtime.waitFor(head, 3000)).resolves.toBeUndefined();
    expect(lagging.runtime.currentPosition()).toBe(head);
  });

  it('projects again from where the file is when another process cleared the read models', async () => {
    const { logger, errors } = recordingLogger();
    const a = projector(logger);
    a.runtime.start();
    await a.runtime.waitFor(await recordProject(store, 1));

    // Another process began a rebuild (tables emptied, checkpoints gone) and died before refilling them.
    const other = openReadModelDatabase(join(dir, 'read-models.db'));
    opened.push({ db: other });
    other.exec('DELETE FROM record_events; DELETE FROM record_streams; DELETE FROM projects; DELETE FROM event_tally; DELETE FROM checkpoints');

    const head = await recordProject(store, 2);
    await a.runtime.waitFor(head, 3000);
    await a.runtime.stop();
    expect(errors).toEqual([]);
    expect(snapshot(a.db)).toEqual(await rebuilt());
  });

  it('stops with a clear message when the file holds read models of another version', async () => {
    const { logger, errors } = recordingLogger();
    const a = projector(logger);
    a.runtime.start();
    await a.runtime.waitFor(await recordProject(store, 1));

    const other = openReadModelDatabase(join(dir, 'read-models.db'));
    opened.push({ db: other });
    other.prepare("UPDATE checkpoints SET version = 2 WHERE projection = 'projects'").run();

    const head = await recordProject(store, 2);
    await expect(a.runtime.waitFor(head, 3000)).rejects.toThrow(/version/);
    expect(errors.join('\n')).toContain('read model projects in this file is at version 2 but this process projects version 1');
  });
});
