import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  StreamingRead,
  SubscribeToAllOptions,
} from '@eventstore/db-client';

/**
 * The part of the EventStoreDB client the adapter uses. `EventStoreDBClient` is one; the model of the
 * server's semantics (model/eventstoredb-model.ts) is another, so tests run the adapter's own code.
 */
export interface EventStoreClient {
  appendToStream(stream: string, events: EventData | EventData[], options?: AppendToStreamOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): StreamingRead<ResolvedEvent>;
  readAll(options?: ReadAllOptions): StreamingRead<AllStreamResolvedEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): AllStreamSubscription;
  dispose(): Promise<void>;
}
