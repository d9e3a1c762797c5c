import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { EventStoreDbEventStore, StoreLogger } from '@coprod/event-store';
import { EventStoreDbModel, EventStoreDbModelOptions } from '@coprod/event-store/eventstoredb/model/eventstoredb-model';
import { EventStoreDbModelClient } from '@coprod/event-store/eventstoredb/model/eventstoredb-model-client';
import { runCli } from '../run-cli';
import { FaultyDeployment } from './fault-scenarios';

export const quiet: StoreLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** A deployment on the MODEL of an EventStoreDB cluster, with every client the code creates answered by it. */
export interface ModelDeployment extends FaultyDeployment {
  readonly model: EventStoreDbModel;
  dispose(): void;
}

/**
 * A three-node cluster modelled in memory. Every `EventStoreDBClient.connectionString(...)` made while it
 * exists (by the adapter, by `coprod verify`) returns a client of the model, on the leader or, for
 * `open('follower')`, on the first follower: the adapter under test is the real one.
 */
export function modelDeployment(options: EventStoreDbModelOptions = {}): ModelDeployment {
  const model = new EventStoreDbModel({ nodes: 3, commitTimeoutMs: 100, ...options });
  const follower = model.followers[0];
  let route: string | undefined;
  const spy = jest
    .spyOn(EventStoreDBClient, 'connectionString')
    .mockImplementation(() => new EventStoreDbModelClient(model, { node: route ?? model.leader }) as never);
  const connectionString = 'esdb://eventstore.test:2113?tls=false';
  return {
    model,
    connectionString,
    commitTimeoutMs: model.commitTimeoutMs,
    open: async (via = 'leader') => {
      route = via === 'follower' ? follower : model.leader;
      try {
        return await EventStoreDbEventStore.connect({ connectionString, logger: quiet });
      } finally {
        route = undefined;
      }
    },
    writeForeign: async (stream, type, data) => {
      const client = new EventStoreDbModelClient(model);
      await client.appendToStream(stream, [jsonEvent({ type, data })], { expectedRevision: 'any' });
    },
    lagFollower: async () => model.pause(follower),
    catchUpFollower: async () => model.resume(follower),
    pauseAllFollowers: async () => model.followers.forEach((node) => model.pause(node)),
    resumeAllFollowers: async () => model.followers.forEach((node) => model.resume(node)),
    changeLeader: async () => model.changeLeader(model.followers[0]),
    verify: async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'coprod-verify-'));
      try {
        const run = await runCli(['verify'], { COPROD_DATA_DIR: dataDir, EVENTSTORE_CONNECTION_STRING: connectionString });
        return { exitCode: run.exitCode, stdout: `${run.stdout}${run.error ? `\n${run.error.message}` : ''}` };
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    dispose: () => spy.mockRestore(),
  };
}
