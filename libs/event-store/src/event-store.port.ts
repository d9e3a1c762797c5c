import { EventToAppend, StoredEvent } from './event-envelope';

/**
 * What the caller expects of the stream before appending:
 * `no_stream` (it must not exist), `stream_exists`, `any`, or the exact revision of its last event.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream: the expected revision for the next append. */
  nextExpectedRevision: number;
  /** Global position of the last event appended (or found, for a retry). */
  position: number;
  /** True when every event id was already stored: a retry recognised, nothing new written. */
  duplicate: boolean;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive. Defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  maxCount?: number;
}

export interface EventFilter {
  /** Only events whose type is one of these. */
  types?: readonly string[];
  /** Only events whose stream name starts with one of these. */
  streamPrefixes?: readonly string[];
}

export interface ReadAllOptions extends EventFilter {
  /** Exclusive: only events with a greater global position. Defaults to 0 (from the start). */
  after?: number;
  /** Inclusive upper bound on global position. */
  upTo?: number;
  maxCount?: number;
}

export interface SubscribeOptions extends EventFilter {
  /** Exclusive: deliver events with a greater global position. */
  after?: number;
  /** Called, in order, once per event; the next is not delivered until the promise settles. */
  onEvent: (event: StoredEvent) => Promise<void> | void;
  /** Called each time the subscription has delivered everything stored so far. */
  onCaughtUp?: (position: number) => void;
  /** Called when delivery stops because `onEvent` threw or the store failed. */
  onError?: (error: Error) => void;
}

export interface Subscription {
  /** Stop delivering; resolves once no handler call is in flight. */
  close(): Promise<void>;
}

/**
 * The append-only record. Every adapter (embedded SQLite, EventStoreDB) passes one contract suite.
 */
export interface EventStore {
  /** Human-readable description of where the events live (for logs and health). */
  readonly description: string;
  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** Catch up from `after`, then receive live events, in global order. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** Global position of the last stored event (0 when empty). */
  headPosition(): Promise<number>;
  /** Finds a stored event by id, wherever it is. */
  findEvent(id: string): Promise<StoredEvent | undefined>;
  close(): Promise<void>;
}

/** Injection token for the configured store. */
export const EVENT_STORE = Symbol('EVENT_STORE');
