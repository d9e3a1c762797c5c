import Database from 'better-sqlite3';
import { eventHash, SqliteEventStore, StoredEvent } from '@coprod/event-store';
import { anEvent } from '@coprod/event-store/contract/event-store.contract';

const STREAMS = ['activity-a', 'activity-b', 'activity-c', 'activity-d'];

/** Writes 20 events round-robin over four streams (data minutes 30..49), one append each, and closes the store. */
export async function writeTwentyEvents(file: string): Promise<StoredEvent[]> {
  const store = new SqliteEventStore({ file });
  for (let i = 0; i < 20; i += 1) {
    await store.append(STREAMS[i % STREAMS.length], [anEvent({ data: { minutes: 30 + i } })], { expectedRevision: 'any' });
  }
  const events = await store.readAll();
  await store.close();
  return events;
}

/** Opens the event file directly, bypassing the store, as someone tampering with it would. */
export function withRawFile(file: string, change: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    change(db);
  } finally {
    db.close();
  }
}

/** Recomputes every hash from a position on, as a careful forger would, so the links look intact. */
export async function rehashFrom(file: string, fromPosition: number): Promise<void> {
  const store = new SqliteEventStore({ file });
  const events = await store.readAll();
  await store.close();
  withRawFile(file, (db) => {
    const update = db.prepare('UPDATE events SET prev_hash = ?, hash = ? WHERE position = ?');
    let prevHash = '';
    for (const event of events) {
      if (event.position >= fromPosition) {
        const { hash: _old, ...content } = { ...event, prevHash };
        const hash = eventHash(content);
        update.run(prevHash, hash, event.position);
        prevHash = hash;
      } else {
        prevHash = event.hash;
      }
    }
  });
}
