import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';
import { anEvent } from '../contract/event-store.contract';

describeEventStoreContract(
  'SQLite file',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coprod-store-'));
    const file = join(dir, 'events.db');
    let store = new SqliteEventStore({ file });
    return {
      store,
      reopen: async () => {
        await store.close();
        store = new SqliteEventStore({ file });
        return store;
      },
      dispose: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
  { reopenable: true },
);

describeEventStoreContract(
  'SQLite in memory',
  async () => {
    const store = new SqliteEventStore({ file: ':memory:' });
    return { store, dispose: () => store.close() };
  },
  { reopenable: false },
);

describe('SQLite file settings', () => {
  it('is durable on every open: WAL journal with synchronous=FULL, even when reopening a WAL file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coprod-store-'));
    const file = join(dir, 'events.db');
    try {
      await new SqliteEventStore({ file }).close();
      const store = new SqliteEventStore({ file });
      const db = (store as unknown as { db: Database.Database }).db;
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never reuses a global position, even after the last row is removed by hand', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coprod-store-'));
    const file = join(dir, 'events.db');
    try {
      let store = new SqliteEventStore({ file });
      const first = await store.append('activity-a', [anEvent(), anEvent()], { expectedRevision: 'any' });
      await store.close();
      const raw = new Database(file);
      raw.prepare('DELETE FROM events WHERE position = ?').run(first.position);
      raw.close();
      store = new SqliteEventStore({ file });
      const next = await store.append('activity-b', [anEvent()], { expectedRevision: 'any' });
      expect(next.position).toBe(first.position + 1);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
