import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, EventStore, EventStoreUnavailableError, eventHash, IntegrityFailedError } from '@coprod/event-store';
import { createCheckpoint, verifyChain } from '@coprod/privacy';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { IntegritySettings, integritySettings } from './integrity-settings';

/** A point of the chain known to verify: the event at `position` has `hash`. */
interface VerifiedPoint {
  position: number;
  hash: string;
}

/** Where the running service's integrity checks stand. */
export interface IntegrityStatus {
  state: 'checking' | 'verified' | 'failed';
  verifiedTo: VerifiedPoint;
  /** The first break found; once found, the service stays degraded until it is restarted on a sound record. */
  failure?: { position: number; problem: string; detectedAt: string };
  lastSweepAt?: string;
  lastCheckpoint?: { position: number; file: string; createdAt: string };
  /** Why the last automatic checkpoint could not be signed. */
  checkpointProblem?: string;
}

/**
 * Verifies the integrity chain while the service runs: at start from the last verified point (kept
 * outside the event file), then every event as it arrives, and the whole chain again at an interval.
 * A break degrades the service: writes are refused, reports carry a notice, readiness says so.
 * With the organisation's key configured, a signed checkpoint of the verified head is written at an
 * interval, outside the event file.
 */
@Injectable()
export class IntegrityWatch implements OnApplicationShutdown {
  readonly settings: IntegritySettings;
  private readonly logger = new Logger('Integrity');
  private status_: IntegrityStatus = { state: 'checking', verifiedTo: { position: 0, hash: '' } };
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<void> = Promise.resolve();
  private started = false;
  private lastSignedPosition = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = integritySettings(config.dataDir);
  }

  /** Starts watching (the serving process only; a one-off command does not). */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.status_.verifiedTo = this.readVerifiedPoint();
    this.refuseWritesWhileBroken();
    const s = this.settings;
    void this.queue(() => this.checkNew());
    if (s.sweepMinutes > 0) void this.queue(() => this.sweep());
    if (s.checkpointKeyFile) void this.queue(() => this.signCheckpoint());
    this.every(s.checkIntervalMs, () => this.checkNew());
    if (s.sweepMinutes > 0) this.every(s.sweepMinutes * 60_000, () => this.sweep());
    if (s.checkpointKeyFile) this.every(s.checkpointSeconds * 1000, () => this.signCheckpoint());
  }

  status(): IntegrityStatus {
    return { ...this.status_ };
  }

  /** The notice every report carries while the chain is broken, or undefined when it verifies. */
  failureNotice(): string | undefined {
    const failure = this.status_.failure;
    return failure
      ? `Integrity check failed at position ${failure.position}: ${failure.problem}. Figures in this report may rest on altered records.`
      : undefined;
  }

  /** Runs the checks due now and waits for them (tests, and readiness right after start). */
  async checkNow(): Promise<IntegrityStatus> {
    await this.queue(() => this.checkNew());
    return this.status();
  }

  /** Signs a checkpoint of the verified head now, if a signing key is configured. */
  async checkpointNow(): Promise<IntegrityStatus> {
    await this.queue(() => this.checkNew());
    await this.queue(() => this.signCheckpoint());
    return this.status();
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  /**
   * Every write of this process reaches the store's append, whichever way it came in (API, pages,
   * imports): while the chain is broken, that is where it is refused.
   */
  private refuseWritesWhileBroken(): void {
    const append = this.store.append.bind(this.store);
    this.store.append = (stream, events, options) => {
      const failure = this.status_.failure;
      return failure ? Promise.reject(new IntegrityFailedError(failure.position, failure.problem)) : append(stream, events, options);
    };
  }

  private every(ms: number, work: () => Promise<void>): void {
    const timer = setInterval(() => void this.queue(work), ms);
    timer.unref();
    this.timers.push(timer);
  }

  /** Checks run one at a time, each from where the last left off. */
  private queue(work: () => Promise<void>): Promise<void> {
    const run = this.running.then(async () => {
      if (this.status_.failure) return;
      try {
        await work();
      } catch (error) {
        // An unreachable store or a locked file says nothing about the chain: try again next time.
        if (!(error instanceof EventStoreUnavailableError)) this.logger.warn(`integrity check could not run: ${(error as Error).message}`);
      }
    });
    this.running = run;
    return run;
  }

  /** Verifies what was recorded since the last verified point, after making sure that point is still there. */
  private async checkNew(): Promise<void> {
    const point = this.status_.verifiedTo;
    if (point.position > 0) {
      const head = await this.store.headPosition();
      if (head < point.position) {
        return this.fail(
          head + 1,
          `the log ends at position ${head} but position ${point.position} was verified earlier: events were removed from the end`,
        );
      }
      const [event] = await this.store.readAll({ after: point.position - 1, maxCount: 1 });
      if (!event || event.position !== point.position)
        return this.fail(point.position, `the event verified at position ${point.position} is no longer there: events were removed`);
      const { hash, ...content } = event;
      if (hash !== point.hash || eventHash(content) !== hash) {
        return this.fail(point.position, 'the event there changed after it was verified: history was rewritten');
      }
    }
    const chain = await verifyChain(this.store, { from: point.position > 0 ? point : undefined, yieldBetweenPages: true });
    if (!chain.ok) return this.fail(chain.firstBreak.position, chain.firstBreak.problem);
    this.verified(chain.head);
  }

  /** Verifies the whole chain from the start: finds an edit before the last verified point. */
  private async sweep(): Promise<void> {
    const chain = await verifyChain(this.store, { yieldBetweenPages: true });
    if (!chain.ok) return this.fail(chain.firstBreak.position, chain.firstBreak.problem);
    this.status_.lastSweepAt = new Date().toISOString();
    if (chain.head.position >= this.status_.verifiedTo.position) this.verified(chain.head);
  }

  private async signCheckpoint(): Promise<void> {
    const { checkpointKeyFile, checkpointDir } = this.settings;
    const point = this.status_.verifiedTo;
    if (!checkpointKeyFile || point.position === 0 || point.position <= this.lastSignedPosition) return;
    try {
      const checkpoint = await createCheckpoint(this.store, readFileSync(checkpointKeyFile, 'utf8'), { upTo: point.position });
      mkdirSync(checkpointDir, { recursive: true, mode: 0o700 });
      const file = join(checkpointDir, `checkpoint-${String(checkpoint.position).padStart(10, '0')}.json`);
      writeAtomically(file, `${JSON.stringify(checkpoint, null, 2)}\n`);
      writeAtomically(join(checkpointDir, 'latest.json'), `${JSON.stringify(checkpoint, null, 2)}\n`);
      this.lastSignedPosition = checkpoint.position;
      this.status_.lastCheckpoint = { position: checkpoint.position, file, createdAt: checkpoint.createdAt };
      this.status_.checkpointProblem = undefined;
      this.logger.log(`signed checkpoint at position ${checkpoint.position} written to ${file}`);
    } catch (error) {
      this.status_.checkpointProblem = `the checkpoint could not be signed with ${checkpointKeyFile}: ${(error as Error).message}`;
      this.logger.error(this.status_.checkpointProblem);
    }
  }

  private verified(head: VerifiedPoint): void {
    this.status_.state = 'verified';
    if (head.position === this.status_.verifiedTo.position && head.hash === this.status_.verifiedTo.hash) return;
    this.status_.verifiedTo = { position: head.position, hash: head.hash };
    try {
      writeAtomically(this.settings.verifiedPointFile, `${JSON.stringify(this.status_.verifiedTo)}\n`);
    } catch (error) {
      this.logger.warn(`the verified point could not be kept in ${this.settings.verifiedPointFile}: ${(error as Error).message}`);
    }
  }

  private fail(position: number, problem: string): void {
    this.status_.state = 'failed';
    this.status_.failure = { position, problem, detectedAt: new Date().toISOString() };
    this.logger.error(
      `integrity check failed at position ${position}: ${problem}; writes are refused until the record is restored and the service restarted`,
    );
  }

  private readVerifiedPoint(): VerifiedPoint {
    try {
      const point = JSON.parse(readFileSync(this.settings.verifiedPointFile, 'utf8')) as VerifiedPoint;
      if (Number.isInteger(point.position) && point.position >= 0 && typeof point.hash === 'string') return point;
      this.logger.warn(`${this.settings.verifiedPointFile} does not hold a verified point: verifying from the start`);
    } catch {
      // First start, or the file was removed: verify from the start.
    }
    return { position: 0, hash: '' };
  }
}

/** Writes beside the file and renames over it, so a crash never leaves half a file. */
function writeAtomically(file: string, text: string): void {
  const partial = `${file}.partial`;
  writeFileSync(partial, text, { mode: 0o600 });
  renameSync(partial, file);
}
