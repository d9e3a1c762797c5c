import { EventStoreDBClient } from '@eventstore/db-client';
import { randomUUID } from 'node:crypto';
import { anEvent, describeEventStoreContract } from '../contract/event-store.contract';
import { StoredEvent } from '../event-envelope';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { StoreLogger } from './store-logger';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING?.trim();
const quiet: StoreLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
const connect = () => EventStoreDbEventStore.connect({ connectionString: connectionString!, logger: quiet });

function suites(): void {
  describeEventStoreContract(
    'EventStoreDB',
    async () => {
      let store = await connect();
      return {
        store,
        reopen: async () => {
          await store.close();
          store = await connect();
          return store;
        },
        dispose: () => store.close(),
      };
    },
    { reopenable: true },
  );

  describe('EventStoreDB specifics', () => {
    let store: EventStoreDbEventStore;
    beforeEach(async () => (store = await connect()));
    afterEach(() => store.close());

    it('keeps the envelope in the server event: our id, type, JSON data, and metadata another client can read', async () => {
      const stream = `activity-${randomUUID()}`;
      const event = anEvent({ causationId: randomUUID() });
      await store.append(stream, [event], { expectedRevision: 'no_stream' });
      const raw = EventStoreDBClient.connectionString(connectionString!);
      try {
        const [resolved] = await toArray(raw.readStream(stream));
        expect(resolved.event).toMatchObject({ id: event.id, type: event.type, data: event.data, isJson: true });
        expect(resolved.event!.metadata).toMatchObject({ $correlationId: event.correlationId, $causationId: event.causationId });
      } finally {
        await raw.dispose();
      }
    });

    it('gives subscribers the $all checkpoint (commit and prepare) of every event', async () => {
      const start = await store.headPosition();
      const received: StoredEvent[] = [];
      const subscription = store.subscribeToAll({ after: start, onEvent: (e) => void received.push(e) });
      try {
        await store.append(`activity-${randomUUID()}`, [anEvent()], { expectedRevision: 'any' });
        const deadline = Date.now() + 5000;
        while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        expect(received[0].storePosition).toEqual({ commit: expect.stringMatching(/^\d+$/), prepare: expect.stringMatching(/^\d+$/) });
      } finally {
        await subscription.close();
      }
    });

    it('refuses event ids that are not lower-case UUIDs, which the server would rewrite', async () => {
      await expect(
        store.append(`activity-${randomUUID()}`, [anEvent({ id: 'attendance-17' })], { expectedRevision: 'any' }),
      ).rejects.toThrow(/lower-case UUID/);
    });
  });
}

async function toArray<T>(read: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
}

/** Registers the suites as skipped tests and returns how many there are. */
function registerSkipped(define: () => void): number {
  const real = globalThis.it;
  let count = 0;
  const skipped = Object.assign(
    (name: string, fn?: jest.ProvidesCallback, timeout?: number) => {
      count += 1;
      return real.skip(name, fn, timeout);
    },
    {
      skip: (name: string, fn?: jest.ProvidesCallback, timeout?: number) => {
        count += 1;
        return real.skip(name, fn, timeout);
      },
      each: (table: readonly unknown[]) => (name: string, fn: (...args: never[]) => unknown) => {
        count += table.length;
        return real.skip.each(table as never[])(name, fn as never);
      },
    },
  );
  globalThis.it = skipped as unknown as jest.It;
  try {
    define();
  } finally {
    globalThis.it = real;
  }
  return count;
}

if (connectionString) {
  suites();
} else {
  const skipped = registerSkipped(suites);
  console.warn(
    `EventStoreDB: ${skipped} tests SKIPPED because EVENTSTORE_CONNECTION_STRING is not set. To run them: ` +
      '`docker compose up -d eventstoredb` then `EVENTSTORE_CONNECTION_STRING=esdb://localhost:2113?tls=false npm test`',
  );
}
