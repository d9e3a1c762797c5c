import Database from 'better-sqlite3';
import { EventStore, StoredEvent, Subscription } from '@coprod/event-store';
import { Projection } from './projection';

const BATCH = 2000;
/** Events read and applied per transaction during a rebuild. */
const REBUILD_PAGE = 20_000;

export interface RuntimeLogger {
  log(message: string): void;
  error(message: string): void;
}

/** Progress of a rebuild, for a progress bar. */
export type RebuildProgress = (done: number, total: number) => void;

/**
 * Feeds every read model from the store's subscription. Events are applied in batches; each batch,
 * and the checkpoint it reaches, is one SQLite transaction, so a crash leaves the read models
 * exactly at a checkpoint and a restart carries on from there.
 */
export class ProjectionRuntime {
  private subscription: Subscription | undefined;
  private appliers: ((event: StoredEvent) => void)[] = [];
  private buffer: StoredEvent[] = [];
  private flushScheduled = false;
  private position = 0;
  private waiters: { position: number; resolve: () => void }[] = [];
  private failure: Error | undefined;
  private readonly commitBatch: (events: StoredEvent[]) => void;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly projections: readonly Projection[],
    private readonly logger: RuntimeLogger = { log: () => undefined, error: (m) => console.error(m) },
  ) {
    const saveCheckpoint = db.prepare('INSERT OR REPLACE INTO checkpoints (projection, version, position) VALUES (?, ?, ?)');
    const commit = db.transaction((events: StoredEvent[]) => {
      for (const event of events) for (const apply of this.appliers) apply(event);
      const last = events[events.length - 1].position;
      for (const projection of this.projections) saveCheckpoint.run(projection.name, projection.version, last);
    });
    this.commitBatch = (events) => {
      try {
        commit(events);
      } catch (error) {
        // Appliers may remember what they wrote; the batch was rolled back, so start them afresh.
        this.appliers = this.projections.map((p) => p.prepare(this.db));
        throw error;
      }
    };
  }

  /** Prepares the read models (rebuilding any whose version changed) and starts following the log. */
  start(): void {
    const stale = this.prepareTables();
    if (stale.length > 0) this.logger.log(`read models ${stale.join(', ')} changed version: rebuilding from the log`);
    this.position = this.checkpoint();
    this.follow();
  }

  /** Stops following the log, applying what was already received. */
  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
    this.flush();
  }

  /** Global position every read model has reached. */
  currentPosition(): number {
    return this.position;
  }

  /**
   * Resolves once every read model includes the event at `position` (read-your-writes), or
   * rejects after `timeoutMs` so a caller is never left waiting on a stalled projection.
   */
  waitFor(position: number, timeoutMs = 5000): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.position >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`read models reached position ${this.position} but not ${position} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      this.waiters.push(waiter);
    });
  }

  /**
   * Drops every read model and rebuilds it from the whole log. Returns the number of events replayed.
   * Following (if it was running) resumes afterwards.
   */
  async rebuild(onProgress?: RebuildProgress): Promise<number> {
    const following = this.subscription !== undefined;
    await this.stop();
    this.db.transaction(() => {
      for (const projection of this.projections) projection.drop(this.db);
      this.db.prepare('DELETE FROM checkpoints').run();
    })();
    this.prepareTables();
    // Loading into unindexed tables and indexing once at the end is cheaper than keeping every index current.
    for (const projection of this.projections) projection.dropIndexes?.(this.db);
    const total = await this.store.headPosition();
    let after = 0;
    let done = 0;
    onProgress?.(0, total);
    try {
      for (;;) {
        const page = await this.store.readAll({ after, maxCount: REBUILD_PAGE });
        if (page.length === 0) break;
        this.commitBatch(page);
        after = page[page.length - 1].position;
        done += page.length;
        onProgress?.(Math.min(after, total), total);
      }
    } finally {
      for (const projection of this.projections) projection.create(this.db);
    }
    this.position = this.checkpoint();
    this.release();
    if (following) this.follow();
    return done;
  }

  private follow(): void {
    this.failure = undefined;
    this.subscription = this.store.subscribeToAll({
      after: this.position,
      onEvent: (event) => {
        this.buffer.push(event);
        if (this.buffer.length >= BATCH) this.flush();
        else this.scheduleFlush();
      },
      onCaughtUp: () => this.flush(),
      onError: (error) => {
        this.failure = error;
        this.logger.error(`read models stopped at position ${this.position}: ${error.message}`);
      },
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.buffer.length === 0) return;
    const events = this.buffer;
    this.buffer = [];
    this.commitBatch(events);
    this.position = events[events.length - 1].position;
    this.release();
  }

  private release(): void {
    const ready = this.waiters.filter((w) => w.position <= this.position);
    this.waiters = this.waiters.filter((w) => w.position > this.position);
    for (const waiter of ready) waiter.resolve();
  }

  /** Creates tables; drops and recreates those whose version changed. Returns the stale ones. */
  private prepareTables(): string[] {
    const rows = this.db.prepare('SELECT projection, version FROM checkpoints').all() as { projection: string; version: number }[];
    const versions = new Map(rows.map((r) => [r.projection, r.version]));
    const stale = this.projections.filter((p) => versions.has(p.name) && versions.get(p.name) !== p.version);
    const missing = this.projections.filter((p) => !versions.has(p.name));
    // A changed or new read model needs the whole log; the others are rebuilt alongside to share one checkpoint.
    if (stale.length > 0 || (missing.length > 0 && rows.length > 0)) {
      this.db.transaction(() => {
        for (const projection of this.projections) projection.drop(this.db);
        this.db.prepare('DELETE FROM checkpoints').run();
      })();
    }
    for (const projection of this.projections) projection.create(this.db);
    this.appliers = this.projections.map((p) => p.prepare(this.db));
    return stale.map((p) => p.name);
  }

  private checkpoint(): number {
    const row = this.db.prepare('SELECT MIN(position) AS position FROM checkpoints').get() as { position: number | null };
    return row.position ?? 0;
  }
}
