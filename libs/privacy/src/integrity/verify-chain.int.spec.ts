import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, StoredEvent } from '@coprod/event-store';
import { verifyChain } from './verify-chain';
import { rehashFrom, withRawFile, writeTwentyEvents } from './tampering.fixture';

describe('verifyChain on a real SQLite event file', () => {
  let dir: string;
  let file: string;
  let original: StoredEvent[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-verify-'));
    file = join(dir, 'events.db');
    original = await writeTwentyEvents(file);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function verify(options?: { upTo?: number; pageSize?: number }) {
    const store = new SqliteEventStore({ file });
    try {
      return await verifyChain(store, options);
    } finally {
      await store.close();
    }
  }

  it('verifies a clean file, reporting its count and head', async () => {
    expect(await verify()).toEqual({ ok: true, count: 20, head: { position: 20, hash: original[19].hash } });
    expect(await verify({ pageSize: 3 })).toEqual({ ok: true, count: 20, head: { position: 20, hash: original[19].hash } });
    expect(await verify({ upTo: 7 })).toEqual({ ok: true, count: 7, head: { position: 7, hash: original[6].hash } });
  });

  it('verifies an empty store', async () => {
    const store = new SqliteEventStore({ file: ':memory:' });
    expect(await verifyChain(store)).toEqual({ ok: true, count: 0, head: { position: 0, hash: '' } });
    await store.close();
  });

  it('names the event whose data had one byte changed', async () => {
    withRawFile(file, (db) => {
      const { data } = db.prepare('SELECT data FROM events WHERE position = 8').get() as { data: string };
      const changed = data.replace('"minutes":37', '"minutes":38');
      expect(changed).not.toBe(data);
      db.prepare('UPDATE events SET data = ? WHERE position = 8').run(changed);
    });
    expect(await verify({ pageSize: 5 })).toEqual({
      ok: false,
      count: 7,
      firstBreak: { position: 8, eventId: original[7].id, problem: 'content does not match its hash: changed after it was recorded' },
    });
  });

  it('names the event after a deleted row', async () => {
    withRawFile(file, (db) => db.prepare('DELETE FROM events WHERE position = 12').run());
    expect(await verify()).toEqual({
      ok: false,
      count: 11,
      firstBreak: {
        position: 13,
        eventId: original[12].id,
        problem: 'previous hash does not match event at position 11: an event was removed, inserted or reordered',
      },
    });
  });

  it('names the first of two rows whose data was swapped', async () => {
    withRawFile(file, (db) => {
      const get = db.prepare('SELECT data FROM events WHERE position = ?');
      const five = (get.get(5) as { data: string }).data;
      const nine = (get.get(9) as { data: string }).data;
      const set = db.prepare('UPDATE events SET data = ? WHERE position = ?');
      set.run(nine, 5);
      set.run(five, 9);
    });
    const result = await verify();
    expect(result).toMatchObject({ ok: false, count: 4, firstBreak: { position: 5, eventId: original[4].id } });
  });

  it('names an event changed in a field other than its data (who recorded it)', async () => {
    withRawFile(file, (db) => db.prepare("UPDATE events SET actor_id = 'someone.else' WHERE position = 3").run());
    expect(await verify()).toMatchObject({ ok: false, firstBreak: { position: 3, eventId: original[2].id } });
  });

  it('reports removal of the first event', async () => {
    withRawFile(file, (db) => db.prepare('DELETE FROM events WHERE position = 1').run());
    expect(await verify()).toMatchObject({
      ok: false,
      count: 0,
      firstBreak: { position: 2, problem: expect.stringMatching(/removed from the start/) },
    });
  });

  it('cannot see a truncated tail on its own: the shorter chain is consistent (checkpoints catch this)', async () => {
    withRawFile(file, (db) => db.prepare('DELETE FROM events WHERE position > 17').run());
    expect(await verify()).toEqual({ ok: true, count: 17, head: { position: 17, hash: original[16].hash } });
  });

  it('finds a removed event even when every later hash was recomputed, by its stream revisions', async () => {
    withRawFile(file, (db) => db.prepare('DELETE FROM events WHERE position = 10').run());
    await rehashFrom(file, 11);
    const result = await verify();
    expect(result).toMatchObject({ ok: false, firstBreak: { position: 14, eventId: original[13].id } });
    if (!result.ok) expect(result.firstBreak.problem).toMatch(/^revision 3 of stream activity-b should be 2/);
  });

  it('names the position of an event whose stored form can no longer be read', async () => {
    withRawFile(file, (db) => db.prepare(`UPDATE events SET data = '{"minutes":' WHERE position = 6`).run());
    const result = await verify({ pageSize: 4 });
    expect(result).toMatchObject({ ok: false, count: 5, firstBreak: { position: 6, eventId: null } });
    if (!result.ok) expect(result.firstBreak.problem).toMatch(/^the event after position 5 cannot be read \(.+\): its stored form is damaged$/);
  });
});

