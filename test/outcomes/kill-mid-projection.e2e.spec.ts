import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventToAppend, SqliteEventStore } from '@coprod/event-store';
import { ALL_PROJECTIONS, openReadModelDatabase, ProjectionRuntime } from '@coprod/projections';

const CHILD = join(__dirname, 'support', 'follow-log.child.js');
const PROJECTS = 10;
const ACTIVITIES = 80;
const ATTENDANCE_PER_ACTIVITY = 500;

const event = (type: string, data: Record<string, unknown>, i: number): EventToAppend => ({
  id: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
  actor: { id: 'ann.officer', role: 'evaluation_lead' },
  source: 'import',
  correlationId: 'bulk-load',
  causationId: null,
});

/** About 40k events in big appends: projects moving through stages, and sessions with many attendances. */
async function fillStore(file: string): Promise<number> {
  const store = new SqliteEventStore({ file });
  try {
    for (let p = 0; p < PROJECTS; p += 1) {
      const projectId = `p-${p}`;
      await store.append(`project-${projectId}`, [
        event('ProjectRegistered', { projectId, title: `Project ${p}`, serviceArea: 'Housing', aim: 'Better homes', frameworkId: 'west-berkshire', improvementSought: 'Fewer repairs outstanding', openToNewMembers: true }, 0),
        event('StageEntered', { projectId, stage: 'co_design', from: 'co_planning', skipped: [], reason: null, enteredOn: '2026-02-01T10:00:00.000Z' }, 1),
      ], { expectedRevision: 'no_stream' });
    }
    for (let a = 0; a < ACTIVITIES; a += 1) {
      const activityId = `act-${a}`;
      const projectId = `p-${a % PROJECTS}`;
      const events = [event('ActivityPlanned', { activityId, projectId, title: `Session ${a}`, activityType: 'workshop', stage: 'co_design', format: 'in_person', plannedFor: '2026-03-01T10:00:00.000Z', ladderLevel: 'co_design' }, 2)];
      for (let i = 0; i < ATTENDANCE_PER_ACTIVITY; i += 1) {
        events.push(event('AttendanceRecorded', { activityId, projectId, participantId: `person-${(a * 7 + i) % 900}`, minutes: 30 + (i % 90), capacity: 'member', format: 'in_person' }, i));
      }
      await store.append(`activity-${activityId}`, events, { expectedRevision: 'no_stream' });
    }
    for (let p = 0; p < PROJECTS; p += 1) {
      await store.append(`project-p-${p}`, [event('ProjectClosed', { projectId: `p-${p}`, closedOn: '2026-06-30T10:00:00.000Z', summary: 'Done' }, 3)], { expectedRevision: 1 });
    }
    return await store.headPosition();
  } finally {
    await store.close();
  }
}

/** The position every read model has committed, read from the file by another process (0 before the first commit). */
function committedPosition(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT MIN(position) AS p FROM checkpoints').get() as { p: number | null }).p ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0; // the follower has not created its file yet
  }
}

/** Starts a follower and SIGKILLs it once `killWhen` holds for the position its read models have committed. */
async function followUntil(eventsFile: string, readModelsFile: string, killWhen: (position: number) => boolean): Promise<NodeJS.Signals | number | null> {
  const child = spawn(process.execPath, [CHILD, eventsFile, readModelsFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (killWhen(committedPosition(readModelsFile))) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the follower did not reach the awaited position within 60 s (at ${committedPosition(readModelsFile)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  child.kill('SIGKILL');
  return exited;
}

function snapshot(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return {
      checkpoints: db.prepare('SELECT projection, version, position FROM checkpoints ORDER BY projection').all() as { position: number }[],
      record_events: db.prepare('SELECT * FROM record_events ORDER BY position').all(),
      record_streams: db.prepare('SELECT * FROM record_streams ORDER BY stream').all(),
      projects: db.prepare('SELECT * FROM projects ORDER BY project_id').all(),
    };
  } finally {
    db.close();
  }
}

describe('killing the projection process mid-way', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coprod-kill-projection-'));
  const eventsFile = join(dir, 'events.db');
  const readModelsFile = join(dir, 'read-models.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the read models at a checkpoint, and a restart catches up to exactly what a fresh rebuild gives', async () => {
    const head = await fillStore(eventsFile);
    expect(head).toBe(PROJECTS * 3 + ACTIVITIES * (ATTENDANCE_PER_ACTIVITY + 1));

    // First run: SIGKILL as soon as the read models have committed some, but not all, of the log.
    expect(await followUntil(eventsFile, readModelsFile, (position) => position > 0)).toBe('SIGKILL');
    const killed = snapshot(readModelsFile);
    const reached = killed.checkpoints[0].position;
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(head);
    // Every read model stopped at the same checkpoint, holding exactly the events up to it: nothing half-applied.
    expect(killed.checkpoints.every((c) => c.position === reached)).toBe(true);
    expect(killed.record_events.length).toBe(reached);

    // Second run: carries on from the checkpoint to the head of the log.
    await followUntil(eventsFile, readModelsFile, (position) => position === head);
    const restarted = snapshot(readModelsFile);
    expect(restarted.checkpoints.every((c) => c.position === head)).toBe(true);

    // A fresh rebuild from the log, in a new read-model file.
    const freshFile = join(dir, 'fresh.db');
    const store = new SqliteEventStore({ file: eventsFile });
    const db = openReadModelDatabase(freshFile);
    const runtime = new ProjectionRuntime(store, db, ALL_PROJECTIONS);
    try {
      expect(await runtime.rebuild()).toBe(head);
    } finally {
      db.close();
      await store.close();
    }
    const fresh = snapshot(freshFile);
    expect(restarted.projects).toEqual(fresh.projects);
    expect(restarted.record_streams).toEqual(fresh.record_streams);
    expect(restarted.record_events.length).toBe(fresh.record_events.length);
    expect(restarted.record_events).toEqual(fresh.record_events);
    expect(restarted.checkpoints).toEqual(fresh.checkpoints);
  }, 120_000);
});
