import { EventStore } from '../event-store.port';
import { EventStoreDbEventStore } from '../eventstoredb/eventstoredb-event-store';
import { ReconnectPolicy } from '../eventstoredb/reconnect-backoff';
import { StoreLogger } from '../eventstoredb/store-logger';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';

/** The environment variable that selects the EventStoreDB/KurrentDB store. */
export const EVENTSTORE_CONNECTION_STRING = 'EVENTSTORE_CONNECTION_STRING';

export interface OpenEventStoreOptions {
  /** Overrides the environment variable; empty or absent means the embedded store. */
  connectionString?: string;
  /** The embedded store's file, used when no connection string is set. */
  sqliteFile: string;
  /** Environment to read the connection string from; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Deadline for reaching the server at start (default 5 s). */
  connectTimeoutMs?: number;
  clock?: () => Date;
  logger?: StoreLogger;
  reconnect?: ReconnectPolicy;
}

/**
 * Opens the configured store: EventStoreDB when a connection string is given (option or
 * EVENTSTORE_CONNECTION_STRING), the embedded SQLite file otherwise. An unreachable server fails
 * within the deadline with an EventStoreUnavailableError that says what to check.
 */
export async function openEventStore(options: OpenEventStoreOptions): Promise<EventStore> {
  const connectionString = selectedConnectionString(options);
  if (connectionString) {
    return EventStoreDbEventStore.connect({
      connectionString,
      connectTimeoutMs: options.connectTimeoutMs ?? 5000,
      clock: options.clock,
      logger: options.logger,
      reconnect: options.reconnect,
    });
  }
  return new SqliteEventStore({ file: options.sqliteFile, clock: options.clock });
}

/** The connection string in force, or undefined when the embedded store is selected. */
export function selectedConnectionString(options: Pick<OpenEventStoreOptions, 'connectionString' | 'env'>): string | undefined {
  const value = options.connectionString ?? (options.env ?? process.env)[EVENTSTORE_CONNECTION_STRING];
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
