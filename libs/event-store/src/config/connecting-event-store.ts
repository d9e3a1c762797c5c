import { EventStoreUnavailableError } from '../errors';
import { EventToAppend, StoredEvent } from '../event-envelope';
import { AppendOptions, AppendResult, EventStore, ReadAllOptions, ReadStreamOptions, SubscribeOptions, Subscription } from '../event-store.port';
import { DEFAULT_RECONNECT, ReconnectPolicy, reconnectDelay } from '../eventstoredb/reconnect-backoff';
import { StoreLogger } from '../eventstoredb/store-logger';
import { ErrorType, isCommandError } from '@eventstore/db-client';

export interface ConnectingEventStoreOptions {
  /** Where the events live, shown before the first connection succeeds (password hidden). */
  description: string;
  /** One attempt to open the store; rejects with an error saying what failed and what to check. */
  connect: () => Promise<EventStore>;
  reconnect?: ReconnectPolicy;
  logger?: StoreLogger;
}

/** Where the connection stands, for /health. */
export interface ConnectionStatus {
  state: 'connecting' | 'connected' | 'closed';
  /** Failed attempts so far. */
  attempts: number;
  /** Why the last attempt failed: names the server, what failed and what to check. */
  lastError?: string;
  /** When the next attempt starts (ISO), while waiting between attempts. */
  nextAttemptAt?: string;
}

const LOST_CONNECTION = new Set<string>([ErrorType.UNAVAILABLE, ErrorType.DEADLINE_EXCEEDED, ErrorType.TIMEOUT, ErrorType.NOT_LEADER]);

/**
 * A server-backed store that the process can start without. Until the server has been reached,
 * every operation is refused with an EventStoreUnavailableError (after the first attempt has had its
 * chance), attempts repeat in the background with a bounded backoff, and subscriptions wait: they
 * start on the real store the moment it connects. Once connected, every call is delegated.
 */
export class ConnectingEventStore implements EventStore {
  readonly description: string;
  private delegate: EventStore | undefined;
  private firstAttempt: Promise<void> | undefined;
  private attempts = 0;
  private lastError: Error | undefined;
  private nextAttemptAt: Date | undefined;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private closed = false;
  private readonly connected: Promise<EventStore>;
  private resolveConnected!: (store: EventStore) => void;
  private readonly waiting = new Set<DeferredSubscription>();
  private readonly reconnect: ReconnectPolicy;
  private readonly logger: StoreLogger;

  constructor(private readonly options: ConnectingEventStoreOptions) {
    this.description = options.description;
    this.reconnect = options.reconnect ?? DEFAULT_RECONNECT;
    this.logger = options.logger ?? console;
    this.connected = new Promise((resolve) => (this.resolveConnected = resolve));
  }

  /** Starts the first attempt; later ones follow by themselves until one succeeds or the store is closed. */
  start(): this {
    this.firstAttempt ??= this.attempt();
    return this;
  }

  status(): ConnectionStatus {
    const state = this.closed ? 'closed' : this.delegate ? 'connected' : 'connecting';
    return {
      state,
      attempts: this.attempts,
      lastError: this.delegate ? undefined : this.lastError?.message,
      nextAttemptAt: state === 'connecting' ? this.nextAttemptAt?.toISOString() : undefined,
    };
  }

  /** Resolves with the real store once connected. */
  whenConnected(): Promise<EventStore> {
    return this.connected;
  }

  append(stream: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    return this.use((store) => store.append(stream, events, options));
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.use((store) => store.readStream(stream, options));
  }

  readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.use((store) => store.readAll(options));
  }

  headPosition(): Promise<number> {
    return this.use((store) => store.headPosition());
  }

  findEvent(id: string): Promise<StoredEvent | undefined> {
    return this.use((store) => store.findEvent(id));
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    if (this.delegate) return this.delegate.subscribeToAll(options);
    const deferred = new DeferredSubscription(options, () => this.waiting.delete(deferred));
    this.waiting.add(deferred);
    return deferred;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    await Promise.all([...this.waiting].map((s) => s.close()));
    await this.inFlight;
    await this.delegate?.close();
  }

  /**
   * The real store, once the first attempt has had its chance; an EventStoreUnavailableError saying
   * what failed and what to check while the server cannot be reached.
   */
  async connectedStore(): Promise<EventStore> {
    if (!this.delegate) await this.firstAttempt;
    if (this.closed) throw new EventStoreUnavailableError(`${this.description} is closed`);
    if (!this.delegate) throw this.unavailable();
    return this.delegate;
  }

  private async use<T>(operation: (store: EventStore) => Promise<T>): Promise<T> {
    const store = await this.connectedStore();
    try {
      return await operation(store);
    } catch (error) {
      throw lostConnection(this.description, error as Error) ?? error;
    }
  }

  private unavailable(): EventStoreUnavailableError {
    const retry = this.nextAttemptAt
      ? ` Retrying in the background (attempt ${this.attempts + 1} at ${this.nextAttemptAt.toISOString()}); nothing was recorded.`
      : ' Trying again now; nothing was recorded.';
    const reason = this.lastError?.message ?? `${this.description} has not answered yet.`;
    return new EventStoreUnavailableError(`${reason}${retry}`);
  }

  private attempt(): Promise<void> {
    this.nextAttemptAt = undefined;
    const run = this.options
      .connect()
      .then((store) => this.onConnected(store))
      .catch((error: Error) => this.onFailed(error));
    this.inFlight = run.finally(() => (this.inFlight = undefined));
    return run;
  }

  private async onConnected(store: EventStore): Promise<void> {
    if (this.closed) {
      await store.close();
      return;
    }
    this.delegate = store;
    this.lastError = undefined;
    if (this.attempts > 0) this.logger.log(`${this.description}: connected after ${this.attempts} failed attempt(s)`);
    for (const deferred of [...this.waiting]) deferred.begin(store);
    this.waiting.clear();
    this.resolveConnected(store);
  }

  private onFailed(error: Error): void {
    if (this.closed) return;
    const delay = reconnectDelay(this.attempts, this.reconnect);
    this.attempts += 1;
    this.lastError = error;
    this.nextAttemptAt = new Date(Date.now() + delay);
    if (this.attempts === 1) this.logger.error(`${error.message} Retrying in the background; the service reports itself unhealthy until then.`);
    else this.logger.warn(`${this.description}: attempt ${this.attempts} failed (${firstLine(error)}); next in ${delay} ms`);
    this.timer = setTimeout(() => void this.attempt(), delay);
    this.timer.unref();
  }
}

/** A subscription asked for before the store connected: it starts on the real store once there is one. */
class DeferredSubscription implements Subscription {
  private inner: Subscription | undefined;
  private closed = false;

  constructor(
    private readonly options: SubscribeOptions,
    private readonly onClosed: () => void,
  ) {}

  begin(store: EventStore): void {
    if (!this.closed) this.inner = store.subscribeToAll(this.options);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.onClosed();
    await this.inner?.close();
  }
}

/** A client error meaning the server went away after start, as the error callers map to 503. */
function lostConnection(description: string, error: Error): EventStoreUnavailableError | undefined {
  if (!isCommandError(error) || !LOST_CONNECTION.has(error.type)) return undefined;
  const lost = new EventStoreUnavailableError(
    `${description} stopped answering (${firstLine(error)}); check the server is running and reachable, then retry: a command sent again with the same id is never recorded twice.`,
  );
  (lost as { cause?: unknown }).cause = error;
  return lost;
}

function firstLine(error: Error): string {
  return error.message.split('\n')[0];
}
