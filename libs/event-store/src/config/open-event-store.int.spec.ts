import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnavailableError } from '../errors';
import { anEvent } from '../contract/event-store.contract';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { openEventStore, selectedConnectionString } from './open-event-store';

describe('openEventStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'coprod-open-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens the embedded SQLite file when no connection string is set', async () => {
    const file = join(dir, 'events.db');
    const store = await openEventStore({ sqliteFile: file, env: {} });
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(store.description).toContain(file);
      await store.append('activity-a', [anEvent()], { expectedRevision: 'no_stream' });
      expect(await store.headPosition()).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('treats a blank EVENTSTORE_CONNECTION_STRING as unset', () => {
    expect(selectedConnectionString({ env: { EVENTSTORE_CONNECTION_STRING: '  ' } })).toBeUndefined();
    expect(selectedConnectionString({ env: { EVENTSTORE_CONNECTION_STRING: 'esdb://db:2113?tls=false' } })).toBe(
      'esdb://db:2113?tls=false',
    );
    expect(selectedConnectionString({ connectionString: 'esdb://other:2113', env: { EVENTSTORE_CONNECTION_STRING: 'esdb://db:2113' } })).toBe(
      'esdb://other:2113',
    );
  });

  it('fails fast and clearly, naming the server and what to check, when EventStoreDB is unreachable', async () => {
    const started = Date.now();
    const attempt = openEventStore({
      sqliteFile: join(dir, 'unused.db'),
      env: { EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' },
      connectTimeoutMs: 3000,
      logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const error = await attempt.then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(EventStoreUnavailableError);
    expect(error!.message).toContain('esdb://127.0.0.1:1?tls=false');
    expect(error!.message).toMatch(/insecure mode/);
    expect(error!.message).toMatch(/2113/);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('gives up at the deadline when the server never answers, instead of hanging', async () => {
    // A listening socket that accepts and then says nothing, like a firewall that drops replies.
    const net = await import('node:net');
    const sockets = new Set<import('node:net').Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    try {
      const error = await openEventStore({
        sqliteFile: join(dir, 'unused.db'),
        connectionString: `esdb://admin:changeit@127.0.0.1:${port}?tls=false`,
        connectTimeoutMs: 1000,
      }).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(EventStoreUnavailableError);
      expect(error!.message).toContain(`127.0.0.1:${port}`);
      expect(error!.message).not.toContain('changeit');
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
