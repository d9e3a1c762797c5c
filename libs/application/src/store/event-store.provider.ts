import { Provider } from '@nestjs/common';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@coprod/event-store';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The configured event store: EventStoreDB when a connection string is set, the embedded file otherwise. */
export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig): Promise<EventStore> => new SqliteEventStore({ file: config.eventsFile }),
};
