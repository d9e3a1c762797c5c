import { EventStoreDbEventStore, SqliteEventStore, migrateStore } from '@coprod/event-store';
import { anEvent } from '@coprod/event-store/contract/event-store.contract';
import { EventStoreDbModel } from '@coprod/event-store/eventstoredb/model/eventstoredb-model';
import { EventStoreDbModelClient } from '@coprod/event-store/eventstoredb/model/eventstoredb-model-client';
import { largeRunMigration } from './large-migration';
import { quiet } from './model-deployment';

describe('migrating a large record to EventStoreDB and back, on the model of a server', () => {
  let model: EventStoreDbModel;
  const connect = () =>
    EventStoreDbEventStore.connect({ connectionString: 'esdb://model.test:2113?tls=false', client: new EventStoreDbModelClient(model), logger: quiet });
  beforeEach(() => (model = new EventStoreDbModel()));

  it('copies a run of one stream larger than 1 MiB, killed in the middle of it and resumed, with identical hashes both ways', () => largeRunMigration(connect));

  it('stops, naming the event, at one event larger than the server takes in one append', async () => {
    const source = new SqliteEventStore({ file: ':memory:' });
    const target = await connect();
    try {
      await source.append('activity-a1', [anEvent()], { expectedRevision: 'no_stream' });
      await source.append('quote-q1', [anEvent({ data: { words: 'x'.repeat(1100 * 1024) } })], { expectedRevision: 'no_stream' });
      const attempt = migrateStore(source, target);
      await expect(attempt).rejects.toMatchObject({ name: 'MigrationRefusedError', position: 2 });
      await expect(attempt).rejects.toThrow(/is \d+ bytes on its own, more than the 1048576 bytes EventStoreDB at .* takes in one append/);
      expect(await target.headPosition()).toBe(1);
    } finally {
      await Promise.all([source.close(), target.close()]);
    }
  });
});
