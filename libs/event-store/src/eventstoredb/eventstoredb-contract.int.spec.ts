import { describeEventStoreContract } from '../contract/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { EventStoreDbModel } from './model/eventstoredb-model';
import { EventStoreDbModelClient } from './model/eventstoredb-model-client';
import { StoreLogger } from './store-logger';

const quiet: StoreLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** The real adapter on the MODEL of a server: the contract the SQLite store passes, on the server's semantics. */
function onModel(nodes: number, node: (model: EventStoreDbModel) => string) {
  return async () => {
    const model = new EventStoreDbModel({ nodes });
    const connect = () =>
      EventStoreDbEventStore.connect({
        connectionString: 'esdb://model.test:2113?tls=false',
        client: new EventStoreDbModelClient(model, { node: node(model) }),
        logger: quiet,
      });
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
  };
}

describeEventStoreContract('EventStoreDB adapter on the model of a single node', onModel(1, (model) => model.leader), { reopenable: true });

describeEventStoreContract(
  'EventStoreDB adapter on the model of a three-node cluster, reached through a follower',
  onModel(3, (model) => model.followers[0]),
  { reopenable: true },
);
