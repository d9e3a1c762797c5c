import { randomUUID } from 'node:crypto';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreDbEventStore, StoredEvent } from '@coprod/event-store';
import { anEvent, describeEventStoreContract } from '@coprod/event-store/contract/event-store.contract';
import { ambiguousTimeout, foreignEvent, laggingFollower, leaderChange, twoWriters } from './fault-scenarios';
import { largeRunMigration } from './large-migration';
import { quiet } from './model-deployment';
import { TEST_SERVER_VARIABLE, refuseUnlessEmpty, serverDeployment, testServerFromEnv } from './server-deployment';

// Run only by `npm run test:eventstoredb` (this file's name keeps it out of `npm test`), against the
// server COPROD_TEST_EVENTSTORE names, which must be empty: see docs/eventstoredb.md.
const server = testServerFromEnv();
if (!server) {
  throw new Error(
    `npm run test:eventstoredb needs ${TEST_SERVER_VARIABLE}: start the throwaway cluster with ` +
      '`docker compose -f test/stores/eventstoredb/docker-compose.yml up -d --wait` and set ' +
      `${TEST_SERVER_VARIABLE}='esdb://localhost:2121,localhost:2122,localhost:2123?tls=false' ` +
      "COPROD_TEST_EVENTSTORE_NODES='node1=localhost:2121,node2=localhost:2122,node3=localhost:2123'",
  );
}
const connect = () => EventStoreDbEventStore.connect({ connectionString: server.connectionString, logger: quiet });
const cluster = serverDeployment(server).cluster;

jest.setTimeout(180_000);

describe(`a real EventStoreDB server (${TEST_SERVER_VARIABLE})`, () => {
  beforeAll(() => refuseUnlessEmpty(server));

  // First, while the record is still empty: a migration needs an empty target.
  it('migrates a record with a single-stream run larger than 1 MiB, killed mid-way and resumed, with identical hashes', () => largeRunMigration(connect));

  describeEventStoreContract(
    'EventStoreDB server',
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

  describe('how events look on the server', () => {
    let store: EventStoreDbEventStore;
    beforeEach(async () => (store = await connect()));
    afterEach(() => store.close());

    it('keeps the envelope in the server event: our id, type, JSON data, and metadata another client can read', async () => {
      const stream = `activity-${randomUUID()}`;
      const event = anEvent({ causationId: randomUUID() });
      await store.append(stream, [event], { expectedRevision: 'no_stream' });
      const raw = EventStoreDBClient.connectionString(server.connectionString);
      try {
        const [resolved] = await toArray(raw.readStream(stream));
        expect(resolved.event).toMatchObject({ id: event.id, type: event.type, data: event.data, isJson: true });
        expect(resolved.event!.metadata).toMatchObject({ $correlationId: event.correlationId, $causationId: event.causationId });
      } finally {
        await raw.dispose();
      }
    });

    it('gives subscribers the $all position (commit and prepare) of every event', async () => {
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
  });

  describe('faults', () => {
    const deployment = () => serverDeployment(server);

    it('two writers at once', () => twoWriters(deployment()));
    it("another tool's event in a coprod stream", () => foreignEvent(deployment()));
    (cluster ? it : it.skip)('an append that times out while the followers are paused, and commits once they are back', () => ambiguousTimeout(deployment()));
    (cluster ? it : it.skip)('a follower that lags behind, reached directly', () => laggingFollower(deployment()));
    (cluster ? it : it.skip)('a leader change with an append in flight', () => leaderChange(deployment()));
  });
});

async function toArray<T>(read: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
}
