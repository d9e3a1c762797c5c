import { Logger, Provider } from '@nestjs/common';
import { EVENT_STORE, EventStore, SqliteEventStore, StoreLogger, openEventStore, selectedConnectionString } from '@coprod/event-store';
import { redactConnectionString } from '@coprod/event-store/eventstoredb/connection-check';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ConnectingEventStore } from '@coprod/event-store';

/**
 * The configured event store: EventStoreDB when a connection string is set, the embedded file otherwise.
 * The server is connected in the background, so an unreachable server leaves the process running and
 * unhealthy (every call refused with EventStoreUnavailableError) instead of failing its start.
 */
export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): EventStore => openConfiguredStore(config),
};

/** Opens the store the configuration names; see eventStoreProvider. */
export function openConfiguredStore(config: Pick<AppConfig, 'eventsFile' | 'eventStoreConnectionString'>, logger: StoreLogger = nestLogger()): EventStore {
  const connectionString = selectedConnectionString({ connectionString: config.eventStoreConnectionString ?? '', env: {} });
  if (!connectionString) return new SqliteEventStore({ file: config.eventsFile });
  return new ConnectingEventStore({
    description: `EventStoreDB at ${redactConnectionString(connectionString)}`,
    connect: () => openEventStore({ connectionString, sqliteFile: config.eventsFile, logger }),
    logger,
  }).start();
}

function nestLogger(): StoreLogger {
  const logger = new Logger('EventStore');
  return { log: (m) => logger.log(m), warn: (m) => logger.warn(m), error: (m) => logger.error(m) };
}
