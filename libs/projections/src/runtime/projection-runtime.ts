import Database from 'better-sqlite3';
import { EventStore, StoredEvent, Subscription } from '@coprod/event-store';
import { retryWhileLocked } from './lock-retry';
import { Projection } from './projection';
import { StoredCheckpoints } from './stored-checkpoints';

const BATCH = 2000;
/** Events read and applied per transaction during a rebuild. */
const REBUILD_PAGE = 20_000;
/** How often a read-your-writes wait looks whether another process has projected the awaited events. */
const WAIT_POLL_MS = 100;
/** How long stopping keeps retrying a locked file; what is left is projected at the next start. */
const STOP_PATIENCE_MS = 10_000;
/** Start-up creates tables synchronously before anything is served, so it may wait longer for the lock. */
const START_BUSY_TIMEOUT_MS = 5000;
/** First pause before following again after a failure; it doubles with each failure in a row. */
const RESUME_FIRST_MS = 500;
/** Longest pause between two attempts to follow again: a freed disk is noticed within this. */
const RESUME_MAX_MS = 15_000;

export interface RuntimeLogger {
  log(message: string): void;
  error(message: string): void;
}

/** Progress of a rebuild, for a progress bar. */
export type RebuildProgress = (done: number, total: number) => void;

/** Where the projections stand, for health checks: following the log, waiting to try again after a failure, or stopped. */
export interface RuntimeStatus {
  state: 'following' | 'retrying' | 'stopped';
  /** Position every read model has reached. */
  position: number;
  /** The failure that stopped following, while it is not yet resolved. */
  failure?: string;
  /** Failures in a row since the projections last committed. */
  failedAttempts: number;
  /** When following is tried again (ISO 8601), while retrying. */
  nextAttemptAt?: string;
}

/** What one batch commit found in the file and did. */
interface Committed {
  /** Position every read model has reached once the commit is done, whoever applied the events. */
  reached: number;
  /** The file's checkpoint was behind the batch's start: another process reset the read models. */
  behind: boolean;
}

/**
 * Feeds every read model from the store's subscription. Events are applied in batches; each batch,
 * and the checkpoint it reaches, is one SQLite transaction, so a crash leaves the read models
 * exactly at a checkpoint and a restart carries on from there.
 *
 * Several processes (the server and a CLI command) may project into one file. Each commit takes the
 * write lock first, re-reads the stored checkpoints and applies only the events after them, so an
 * event another process already applied is skipped, never applied twice. A locked file is retried.
 */
