import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  Position,
  ReadPosition,
  START,
  AllStreamResolvedEvent,
  isCommandError,
} from '@eventstore/db-client';
import { EventToAppend, StoredEvent } from '../event-envelope';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { DuplicateEventIdError, InvalidEventError, WrongExpectedRevisionError } from '../errors';
import { sealEvent } from '../integrity';
import { AdapterRules, revisionMatches, validateAppend } from '../validate-event';
import { checkReachable, redactConnectionString } from './connection-check';
import { fromRecordedEvent, toEsdbExpectedRevision, toJsonEvent, toWrongExpectedRevisionError } from './esdb-mapping';
import { matchesFilter, serverFilter } from './esdb-filter';
import { EventStoreDbSubscription } from './eventstoredb-subscription';
import { ForeignWriterError } from './foreign-writer-error';
import { GlobalIndex } from './global-index';
import { DEFAULT_RECONNECT, ReconnectPolicy } from './reconnect-backoff';
import { StoreLogger } from './store-logger';

export interface EventStoreDbEventStoreOptions {
  /** For example `esdb://localhost:2113?tls=false`. */
  connectionString: string;
  /** Source of `recordedAt`; defaults to the system clock. */
  clock?: () => Date;
  /** Where state changes are reported; defaults to the console. */
  logger?: StoreLogger;
  /** How long the start-up check may take before the server is declared unavailable. */
  connectTimeoutMs?: number;
  /** Backoff between resubscription attempts of catch-up subscriptions. */
  reconnect?: ReconnectPolicy;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What EventStoreDB cannot hold: its own system streams, and event ids that are not lower-case UUIDs. */
const ESDB_RULES: AdapterRules = {
  streamProblem: (stream) => (stream.startsWith('$') ? 'names starting with $ are EventStoreDB system streams' : undefined),
  eventIdProblem: (id) => (UUID.test(id) ? undefined : 'must be a lower-case UUID: EventStoreDB stores event ids as UUIDs and returns them in lower case'),
};

/**
 * The event store on an EventStoreDB or KurrentDB server.
 *
 * The integrity chain covers dense global positions (1, 2, 3, ...) that `$all` does not have, so this
 * adapter assigns them itself: appends are serialised in this process, each sealed at head + 1 and
 * chained to the head's hash, with position and hashes kept in the event metadata. That needs exactly
 * one writer process per store; a second writer is detected (the next event read back does not continue
 * the chain) and refused with a ForeignWriterError. Reads find events through a GlobalIndex of positions.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly description: string;
  private readonly index: GlobalIndex;
  private readonly clock: () => Date;
  private readonly logger: StoreLogger;
  private readonly reconnect: ReconnectPolicy;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private appendQueue: Promise<unknown> = Promise.resolve();
  private syncRunning: Promise<void> | undefined;
  private syncQueued: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbEventStoreOptions,
  ) {
    this.description = `EventStoreDB at ${redactConnectionString(options.connectionString)}`;
    this.index = new GlobalIndex(this.description);
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger ?? console;
    this.reconnect = options.reconnect ?? DEFAULT_RECONNECT;
  }

  /**
   * Connects, checks the server answers within the deadline (else EventStoreUnavailableError), and reads
   * `$all` once to build the position index.
   */
  static async connect(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
    let client: EventStoreDBClient;
    try {
      client = EventStoreDBClient.connectionString(options.connectionString);
    } catch (error) {
      throw new InvalidEventError(
        `EVENTSTORE_CONNECTION_STRING ${redactConnectionString(options.connectionString)} is not a valid connection string ` +
          `(${(error as Error).message}); expected for example esdb://localhost:2113?tls=false`,
      );
    }
    const store = new EventStoreDbEventStore(client, options);
    try {
      await checkReachable(client, options.connectionString, options.connectTimeoutMs ?? 5000);
      await store.sync();
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw error;
    }
    store.logger.log(`${store.description}: connected, ${store.index.head} events in the record`);
    return store;
  }

  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error(`${this.description} is closed`));
    try {
      validateAppend(stream, events, options.expectedRevision, ESDB_RULES);
    } catch (error) {
      return Promise.reject(error);
    }
    const next = this.appendQueue.then(() => this.appendInTurn(stream, events, options.expectedRevision));
    this.appendQueue = next.catch(() => undefined);
    return next;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    if (options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of read) {
        const event = resolved.event && fromRecordedEvent(resolved.event);
        if (event) events.push(event);
      }
    } catch (error) {
      if (isCommandError(error as Error) && (error as { type: string }).type === ErrorType.STREAM_NOT_FOUND) return [];
      throw error;
    }
    return events;
  }

  /**
   * Costs one `$all` read from the first wanted event. Unfiltered reads stream `$all` and skip system
   * events; filtered reads run a server-side filtered scan and stop once the index's count is reached.
   */
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    await this.sync();
    const wanted = this.index.select(options);
    if (wanted.length === 0) return [];
    const positions = new Set(wanted.map((e) => e.position));
    const filtered = (options.types?.length ?? 0) > 0 || (options.streamPrefixes?.length ?? 0) > 0;
    if (!filtered) {
      const read = this.client.readAll({ direction: FORWARDS, fromPosition: wanted[0].storePosition });
      try {
        return await collect(read, positions);
      } finally {
        await read.cancel().catch(() => undefined);
      }
    }
    const read = this.client.subscribeToAll({
      fromPosition: this.exclusiveStart(wanted[0].position - 1),
      filter: serverFilter(options),
    });
    try {
      return await collect(read, positions, (event) => matchesFilter(event, options));
    } finally {
      await read.unsubscribe().catch(() => undefined);
      read.destroy();
    }
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    const subscription: EventStoreDbSubscription = new EventStoreDbSubscription(
      {
        client: this.client,
        description: this.description,
        logger: this.logger,
        reconnect: this.reconnect,
        startAfter: async (after) => {
          await this.sync();
          return this.exclusiveStart(Math.min(after, this.index.head));
        },
        knownHead: () => this.index.head,
      },
      options,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  async headPosition(): Promise<number> {
    await this.sync();
    return this.index.head;
  }

  /** Costs one index catch-up and one single-event read. */
  async findEvent(id: string): Promise<StoredEvent | undefined> {
    await this.sync();
    const indexed = this.index.byId(id);
    if (!indexed) return undefined;
    const [event] = await this.readStream(indexed.stream, { fromRevision: indexed.revision, maxCount: 1 });
    return event?.id === id ? event : undefined;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.appendQueue;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  private async appendInTurn(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    await this.sync();
    const retry = this.recognisedRetry(stream, events);
    if (retry) return retry;
    const current = this.index.streamRevision(stream);
    if (!revisionMatches(expected, current)) throw new WrongExpectedRevisionError(stream, expected, current);
    if (events.length === 0) {
      return { nextExpectedRevision: current === 'no_stream' ? -1 : current, position: this.index.head, duplicate: false };
    }
    const recordedAt = this.clock().toISOString();
    let revision = current === 'no_stream' ? -1 : current;
    let position = this.index.head;
    let prevHash = this.index.headHash;
    const sealed = events.map((event) => {
      const stored = sealEvent(event, {
        stream,
        revision: (revision += 1),
        position: (position += 1),
        recordedAt: event.recordedAt ?? recordedAt,
        prevHash,
      });
      prevHash = stored.hash;
      return stored;
    });
    // The hash covers the revision, so the server must hold the stream to exactly the revision sealed.
    const pinned: ExpectedRevision = current === 'no_stream' ? 'no_stream' : current;
    try {
      await this.client.appendToStream(stream, sealed.map(toJsonEvent), { expectedRevision: toEsdbExpectedRevision(pinned) });
    } catch (error) {
      if (isCommandError(error as Error) && (error as { type: string }).type === ErrorType.WRONG_EXPECTED_VERSION) {
        await this.sync().catch(() => undefined);
        throw toWrongExpectedRevisionError(error as never, expected);
      }
      throw error;
    }
    await this.sync();
    const last = sealed[sealed.length - 1];
    const indexed = this.index.at(last.position);
    if (indexed?.id !== last.id) throw new ForeignWriterError(this.description, last.id, last.position, last.position);
    return { nextExpectedRevision: last.revision, position: last.position, duplicate: false };
  }

  /** The same event ids, in order, already stored at the end of the same stream: a retry. */
  private recognisedRetry(stream: string, events: readonly EventToAppend[]): AppendResult | undefined {
    if (events.length === 0) return undefined;
    const found = events.map((e) => this.index.byId(e.id));
    if (found.every((e) => e === undefined)) return undefined;
    const first = found[0];
    const consistent = found.every((e, i) => e !== undefined && e.stream === stream && e.revision === first!.revision + i);
    if (!consistent) {
      const clash = found.find((e) => e !== undefined)!;
      throw new DuplicateEventIdError(clash.id, clash.stream);
    }
    const last = found[found.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position, duplicate: true };
  }

  /** Where a subscription starts so that the first event it gives is the one after `position`. */
  private exclusiveStart(position: number): ReadPosition {
    return this.index.at(position)?.storePosition ?? START;
  }

  /** Brings the index up to date with `$all`; concurrent callers share at most one extra read. */
  private sync(): Promise<void> {
    if (!this.syncRunning) {
      this.syncRunning = this.readNewEvents().finally(() => (this.syncRunning = undefined));
      return this.syncRunning;
    }
    if (!this.syncQueued) {
      this.syncQueued = this.syncRunning
        .catch(() => undefined)
        .then(() => {
          this.syncQueued = undefined;
          return this.sync();
        });
    }
    return this.syncQueued;
  }

  private async readNewEvents(): Promise<void> {
    const from = this.index.scannedTo;
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: from ?? START });
    for await (const resolved of read) {
      const record = resolved.event;
      if (!record) continue;
      if (from && samePosition(record.position, from)) continue;
      const event = fromRecordedEvent(record);
      if (event) this.index.add(event, record.position);
      else this.index.markScanned(record.position);
    }
  }
}

/** Gathers the wanted events from a forward read of `$all`, stopping as soon as all are in. */
async function collect(
  read: AsyncIterable<AllStreamResolvedEvent>,
  positions: Set<number>,
  accept: (event: StoredEvent) => boolean = () => true,
): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  for await (const resolved of read) {
    const event = resolved.event && fromRecordedEvent(resolved.event);
    if (event && positions.has(event.position) && accept(event)) events.push(event);
    if (events.length === positions.size) break;
  }
  return events;
}

function samePosition(a: Position, b: Position): boolean {
  return a.commit === b.commit && a.prepare === b.prepare;
}

