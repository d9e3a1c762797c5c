import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, SqliteEventStore, migrateStore, verifyCopy } from '@coprod/event-store';
import { anEvent } from '@coprod/event-store/contract/event-store.contract';

/** The store, but the process dies once `parts` appends to `stream` have been taken: nothing after that reaches the server. */
function dyingAfter(store: EventStore, stream: string, parts: number): EventStore {
  let taken = 0;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property !== 'append') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<EventStore['append']>) => {
        if (args[0] === stream && taken === parts) throw new Error('killed');
        const result = await target.append(...args);
        if (args[0] === stream) taken += 1;
        return result;
      };
    },
  });
}

/**
 * Copies into an empty EventStoreDB record a record holding one run of a single stream larger than the
 * server's 1 MiB append limit; the copying process dies in the middle of that run, a new one resumes,
 * the copy verifies with identical hashes, and a copy back to SQLite is identical to the original.
 * `connect` opens the server as a new process would.
 */
export async function largeRunMigration(connect: () => Promise<EventStore>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'coprod-large-migration-'));
  const open: EventStore[] = [];
  const opened = async () => {
    const store = await connect();
    open.push(store);
    return store;
  };
  try {
    const source = new SqliteEventStore({ file: join(dir, 'source.db'), clock: () => new Date('2025-11-04T16:20:00.000Z') });
    open.push(source);
    for (let i = 0; i < 10; i += 1) await source.append(`activity-a${i}`, [anEvent()], { expectedRevision: 'no_stream' });
    // 400 events of about 4 KB in one stream: one run of about 1.7 MB, where the server takes 1 MiB per append.
    for (let i = 0; i < 4; i += 1) {
      const events = Array.from({ length: 100 }, (_, n) => anEvent({ type: 'QuoteCaptured', data: { n, words: 'x'.repeat(4000) } }));
      await source.append('project-p1', events, { expectedRevision: i === 0 ? 'no_stream' : i * 100 - 1 });
    }
    await source.append('activity-a0', [anEvent()], { expectedRevision: 0 });
    const original = await source.readAll();
    expect(original).toHaveLength(411);

    const first = await opened();
    expect(await first.headPosition()).toBe(0);
    await expect(migrateStore(source, dyingAfter(first, 'project-p1', 1))).rejects.toThrow('killed');
    await first.close();
    const afterKill = await (await opened()).headPosition();
    expect(afterKill).toBeGreaterThan(10);
    expect(afterKill).toBeLessThan(410);

    const target = await opened();
    expect(await migrateStore(source, target)).toEqual({ resumedAfter: afterKill, copied: 411 - afterKill, head: 411 });
    expect(await verifyCopy(source, target)).toMatchObject({ ok: true, checked: 411 });
    expect((await target.readAll()).map((e) => e.hash)).toEqual(original.map((e) => e.hash));

    const back = new SqliteEventStore({ file: join(dir, 'back.db') });
    open.push(back);
    await migrateStore(target, back);
    expect(await back.readAll()).toEqual(original);
  } finally {
    await Promise.allSettled(open.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}
