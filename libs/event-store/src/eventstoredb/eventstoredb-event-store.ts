import { AllStreamResolvedEvent, BACKWARDS, END, FORWARDS, NO_STREAM, Position, ReadPosition, RecordedEvent, START } from '@eventstore/db-client';
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
import { AppendTooLargeError, DuplicateEventIdError, RecordReadOnlyError, WrongExpectedRevisionError } from '../errors';
import { AdapterRules, revisionMatches, validateAppend } from '../validate-event';
import { appendUntilKnown } from './append-until-known';
import { checkReachable, redactConnectionString } from './connection-check';
import { checkConnectionString, connectToServer } from './connection-options';
import { appendSize, envelopeOf, toJsonEvent } from './esdb-mapping';
import { matchesFilter, serverFilter } from './esdb-filter';
import { EventStoreClient } from './eventstore-client';
import { EventStoreDbSubscription } from './eventstoredb-subscription';
import { withIdleDeadline } from './idle-deadline';
import { RecordIndex } from './record-index';
import { RecordReports } from './record-reports';
import { DEFAULT_RECONNECT, ReconnectPolicy, reconnectDelay } from './reconnect-backoff';
import { SEAL_STREAM, SealEntries, isSeal } from './seal';
import { Sealer } from './sealer';
import { isNotLeader, isStreamNotFound } from './server-errors';
import { StoreLogger } from './store-logger';

