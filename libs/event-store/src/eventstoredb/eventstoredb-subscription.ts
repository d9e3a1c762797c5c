import {
  AllStreamSubscription,
  ErrorType,
  Position,
  ReadPosition,
  RecordedEvent,
  isCommandError,
} from '@eventstore/db-client';
import { StoredEvent } from '../event-envelope';
import { EventFilter, SubscribeOptions, Subscription } from '../event-store.port';
import { EventStoreClient } from './eventstore-client';
import { matchesFilter, serverFilter } from './esdb-filter';
import { ReconnectPolicy, reconnectDelay } from './reconnect-backoff';
import { StoreLogger } from './store-logger';

/** What a subscription needs from its store. */
export interface SubscriptionSource {
  client: EventStoreClient;
  description: string;
  logger: StoreLogger;
  reconnect: ReconnectPolicy;
  /** The `$all` position of the event at global position `after`: the server treats it as exclusive. */
  startAfter(after: number): Promise<ReadPosition>;
  /** The record's head as last seen, reported with "caught up". */
  knownHead(): number;
  /** The event placed in the record, or undefined for events that are not part of it. */
  place(record: RecordedEvent): Promise<StoredEvent | undefined>;
}

class HandlerFailure {
  constructor(readonly error: Error) {}
}

const FATAL = new Set<string>([ErrorType.ACCESS_DENIED, ErrorType.INVALID_ARGUMENT, ErrorType.UNSUPPORTED]);

/**
 * A catch-up subscription to `$all` that survives drops and server restarts: it resubscribes from
 * the last `$all` position it received, after a bounded exponential backoff, and never delivers an
 * event twice (it skips global positions it has already delivered).
 */
export class EventStoreDbSubscription implements Subscription {
  private closed = false;
  private current: AllStreamSubscription | undefined;
  private lastDelivered: number;
  private lastStorePosition: Position | undefined;
  private wakeSleep: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private readonly filter: EventFilter;

  constructor(
    private readonly source: SubscriptionSource,
    private readonly options: SubscribeOptions,
    private readonly onClosed: () => void,
  ) {
    this.lastDelivered = options.after ?? 0;
    this.filter = { types: options.types, streamPrefixes: options.streamPrefixes };
  }

  start(): void {
    this.running = this.run();
  }

  async close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.wakeSleep?.();
      const current = this.current;
      if (current) {
        await current.unsubscribe().catch(() => undefined);
        current.destroy();
      }
      this.onClosed();
    }
    await this.running;
  }

  private async run(): Promise<void> {
    const { logger, description } = this.source;
    let attempt = 0;
    while (!this.closed) {
      try {
        const from = this.lastStorePosition ?? (await this.source.startAfter(this.options.after ?? 0));
        if (attempt > 0) logger.log(`subscription to ${description}: resubscribed after position ${this.lastDelivered}`);
        await this.deliverFrom(from, () => (attempt = 0));
      } catch (failure) {
        if (this.closed) return;
        if (failure instanceof HandlerFailure) return this.fail(failure.error);
        const error = failure as Error;
        if (isCommandError(error) && FATAL.has(error.type)) {
          logger.error(`subscription to ${description} stopped: ${error.message}`);
          return this.fail(error);
        }
        const delay = reconnectDelay(attempt, this.source.reconnect);
        attempt += 1;
        logger.warn(
          `subscription to ${description} dropped (${error.message.split('\n')[0]}); ` +
            `reconnecting in ${delay} ms from after position ${this.lastDelivered}`,
        );
        await this.sleep(delay);
      }
    }
  }

  private async deliverFrom(from: ReadPosition, onProgress: () => void): Promise<void> {
    const { logger, description } = this.source;
    const subscription = this.source.client.subscribeToAll({ fromPosition: from, filter: serverFilter(this.filter), requiresLeader: true });
    this.current = subscription;
    if (this.closed) {
      subscription.destroy();
      return;
    }
    // "caughtUp" is emitted as the server's message arrives, possibly before events ahead of it have
    // been handled, so it is delivered only once every event received before it has been.
    let received = 0;
    let processed = 0;
    const caughtUpMarks: number[] = [];
    const reportCaughtUp = () => {
      const position = Math.max(this.lastDelivered, this.source.knownHead());
      logger.log(`subscription to ${description}: caught up at position ${position}`);
      onProgress();
      this.options.onCaughtUp?.(position);
    };
    subscription.on('caughtUp', () => {
      const mark = received + subscription.readableLength;
      if (processed >= mark) reportCaughtUp();
      else caughtUpMarks.push(mark);
    });
    subscription.on('fellBehind', () => logger.warn(`subscription to ${description}: fell behind, catching up`));

    for await (const resolved of subscription) {
      received += 1;
      if (this.closed) return;
      const record = resolved.event;
      if (record) {
        const event = await this.source.place(record);
        this.lastStorePosition = record.position;
        if (event && event.position > this.lastDelivered && matchesFilter(event, this.filter)) {
          try {
            await this.options.onEvent(event);
          } catch (error) {
            throw new HandlerFailure(error as Error);
          }
          this.lastDelivered = event.position;
          onProgress();
        }
      }
      processed += 1;
      while (caughtUpMarks.length > 0 && caughtUpMarks[0] <= processed && !this.closed) {
        caughtUpMarks.shift();
        reportCaughtUp();
      }
    }
    if (!this.closed) throw new Error('the server ended the subscription');
  }

  private fail(error: Error): void {
    this.closed = true;
    const current = this.current;
    if (current) void current.unsubscribe().catch(() => undefined).then(() => current.destroy());
    this.onClosed();
    this.options.onError?.(error);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wakeSleep = undefined;
        resolve();
      }
      this.wakeSleep = done;
    });
  }
}
