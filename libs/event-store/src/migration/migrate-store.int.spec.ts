import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anEvent } from '../contract/event-store.contract';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { MigrationRefusedError } from './migration-errors';
import { MigrationProgress, migrateStore } from './migrate-store';
import { verifyCopy } from './verify-copy';

describe('migrating between stores (SQLite file to SQLite file)', () => {
  let dir: string;
  const open: SqliteEventStore[] = [];
  const sourceClock = () => new Date('2025-11-04T16:20:00.000Z');
  const targetClock = () => new Date('2026-04-01T09:00:00.000Z');

  function store(name: string, clock = targetClock): SqliteEventStore {
    const s = new SqliteEventStore({ file: join(dir, `${name}.db`), clock });
    open.push(s);
    return s;
  }

  /** Twelve events over three streams, interleaved, in appends of one to three events. */
  async function filledSource(): Promise<SqliteEventStore> {
    const source = store('source', sourceClock);
    await source.append('project-p1', [anEvent({ type: 'ProjectStarted' }), anEvent({ type: 'StageEntered' })], { expectedRevision: 'no_stream' });
    await source.append('activity-a1', [anEvent(), anEvent(), anEvent({ occurredAt: '2025-10-01T18:30:00.000Z' })], { expectedRevision: 'no_stream' });
    await source.append('project-p1', [anEvent({ type: 'StageEntered' })], { expectedRevision: 1 });
    await source.append('expense-e1', [anEvent({ type: 'ExpenseClaimed', data: { amountPence: 1250 } })], { expectedRevision: 'no_stream' });
    await source.append('activity-a1', [anEvent(), anEvent()], { expectedRevision: 2 });
    await source.append('expense-e1', [anEvent({ type: 'ExpenseApproved' }), anEvent({ type: 'ExpensePaid', causationId: 'cmd-9' })], {
      expectedRevision: 0,
    });
    await source.append('project-p1', [anEvent({ type: 'StageEntered' })], { expectedRevision: 2 });
    return source;
  }

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'coprod-migrate-'))));
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every event with its ids, both clocks, stream, revision and hash, and verifies the copy', async () => {
    const source = await filledSource();
    const target = store('target');
    const progress: MigrationProgress[] = [];
    const result = await migrateStore(source, target, { batchSize: 5, onProgress: (p) => void progress.push(p) });
    expect(result).toEqual({ resumedAfter: 0, copied: 12, head: 12 });
    expect(progress.map((p) => p.position)).toEqual([5, 10, 12]);
    expect(await target.readAll()).toEqual(await source.readAll());
    expect((await target.readAll()).every((e) => e.recordedAt === '2025-11-04T16:20:00.000Z')).toBe(true);
    const verification = await verifyCopy(source, target);
    expect(verification).toMatchObject({ ok: true, sourceCount: 12, targetCount: 12, checked: 12 });
    expect(verification.targetHeadHash).toBe((await source.readAll())[11].hash);
    expect(verification.summary).toMatch(/matches .* 12 events/);
  });

  it('resumes an interrupted copy after the target head and ends with the same record', async () => {
    const source = await filledSource();
    const target = store('target');
    let batches = 0;
    const interrupted = migrateStore(source, target, {
      batchSize: 3,
      onProgress: () => {
        batches += 1;
        if (batches === 2) throw new Error('power cut');
      },
    });
    await expect(interrupted).rejects.toThrow('power cut');
    expect(await target.headPosition()).toBe(6);
    const resumed = await migrateStore(source, target, { batchSize: 3 });
    expect(resumed).toEqual({ resumedAfter: 6, copied: 6, head: 12 });
    expect((await verifyCopy(source, target)).ok).toBe(true);
  });

  it('refuses to copy into a target that holds different events, and writes nothing', async () => {
    const source = await filledSource();
    const target = store('target');
    await target.append('project-p1', [anEvent({ type: 'ProjectStarted' })], { expectedRevision: 'no_stream' });
    const attempt = migrateStore(source, target);
    await expect(attempt).rejects.toBeInstanceOf(MigrationRefusedError);
    await expect(attempt).rejects.toMatchObject({ position: 1 });
    await expect(attempt).rejects.toThrow(/not the source's event .* Use an empty target/);
    expect(await target.headPosition()).toBe(1);
  });

  it('stops before a gap in the source positions, having copied everything before it', async () => {
    const source = await filledSource();
    await source.close();
    const raw = new Database(join(dir, 'source.db'));
    raw.prepare('DELETE FROM events WHERE position = 9').run();
    raw.close();
    const target = store('target');
    const attempt = migrateStore(store('source', sourceClock), target, { batchSize: 4 });
    await expect(attempt).rejects.toBeInstanceOf(MigrationRefusedError);
    await expect(attempt).rejects.toMatchObject({ position: 10 });
    await expect(attempt).rejects.toThrow(/global position 10 where 9 was due/);
    expect(await target.headPosition()).toBe(8);
  });

  it('stops when the target computes a different hash: a source event edited after it was sealed', async () => {
    const source = await filledSource();
    await source.close();
    const raw = new Database(join(dir, 'source.db'));
    raw.prepare(`UPDATE events SET data = '{"amountPence":99999}' WHERE position = 7`).run();
    raw.close();
    const attempt = migrateStore(store('source', sourceClock), store('target'), { batchSize: 100 });
    await expect(attempt).rejects.toBeInstanceOf(MigrationRefusedError);
    await expect(attempt).rejects.toMatchObject({ position: 7 });
    await expect(attempt).rejects.toThrow(/came out as event .* at position 7 with hash [0-9a-f]{64} .* the copy stopped here/);
  });

  it('verification names the first difference: an event the source does not have', async () => {
    const source = await filledSource();
    const target = store('target');
    await migrateStore(source, target);
    await target.append('activity-a9', [anEvent()], { expectedRevision: 'no_stream' });
    const verification = await verifyCopy(source, target);
    expect(verification).toMatchObject({
      ok: false,
      sourceCount: 12,
      targetCount: 13,
      checked: 12,
      firstDifference: { position: 13, problem: expect.stringMatching(/the target has event .* that the source does not/) },
    });
    expect(verification.summary).toMatch(/differs .* at position 13/);
  });

  it('verification catches an event edited in place in the target', async () => {
    const source = await filledSource();
    const target = store('target');
    await migrateStore(source, target);
    await target.close();
    const raw = new Database(join(dir, 'target.db'));
    raw.prepare(`UPDATE events SET data = '{"amountPence":99999}' WHERE position = 6`).run();
    raw.close();
    const reopened = store('target');
    const verification = await verifyCopy(source, reopened, { batchSize: 4 });
    expect(verification.ok).toBe(false);
    expect(verification.firstDifference).toEqual({ position: 6, problem: expect.stringMatching(/does not match its own hash/) });
    expect(verification.checked).toBe(5);
  });
});
