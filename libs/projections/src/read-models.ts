import Database from 'better-sqlite3';
import { rmSync, statSync } from 'node:fs';
import { EventStore } from '@coprod/event-store';
import { projectsProjection, ProjectsReader } from './record/projects.projection';
import { recordIndexProjection } from './record/record-index.projection';
import { RecordReader } from './record/record-reader';
import { openReadModelDatabase } from './runtime/read-model-database';
import { ProjectionRuntime, RebuildProgress, RuntimeLogger } from './runtime/projection-runtime';

/** Every read model the product keeps. */
export const ALL_PROJECTIONS = [recordIndexProjection, projectsProjection] as const;

/** How often the file is looked at to notice that it was removed or replaced under the process. */
const FILE_WATCH_MS = 1000;
/** The files SQLite keeps beside a database. */
const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/** Which file on disk an open database is: the same path may later name another file. */
interface FileIdentity {
  dev: number;
  ino: number;
}

/** Whether the read-model file is the one this process opened, and if not what happened to it. */
export interface ReadModelFileStatus {
  state: 'ok' | 'missing' | 'replaced' | 'reopening';
  /** The loss this process noticed and is recovering from, until the new file has caught up with the log. */
  recovering?: string;
}

/**
 * The read-model file, its runtime and its readers, opened together. Queries ask the readers; the
 * tables are the projections' own.
 *
 * The file is watched: when it is deleted or replaced under the running process (which would
 * otherwise go on writing into a file nobody can open again), the process opens the file now at the
 * path, creating it if it is gone, and projects the log into it from that file's own checkpoints.
 */
export class ReadModels {
  private database: Database.Database;
  private recordReader: RecordReader;
  private projectsReader: ProjectsReader;
  private version: Database.Statement;
  /** Bumped each time another file is opened, so versions of different files never compare equal. */
  private generation = 0;
  private identity: FileIdentity | undefined;
  private watch: NodeJS.Timeout | undefined;
  private reopening: Promise<void> | undefined;
  private recovering: string | undefined;
  readonly runtime: ProjectionRuntime;

  constructor(
    private readonly store: EventStore,
    private readonly file: string,
    private readonly logger: RuntimeLogger = { log: () => undefined, error: (m) => console.error(m) },
  ) {
    this.database = this.open();
    this.runtime = new ProjectionRuntime(store, this.database, ALL_PROJECTIONS, logger);
    this.runtime.start();
    this.recordReader = new RecordReader(this.database);
    this.projectsReader = new ProjectsReader(this.database);
    this.version = this.database.prepare('PRAGMA data_version').pluck();
    if (file !== ':memory:') {
      this.watch = setInterval(() => void this.checkFile(), FILE_WATCH_MS);
      this.watch.unref();
    }
  }

  /** The file itself, for the runtime and for tests that compare tables. */
  get db(): Database.Database {
    return this.database;
  }

  get reader(): RecordReader {
    return this.recordReader;
  }

  get projects(): ProjectsReader {
    return this.projectsReader;
  }

  /** Changes whenever another connection (another process) commits to the file, or another file is opened. */
  dataVersion(): number {
    return this.generation * 1_000_000_000 + (this.version.get() as number);
  }

  /**
   * Looks at the file on disk now: whether it is still the one open here. A removed or replaced file is
   * reopened and projected again in the background; the answer says so until that is done.
   */
  async fileStatus(): Promise<ReadModelFileStatus> {
    const state = this.reopening ? 'reopening' : this.compareWithDisk();
    if (state !== 'ok' && !this.reopening) void this.checkFile();
    // The reopened file has recovered once it holds every event the log held when it was asked.
    if (this.recovering && state === 'ok' && this.runtime.currentPosition() >= (await this.store.headPosition())) this.recovering = undefined;
    return { state, ...(this.recovering && { recovering: this.recovering }) };
  }

  /** Whether the read models are being rebuilt after their file was lost: what they answer is incomplete meanwhile. */
  isRecovering(): boolean {
    return this.recovering !== undefined || this.reopening !== undefined;
  }

