import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectingEventStore, EventStore, EventStoreUnavailableError, SqliteEventStore, StoreLogger } from '@coprod/event-store';
import { anEvent } from '@coprod/event-store/contract/event-store.contract';
import { ReadModels } from '../read-models/read-models';

describe('a store that connects in the background', () => {
  let dir: string;
  let messages: string[];
  const logger: StoreLogger = { log: (m) => void messages.push(m), warn: (m) => void messages.push(m), error: (m) => void messages.push(m) };
  const closing: { close(): Promise<void> }[] = [];

  /** A server that refuses the first `failures` attempts, then answers with a real store. */
  function serverDownFor(failures: number) {
    let attempts = 0;
    const connect = async (): Promise<EventStore> => {
      attempts += 1;
      if (attempts <= failures) throw new EventStoreUnavailableError(`cannot reach EventStoreDB at esdb://db:2113: connection refused (attempt ${attempts})`);
      return new SqliteEventStore({ file: join(dir, 'events.db') });
    };
    const store = new ConnectingEventStore({ description: 'EventStoreDB at esdb://db:2113', connect, logger, reconnect: { initialDelayMs: 20, maxDelayMs: 80 } });
    closing.push(store);
    return { store, attempts: () => attempts };
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-connecting-'));
    messages = [];
  });
  afterEach(async () => {
    await Promise.all(closing.splice(0).map((c) => c.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses every operation with the reason while the server is down, and writes nothing', async () => {
    const { store } = serverDownFor(1000);
    store.start();
    await expect(store.append('activity-a1', [anEvent()], { expectedRevision: 'no_stream' })).rejects.toThrow(EventStoreUnavailableError);
    await expect(store.headPosition()).rejects.toThrow(/cannot reach EventStoreDB at esdb:\/\/db:2113: connection refused .*Retrying in the background/);
    await expect(store.readStream('activity-a1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(store.status()).toMatchObject({ state: 'connecting', lastError: expect.stringContaining('connection refused') });
    expect(messages[0]).toMatch(/connection refused .*the service reports itself unhealthy until then/);
  });

  it('retries with a growing delay, and once connected delegates every call', async () => {
    const { store, attempts } = serverDownFor(3);
    store.start();
    await store.whenConnected();
    expect(attempts()).toBe(4);
    expect(store.status()).toEqual({ state: 'connected', attempts: 3, lastError: undefined, nextAttemptAt: undefined });
    const appended = await store.append('activity-a1', [anEvent()], { expectedRevision: 'no_stream' });
    expect(appended.position).toBe(1);
    expect(await store.headPosition()).toBe(1);
    expect(messages).toEqual([
      expect.stringMatching(/attempt 1\).*unhealthy until then/),
      expect.stringMatching(/attempt 2 failed .*next in 40 ms/),
      expect.stringMatching(/attempt 3 failed .*next in 80 ms/),
      'EventStoreDB at esdb://db:2113: connected after 3 failed attempt(s)',
    ]);
  });

  it('lets the read models start following the moment the server answers', async () => {
    const { store } = serverDownFor(2);
    store.start();
    const readModels = new ReadModels(store, join(dir, 'read-models.db'));
    closing.unshift(readModels);
    await store.whenConnected();
    const { position } = await store.append('activity-a1', [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
    await readModels.runtime.waitFor(position, 3000);
    expect(readModels.runtime.currentPosition()).toBe(2);
  });

  it('stops trying when closed, with a subscription still waiting for the server', async () => {
    const { store, attempts } = serverDownFor(1000);
    store.start();
    store.subscribeToAll({ onEvent: () => undefined });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await store.close();
    const after = attempts();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(attempts()).toBe(after);
    expect(store.status().state).toBe('closed');
    await expect(store.headPosition()).rejects.toThrow(/is closed/);
  });

  it('never starts a waiting subscription on a server that answers only while the store is closing, and closes that connection', async () => {
    let answer!: (store: EventStore) => void;
    const real = new SqliteEventStore({ file: join(dir, 'events.db') });
    await real.append('activity-a1', [anEvent()], { expectedRevision: 'no_stream' });
    const subscribed = jest.spyOn(real, 'subscribeToAll');
    const closedReal = jest.spyOn(real, 'close');
    const store = new ConnectingEventStore({
      description: 'EventStoreDB at esdb://db:2113',
      connect: () => new Promise<EventStore>((resolve) => (answer = resolve)),
      logger,
      reconnect: { initialDelayMs: 20, maxDelayMs: 80 },
    });
    store.start();
    const delivered: number[] = [];
    store.subscribeToAll({ onEvent: (event) => void delivered.push(event.position) });
    const closing = store.close();
    answer(real);
    await closing;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(subscribed).not.toHaveBeenCalled();
    expect(closedReal).toHaveBeenCalled();
    expect(delivered).toEqual([]);
  });

  it('starts a waiting subscription once the server answers, delivering what is stored', async () => {
    const { store } = serverDownFor(2);
    const delivered: number[] = [];
    const caughtUp = new Promise<number>((resolve) => store.subscribeToAll({ onEvent: (event) => void delivered.push(event.position), onCaughtUp: resolve }));
    store.start();
    await caughtUp;
    await store.append('activity-a1', [anEvent()], { expectedRevision: 'no_stream' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(delivered).toEqual([1]);
  });
});
