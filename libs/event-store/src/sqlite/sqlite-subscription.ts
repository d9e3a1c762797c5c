import { EventEmitter } from 'node:events';
import { StoredEvent } from '../event-envelope';
import { EventFilter, SubscribeOptions, Subscription } from '../event-store.port';

const PAGE = 1000;

/**
 * Catch-up-then-live delivery from the embedded store. Woken by appends in this process, and
 * polling for appends made by other processes sharing the file.
 */
export class SqliteSubscription implements Subscription {
  private closed = false;
  private generation = 0;
  private wake: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private readonly onAppended = () => {
    this.generation += 1;
    this.wake?.();
  };

  constructor(
    private readonly options: SubscribeOptions,
    private readonly read: (after: number, filter: EventFilter, maxCount: number) => StoredEvent[],
    private readonly head: () => number,
    private readonly appended: EventEmitter,
    private readonly pollIntervalMs: number,
    private readonly onClosed: () => void,
  ) {}

  start(): void {
    this.appended.on('appended', this.onAppended);
    this.running = this.loop().catch((error: Error) => {
      this.stop();
      if (this.options.onError) this.options.onError(error);
    });
  }

  async close(): Promise<void> {
    this.stop();
    await this.running;
  }

  private stop(): void {
    if (this.closed) return;
    this.closed = true;
    this.appended.off('appended', this.onAppended);
    this.wake?.();
    this.onClosed();
  }

  private async loop(): Promise<void> {
    let after = this.options.after ?? 0;
    const filter: EventFilter = { types: this.options.types, streamPrefixes: this.options.streamPrefixes };
    while (!this.closed) {
      const seen = this.generation;
      const head = this.head();
      const page = this.read(after, filter, PAGE);
      for (const event of page) {
        if (this.closed) return;
        await this.options.onEvent(event);
        after = event.position;
      }
      if (page.length === PAGE) {
        // Let the process answer other work between pages of a long catch-up.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      if (this.closed) return;
      this.options.onCaughtUp?.(Math.max(after, head));
      // Everything up to `head` was read above, so filtered-out events need not be read again.
      after = Math.max(after, head);
      if (this.generation === seen) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollIntervalMs);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wake = undefined;
        resolve();
      }
      this.wake = done;
    });
  }
}