export class ProjectionRuntime {
  private subscription: Subscription | undefined;
  /** Bumped for each subscription, so a replaced one's late deliveries are ignored. */
  private generation = 0;
  private appliers: ((event: StoredEvent) => void)[] = [];
  private buffer: StoredEvent[] = [];
  private flushScheduled = false;
  /** Last position the subscription delivered and this process committed: the next batch starts after it. */
  private cursor = 0;
  /** Position every read model in the file is known to include, projected here or by another process. */
  private position = 0;
  private waiters: { position: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  private waitPoll: NodeJS.Timeout | undefined;
  private failure: Error | undefined;
  private stopping = false;
  /** Whether the runtime is meant to be following the log (between start and stop). */
  private wanted = false;
  private failedAttempts = 0;
  private resumeTimer: NodeJS.Timeout | undefined;
  private nextAttemptAt: Date | undefined;
  /** Commits run one after another: each starts from the position the previous one reached. */
  private committing: Promise<void> = Promise.resolve();
  private checkpoints!: StoredCheckpoints;
  private commitOnce!: (events: StoredEvent[], after: number) => Committed;

  constructor(
    private readonly store: EventStore,
    private db: Database.Database,
    private readonly projections: readonly Projection[],
    private readonly logger: RuntimeLogger = { log: () => undefined, error: (m) => console.error(m) },
  ) {
    this.bind(db);
  }

  /**
   * Projects into another file from now on (the read-model file was removed or replaced): stops
   * following, then starts again from the new file's own checkpoints, rebuilding what it lacks.
   */
  async moveTo(db: Database.Database): Promise<void> {
    await this.stop();
    this.bind(db);
    this.start();
  }

  /** Where the projections stand; see RuntimeStatus. */
  status(): RuntimeStatus {
    const state = !this.wanted ? 'stopped' : this.failure ? 'retrying' : 'following';
    return {
      state,
      position: this.position,
      ...(this.failure && { failure: this.failure.message }),
      failedAttempts: this.failedAttempts,
      ...(this.nextAttemptAt && { nextAttemptAt: this.nextAttemptAt.toISOString() }),
    };
  }

  private bind(db: Database.Database): void {
    this.db = db;
    this.checkpoints = new StoredCheckpoints(db);
    const commit = db.transaction((events: StoredEvent[], after: number) => this.applyAfterStored(events, after));
    this.commitOnce = (events, after) => {
      try {
        // IMMEDIATE takes the write lock before the checkpoints are read, so no other process can
        // commit between that read and these writes.
        return commit.immediate(events, after);
      } catch (error) {
        // Appliers may remember what they wrote; the batch was rolled back, so start them afresh.
        this.appliers = this.projections.map((p) => p.prepare(this.db));
        throw error;
      }
    };
  }

  /** Prepares the read models (rebuilding any whose version changed) and starts following the log. */
  start(): void {
    const stale = this.withStartPatience(() => this.prepareTables());
    if (stale.length > 0) this.logger.log(`read models ${stale.join(', ')} changed version: rebuilding from the log`);
    this.position = this.cursor = this.withStartPatience(() => this.checkpoints.reachedBy(this.projections));
    this.wanted = true;
    this.follow();
  }

  /** Stops following the log, applying what was already received. */
  async stop(): Promise<void> {
    this.wanted = false;
    this.cancelResume();
    this.stopping = true;
    const subscription = this.subscription;
    this.subscription = undefined;
    try {
      await subscription?.close();
      await this.flush();
    } catch (error) {
      this.logger.error(`read models stopped at position ${this.position}: ${(error as Error).message}; the rest is projected at the next start`);
    } finally {
      this.stopping = false;
      this.stopWaitPoll();
    }
  }

  /** Global position every read model has reached. */
  currentPosition(): number {
    return this.position;
  }

  /**
   * Resolves once every read model includes the event at `position` (read-your-writes), whether this
   * process or another one sharing the file projected it, or rejects after `timeoutMs` so a caller is
   * never left waiting on a stalled projection.
   */
  waitFor(position: number, timeoutMs = 5000): Promise<void> {
    // Only when this process has not projected that far is the file asked whether another process has.
    if (this.position >= position) return Promise.resolve();
    this.catchUpWithFile();
    if (this.position >= position) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        if (this.waiters.length === 0) this.stopWaitPoll();
        reject(new Error(`read models reached position ${this.position} but not ${position} within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        position,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
      this.startWaitPoll();
    });
  }

  /**
   * Drops every read model and rebuilds it from the whole log. Returns the number of events replayed.
   * Following (if it was running) resumes afterwards.
   */
  async rebuild(onProgress?: RebuildProgress): Promise<number> {
    const following = this.wanted;
    await this.stop();
    const reset = this.db.transaction(() => {
      for (const projection of this.projections) projection.drop(this.db);
      this.checkpoints.clear();
    });
    await this.retryWhileLocked(() => reset.immediate(), 0);
    await this.retryWhileLocked(() => this.prepareTables(), 0);
    // Loading into unindexed tables and indexing once at the end is cheaper than keeping every index current.
    await this.retryWhileLocked(() => this.projections.forEach((p) => p.dropIndexes?.(this.db)), 0);
    const total = await this.store.headPosition();
    let after = 0;
    let done = 0;
    onProgress?.(0, total);
    try {
      for (;;) {
        const page = await this.store.readAll({ after, maxCount: REBUILD_PAGE });
        if (page.length === 0) break;
        // Another process projecting meanwhile may have moved the checkpoint on (or reset it): read on from there.
        after = (await this.commit(page, after)).reached;
        done += page.length;
        onProgress?.(Math.min(after, total), total);
      }
    } finally {
      await this.retryWhileLocked(() => this.projections.forEach((p) => p.create(this.db)), after);
    }
    this.position = this.cursor = this.checkpoints.reachedBy(this.projections);
    this.release();
    if (following) {
      this.wanted = true;
      this.follow();
    }
    return done;
  }

  private follow(): void {
    this.failure = undefined;
    this.buffer = [];
    if (this.waiters.length > 0) this.startWaitPoll();
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.subscription = this.store.subscribeToAll({
      after: this.cursor,
      onEvent: async (event) => {
        if (!current()) return;
        this.buffer.push(event);
        if (this.buffer.length >= BATCH) await this.flush();
        else this.scheduleFlush();
      },
      onCaughtUp: () => {
        if (current()) this.flushInBackground();
      },
      onError: (error) => {
        if (current()) this.fail(error);
      },
    });
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.generation += 1;
    this.failedAttempts += 1;
    void this.subscription?.close().catch(() => undefined);
    this.subscription = undefined;
    const waiting = this.waiters;
    this.waiters = [];
    this.stopWaitPoll();
    for (const waiter of waiting) waiter.reject(error);
    if (!this.wanted) {
      this.logger.error(`read models stopped at position ${this.position}: ${error.message}`);
      return;
    }
    // A full disk or a locked file passes; following again from the stored checkpoint loses nothing.
    const pause = Math.min(RESUME_FIRST_MS * 2 ** (this.failedAttempts - 1), RESUME_MAX_MS);
    this.nextAttemptAt = new Date(Date.now() + pause);
    this.logger.error(`read models stopped at position ${this.position}: ${error.message}; trying again in ${pause} ms (attempt ${this.failedAttempts})`);
    this.resumeTimer = setTimeout(() => this.resume(), pause);
    this.resumeTimer.unref();
  }

  /** Follows the log again from what the file holds, after a failure stopped it. */
  private resume(): void {
    this.resumeTimer = undefined;
    this.nextAttemptAt = undefined;
    if (!this.wanted) return;
    try {
      // What the failed batch may have remembered was rolled back with it.
      this.appliers = this.projections.map((p) => p.prepare(this.db));
      this.position = this.cursor = this.checkpoints.reachedBy(this.projections);
    } catch (error) {
      this.failure = undefined;
      this.fail(error as Error);
      return;
    }
    this.logger.log(`read models following the log again from position ${this.position}`);
    this.follow();
  }

  private cancelResume(): void {
    if (this.resumeTimer) clearTimeout(this.resumeTimer);
    this.resumeTimer = undefined;
    this.nextAttemptAt = undefined;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flushInBackground());
  }

  private flushInBackground(): void {
    this.flush().catch((error: Error) => this.fail(error));
  }

  private flush(): Promise<void> {
    this.flushScheduled = false;
    const run = this.committing.then(() => this.drain());
    this.committing = run.catch(() => undefined);
    return run;
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const events = this.buffer;
      this.buffer = [];
      let committed: Committed;
      try {
        committed = await this.commit(events, this.cursor);
      } catch (error) {
        // What arrived while this batch was retried follows it: applied without it, it would leave a gap.
        this.buffer = [];
        throw error;
      }
      if (committed.behind) {
        this.rewind(committed.reached);
        return;
      }
      this.cursor = events[events.length - 1].position;
      this.failedAttempts = 0;
      this.advance(committed.reached);
    }
  }

  /** The read models in the file are behind what this process committed: project again from where they are. */
  private rewind(to: number): void {
    this.logger.log(`read models in the file were reset to position ${to} by another process: projecting again from there`);
    this.buffer = [];
    this.position = this.cursor = to;
    // Cached facts (such as a stream's owner) may name rows the reset removed.
    this.appliers = this.projections.map((p) => p.prepare(this.db));
    if (!this.subscription || this.failure) return;
    // Not awaited: this may run inside the old subscription's own delivery.
    void this.subscription.close().catch(() => undefined);
    this.follow();
  }

  /** Applies the events the file's checkpoints have not reached yet, and moves the checkpoints on. Runs in the commit transaction. */
  private applyAfterStored(events: StoredEvent[], after: number): Committed {
    const stored = this.checkpoints.positionsOf(this.projections);
    const lowest = stored.length > 0 ? Math.min(...stored) : after;
    // Applying this batch over older tables would leave the events between them out.
    if (lowest < after) return { reached: lowest, behind: true };
    for (const event of events) {
      for (let i = 0; i < this.appliers.length; i += 1) if (event.position > stored[i]) this.appliers[i](event);
    }
    const last = events[events.length - 1].position;
    this.projections.forEach((projection, i) => {
      if (last > stored[i]) this.checkpoints.save(projection, last);
    });
    return { reached: Math.max(lowest, last), behind: false };
  }

  private commit(events: StoredEvent[], after: number): Promise<Committed> {
    return this.retryWhileLocked(() => this.commitOnce(events, after), after);
  }

  private retryWhileLocked<T>(attempt: () => T, position: number): Promise<T> {
    return retryWhileLocked(attempt, {
      onFirstRefusal: (error) =>
        this.logger.log(`read models waiting at position ${position}: another process holds the read-model file (${error.message}); retrying`),
      giveUp: (lockedForMs) => this.stopping && lockedForMs >= STOP_PATIENCE_MS,
    });
  }

  /** Moves the known position on to what the file's checkpoints show, releasing waiters another process satisfied. */
  private catchUpWithFile(): void {
    try {
      this.advance(this.checkpoints.reachedBy(this.projections));
    } catch {
      // A locked or closing file: the waiter's own timeout still bounds the wait.
    }
  }

  private advance(position: number): void {
    if (position <= this.position) return;
    this.position = position;
    this.release();
  }

  private release(): void {
    const ready = this.waiters.filter((w) => w.position <= this.position);
    this.waiters = this.waiters.filter((w) => w.position > this.position);
    for (const waiter of ready) waiter.resolve();
    if (this.waiters.length === 0) this.stopWaitPoll();
  }

  private startWaitPoll(): void {
    if (this.waitPoll) return;
    this.waitPoll = setInterval(() => this.catchUpWithFile(), WAIT_POLL_MS);
    this.waitPoll.unref();
  }

  private stopWaitPoll(): void {
    if (this.waitPoll) clearInterval(this.waitPoll);
    this.waitPoll = undefined;
  }

  /** Creates tables; drops and recreates those whose version changed. Returns the stale ones. */
  private prepareTables(): string[] {
    const versions = this.checkpoints.versions();
    const stale = this.projections.filter((p) => versions.has(p.name) && versions.get(p.name) !== p.version);
    const missing = this.projections.filter((p) => !versions.has(p.name));
    // A changed or new read model needs the whole log; the others are rebuilt alongside to share one checkpoint.
    if (stale.length > 0 || (missing.length > 0 && versions.size > 0)) {
      this.db.transaction(() => {
        for (const projection of this.projections) projection.drop(this.db);
        this.checkpoints.clear();
      }).immediate();
    }
    for (const projection of this.projections) projection.create(this.db);
    this.appliers = this.projections.map((p) => p.prepare(this.db));
    return stale.map((p) => p.name);
  }

  private withStartPatience<T>(work: () => T): T {
    const previous = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma(`busy_timeout = ${Math.max(previous, START_BUSY_TIMEOUT_MS)}`);
    try {
      return work();
    } finally {
      this.db.pragma(`busy_timeout = ${previous}`);
    }
  }
}