  /**
   * Rebuilds every read model from the whole log into a new file beside the live one, then swaps the
   * rebuilt tables in with one transaction. Until that commit nothing served changes; a rebuild killed
   * part way leaves the live read models as they were. Returns the number of events replayed.
   */
  async rebuildBeside(onProgress?: RebuildProgress): Promise<number> {
    if (this.file === ':memory:') return this.runtime.rebuild(onProgress);
    const beside = `${this.file}.rebuilding`;
    removeDatabaseFiles(beside);
    const side = openReadModelDatabase(beside);
    let count: number;
    try {
      count = await new ProjectionRuntime(this.store, side, ALL_PROJECTIONS, this.logger).rebuild(onProgress);
      side.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      side.close();
    }
    await this.runtime.stop();
    try {
      this.swapIn(beside);
    } finally {
      removeDatabaseFiles(beside);
      await this.runtime.moveTo(this.database);
    }
    return count;
  }

  async close(): Promise<void> {
    if (this.watch) clearInterval(this.watch);
    this.watch = undefined;
    await this.reopening;
    await this.runtime.stop();
    this.database.close();
  }

  /** Replaces every read model's tables, and the checkpoints, with the rebuilt file's, in one transaction. */
  private swapIn(beside: string): void {
    const db = this.database;
    db.prepare('ATTACH DATABASE ? AS rebuilt').run(beside);
    try {
      const tables = db.prepare("SELECT name FROM rebuilt.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
      db.transaction(() => {
        for (const projection of ALL_PROJECTIONS) projection.drop(db);
        for (const projection of ALL_PROJECTIONS) projection.create(db);
        for (const table of tables) {
          const name = `"${table.replace(/"/g, '""')}"`;
          db.exec(`DELETE FROM main.${name}; INSERT INTO main.${name} SELECT * FROM rebuilt.${name}`);
        }
      }).immediate();
    } finally {
      db.exec('DETACH DATABASE rebuilt');
    }
  }

  private open(): Database.Database {
    const db = openReadModelDatabase(this.file);
    this.identity = identityOf(this.file);
    return db;
  }

  private compareWithDisk(): 'ok' | 'missing' | 'replaced' {
    if (!this.identity) return 'ok';
    const now = identityOf(this.file);
    if (!now) return 'missing';
    return now.dev === this.identity.dev && now.ino === this.identity.ino ? 'ok' : 'replaced';
  }

  private checkFile(): Promise<void> {
    if (this.reopening) return this.reopening;
    const state = this.compareWithDisk();
    if (state === 'ok') return Promise.resolve();
    this.reopening = this.reopen(state).finally(() => (this.reopening = undefined));
    return this.reopening;
  }

  private async reopen(state: 'missing' | 'replaced'): Promise<void> {
    const what = state === 'missing' ? 'was removed' : 'was replaced by another file';
    this.recovering = `the read-model file ${this.file} ${what} while the service ran; it was reopened and is being rebuilt from the log`;
    this.logger.error(`${this.recovering}`);
    const previous = this.database;
    try {
      const db = this.open();
      try {
        // Creates the tables the readers prepare their statements against.
        await this.runtime.moveTo(db);
      } finally {
        this.database = db;
      }
      this.generation += 1;
      this.recordReader = new RecordReader(db);
      this.projectsReader = new ProjectsReader(db);
      this.version = db.prepare('PRAGMA data_version').pluck();
    } catch (error) {
      this.logger.error(`the read-model file ${this.file} could not be reopened: ${(error as Error).message}; trying again`);
      // Not the file on disk: the next look opens the path again.
      this.identity = { dev: -1, ino: -1 };
    } finally {
      if (previous !== this.database && previous.open) previous.close();
    }
  }
}

function identityOf(file: string): FileIdentity | undefined {
  try {
    const { dev, ino } = statSync(file);
    return { dev, ino };
  } catch {
    return undefined;
  }
}

function removeDatabaseFiles(file: string): void {
  for (const suffix of COMPANIONS) rmSync(`${file}${suffix}`, { force: true });
}