export interface EventStoreDbEventStoreOptions {
  /** For example `esdb://localhost:2113?tls=false`. */
  connectionString: string;
  /** The client to talk through instead of one made from the connection string (the model of the server, in tests). */
  client?: EventStoreClient;
  /** Source of `recordedAt`; defaults to the system clock. */
  clock?: () => Date;
  /** Where state changes are reported; defaults to the console. */
  logger?: StoreLogger;
  /** How long the start-up check may take before the server is declared unavailable. */
  connectTimeoutMs?: number;
  /** Backoff between resubscriptions, and between resends of an append whose outcome is unknown. */
  reconnect?: ReconnectPolicy;
  /** The server's MaxAppendSize in bytes (1 MiB unless every node was configured otherwise). */
  maxAppendBytes?: number;
  /**
   * Opens the record read-only and presents it in the server's order with derived hashes, even where
   * seals or the places events claim disagree (two writers of events that carried their own place once
   * sealed the same position): for copying such a record out with `coprod migrate --accept-server-order`.
   */
  acceptServerOrder?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DEFAULT_MAX_APPEND_BYTES = 1024 * 1024;
/** Conflicts in a row on one append (other writers, other tools) before the caller is told to decide again. */
const MAX_CONFLICTS = 20;

/** What EventStoreDB cannot hold: its system streams, the seal stream, and event ids that are not lower-case UUIDs. */
const ESDB_RULES: AdapterRules = {
  streamProblem: (stream) =>
    stream.startsWith('$')
      ? 'names starting with $ are EventStoreDB system streams'
      : stream === SEAL_STREAM
        ? 'is where the record keeps its seals'
        : undefined,
  eventIdProblem: (id) => (UUID.test(id) ? undefined : 'must be a lower-case UUID: EventStoreDB stores event ids as UUIDs and returns them in lower case'),
};

/**
 * The event store on an EventStoreDB or KurrentDB server.
 *
 * Nothing about an event's place in the record is decided by the writer. Events are appended to their
 * own streams with the exact expected revision the server holds, and the record is derived from the
 * server's `$all` order by everyone who reads it (RecordIndex): global position, revision in the
 * record and hash chain. Any number of processes may write; a resent append can only ever be taken
 * once; an append whose outcome is unknown is resent until the server says. A background sealer
 * keeps the derived hashes in a seal stream, so a later change to the server's order shows as a
 * break. Appends, and the reads they depend on, go to the leader.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly description: string;
  private readonly index: RecordIndex;
  private readonly sealer: Sealer;
  private readonly clock: () => Date;
  private readonly logger: StoreLogger;
  private readonly reconnect: ReconnectPolicy;
  private readonly readDeadlineMs: number;
  private readonly maxAppendBytes: number;
  private readonly acceptServerOrder: boolean;
  private readonly subscriptions = new Set<EventStoreDbSubscription>();
  private appendQueue: Promise<unknown> = Promise.resolve();
  private syncRunning: Promise<void> | undefined;
  private syncQueued: Promise<void> | undefined;
  private readonly reports: RecordReports;
  private started = false;
  private closing = false;
  private closed = false;

  private constructor(
    private readonly client: EventStoreClient,
    options: EventStoreDbEventStoreOptions,
    readDeadlineMs: number,
  ) {
    this.description = `EventStoreDB at ${redactConnectionString(options.connectionString)}`;
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger ?? console;
    this.reconnect = options.reconnect ?? DEFAULT_RECONNECT;
    this.readDeadlineMs = readDeadlineMs;
    this.maxAppendBytes = options.maxAppendBytes ?? DEFAULT_MAX_APPEND_BYTES;
    this.acceptServerOrder = options.acceptServerOrder ?? false;
    this.index = new RecordIndex(SEAL_STREAM, (event) => this.reports.foreign(event));
    this.reports = new RecordReports(this.description, this.logger, this.index, this.acceptServerOrder);
    this.sealer = new Sealer({
      client,
      index: this.index,
      description: this.description,
      logger: this.logger,
      sync: () => this.sync(),
      writable: () => this.reports.readOnlyReason() === undefined && !this.closed,
    });
  }

  /**
   * Connects, checks the server answers within the deadline (else EventStoreUnavailableError), and reads
   * `$all` once from the leader to derive the record.
   */
  static async connect(options: EventStoreDbEventStoreOptions): Promise<EventStoreDbEventStore> {
    const settings = checkConnectionString(options.connectionString);
    const client = options.client ?? connectToServer(options.connectionString);
    const store = new EventStoreDbEventStore(client, options, settings.readDeadlineMs);
    try {
      await checkReachable(client, options.connectionString, options.connectTimeoutMs ?? 5000);
      await store.sync();
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw error;
    }
    store.started = true;
    store.reports.started();
    store.sealer.request();
    return store;
  }

  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    if (this.closing) return Promise.reject(new Error(`${this.description} is closed`));
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
    await this.sync();
    const exact = (this.index.stream(stream)?.foreign ?? 0) === 0;
    if (exact) {
      const backwards = options.direction === 'backwards';
      const records = await this.readServerStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      const placed = await this.placeAll(records);
      // Record revisions are the server's only while no other tool has written to the stream.
      if (placed.length === records.length) return placed;
    }
    return selectRevisions(await this.placeAll(await this.readServerStream(stream, { direction: FORWARDS, fromRevision: START })), options);
  }

  /**
   * Costs one `$all` read from the first wanted event. Unfiltered reads stream `$all`; filtered reads
   * run a server-side filtered scan; both stop once every wanted event is in.
   */
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    await this.sync();
    const wanted = this.index.select(options);
    if (wanted.length === 0) return [];
    const positions = new Set(wanted.map((e) => e.position));
    const filtered = (options.types?.length ?? 0) > 0 || (options.streamPrefixes?.length ?? 0) > 0;
    return this.onLeader(async () => {
      const read = filtered
        ? this.client.subscribeToAll({ fromPosition: this.exclusiveStart(wanted[0].position - 1), filter: serverFilter(options), requiresLeader: true })
        : this.client.readAll({ direction: FORWARDS, fromPosition: wanted[0].storePosition, requiresLeader: true });
      const events: StoredEvent[] = [];
      for await (const resolved of withIdleDeadline<AllStreamResolvedEvent>(read, this.readDeadlineMs, `reading $all from ${this.description}`)) {
        const event = resolved.event && this.index.place(resolved.event, !this.acceptServerOrder);
        if (event && positions.delete(event.position) && matchesFilter(event, options)) events.push(event);
        if (positions.size === 0) break;
      }
      return events;
    });
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
        place: (record) => this.placeOne(record),
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
    return this.onLeader(async () => {
      const read = this.client.readAll({ direction: FORWARDS, fromPosition: indexed.storePosition, maxCount: 1, requiresLeader: true });
      for await (const resolved of withIdleDeadline<AllStreamResolvedEvent>(read, this.readDeadlineMs, `reading $all from ${this.description}`)) {
        const event = resolved.event && this.index.place(resolved.event, !this.acceptServerOrder);
        if (event?.id === id) return event;
      }
      return undefined;
    });
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    await this.appendQueue;
    await this.sealer.flush();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  private async appendInTurn(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const recordedAt = this.clock().toISOString();
    // Built once: a resend carries the same ids, data and recordedAt, so the server can recognise it.
    const payload = events.map((event) => toJsonEvent(event, recordedAt));
    const bytes = appendSize(payload);
    if (bytes > this.maxAppendBytes) throw new AppendTooLargeError(stream, events.length, bytes, this.maxAppendBytes);
    for (let conflicts = 0; ; conflicts += 1) {
      await this.sync();
      const readOnly = this.reports.readOnlyReason();
      if (readOnly) throw new RecordReadOnlyError(readOnly);
      const retry = this.recognisedRetry(stream, events);
      if (retry) return retry;
      const state = this.index.stream(stream);
      const current = state && state.revision >= 0 ? state.revision : 'no_stream';
      if (!revisionMatches(expected, current) || conflicts >= MAX_CONFLICTS) throw new WrongExpectedRevisionError(stream, expected, current);
      if (events.length === 0) return { nextExpectedRevision: current === 'no_stream' ? -1 : current, position: this.index.head, duplicate: false };
      // The server checks the stream's own last revision, other tools' events included, whatever the caller expected.
      const serverExpected = state && state.serverRevision >= 0n ? state.serverRevision : NO_STREAM;
      const taken = await appendUntilKnown(this.client, { stream, payload, serverExpected, bytes }, {
        description: this.description,
        logger: this.logger,
        reconnect: this.reconnect,
        closing: () => this.closing,
      });
      if (taken) break;
    }
    const last = await this.indexed(events[events.length - 1].id);
    this.sealer.request();
    return { nextExpectedRevision: last.revision, position: last.position, duplicate: false };
  }

  /** The index entry of an event just appended, reading `$all` until it appears. */
  private async indexed(id: string): Promise<NonNullable<ReturnType<RecordIndex['byId']>>> {
    for (let attempt = 0; ; attempt += 1) {
      await this.sync();
      const found = this.index.byId(id);
      if (found) return found;
      if (attempt >= 10) throw new Error(`${this.description}: event ${id} was appended but is not in the leader's $all; run coprod verify`);
      await sleep(reconnectDelay(attempt, { initialDelayMs: 10, maxDelayMs: 1000 }));
    }
  }

  /** The same event ids, in order, already in the same stream: a retry. */
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

  /** The record events among these, placed; an id another tool appended again is taken once. */
  private async placeAll(records: RecordedEvent[]): Promise<StoredEvent[]> {
    const placed: StoredEvent[] = [];
    const seen = new Set<string>();
    for (const record of records) {
      const event = await this.placeOne(record);
      if (event && !seen.has(event.id)) {
        seen.add(event.id);
        placed.push(event);
      }
    }
    return placed;
  }

  /** The event placed in the record: read from the index, which is brought up to date once if it has not seen the event yet. */
  private async placeOne(record: RecordedEvent): Promise<StoredEvent | undefined> {
    const witnesses = !this.acceptServerOrder;
    const placed = this.index.place(record, witnesses);
    if (placed || !envelopeOf(record) || record.streamId === SEAL_STREAM) return placed;
    await this.sync();
    return this.index.place(record, witnesses);
  }

  private readServerStream(stream: string, options: { direction: typeof FORWARDS | typeof BACKWARDS; fromRevision: bigint | typeof START | typeof END; maxCount?: number }): Promise<RecordedEvent[]> {
    return this.onLeader(async () => {
      const read = this.client.readStream(stream, { ...options, requiresLeader: true });
      const records: RecordedEvent[] = [];
      try {
        for await (const resolved of withIdleDeadline(read, this.readDeadlineMs, `reading stream ${stream} from ${this.description}`)) {
          if (resolved.event) records.push(resolved.event);
        }
      } catch (error) {
        if (isStreamNotFound(error)) return [];
        throw error;
      }
      return records;
    });
  }

  /** Runs a read again after a follower's NotLeader answer, which has turned the client to the leader it named. */
  private async onLeader<T>(read: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await read();
      } catch (error) {
        if (!isNotLeader(error) || attempt >= 3) throw error;
      }
    }
  }

  /** Where a subscription starts so that the first event it gives is the one after `position`. */
  private exclusiveStart(position: number): ReadPosition {
    return this.index.at(position)?.storePosition ?? START;
  }

  /** Brings the index up to date with the leader's `$all`; concurrent callers share at most one extra read. */
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
    await this.onLeader(() => this.readNewEventsOnce());
    if (this.started) this.reports.breakIfNew();
  }

  private async readNewEventsOnce(): Promise<void> {
    const from = this.index.scannedTo;
    // The first scan reads the seal stream alongside, so that sealed events need not be hashed again.
    const seals = from === undefined ? this.sealsAhead() : undefined;
    let sealsRead = false;
    const read = this.client.readAll({ direction: FORWARDS, fromPosition: from ?? START, requiresLeader: true });
    try {
      for await (const resolved of withIdleDeadline<AllStreamResolvedEvent>(read, this.readDeadlineMs, `reading $all from ${this.description}`)) {
        const record = resolved.event;
        if (!record) continue;
        if (from && samePosition(record.position, from)) continue;
        while (seals && !sealsRead && this.index.sealedAheadTo <= this.index.head) {
          const next = await seals.next();
          if (next.done) sealsRead = true;
          else this.index.sealAhead(next.value);
        }
        this.index.add(record);
      }
    } finally {
      await seals?.return(undefined);
    }
  }

  /** The seals in the seal stream, in order; nothing when there are none yet. */
  private async *sealsAhead(): AsyncGenerator<SealEntries> {
    const read = this.client.readStream(SEAL_STREAM, { direction: FORWARDS, fromRevision: START, requiresLeader: true });
    try {
      for await (const resolved of withIdleDeadline(read, this.readDeadlineMs, `reading ${SEAL_STREAM} from ${this.description}`)) {
        if (resolved.event && isSeal(resolved.event)) yield resolved.event.data as unknown as SealEntries;
      }
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
    }
  }
}

/** The events of a whole stream, read forwards, as a read with these options would have given them. */
function selectRevisions(events: StoredEvent[], options: ReadStreamOptions): StoredEvent[] {
  const backwards = options.direction === 'backwards';
  const ordered = backwards ? [...events].reverse() : events;
  const from = options.fromRevision;
  const selected = from === undefined ? ordered : ordered.filter((e) => (backwards ? e.revision <= from : e.revision >= from));
  return selected.slice(0, options.maxCount ?? Number.MAX_SAFE_INTEGER);
}

function samePosition(a: Position, b: Position): boolean {
  return a.commit === b.commit && a.prepare === b.prepare;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
