import Database from 'better-sqlite3';
import { EventStore } from '@coprod/event-store';
import { projectsProjection, ProjectsReader } from './record/projects.projection';
import { recordIndexProjection } from './record/record-index.projection';
import { RecordReader } from './record/record-reader';
import { openReadModelDatabase } from './runtime/read-model-database';
import { ProjectionRuntime, RuntimeLogger } from './runtime/projection-runtime';

/** Every read model the product keeps. */
export const ALL_PROJECTIONS = [recordIndexProjection, projectsProjection] as const;

/**
 * The read-model file, its runtime and its readers, opened together. Queries ask the readers; the
 * tables are the projections' own.
 */
export class ReadModels {
  /** The file itself, for the runtime and for tests that compare tables. */
  readonly db: Database.Database;
  readonly runtime: ProjectionRuntime;
  readonly reader: RecordReader;
  readonly projects: ProjectsReader;
  private readonly version: Database.Statement;

  constructor(store: EventStore, file: string, logger?: RuntimeLogger) {
    this.db = openReadModelDatabase(file);
    this.runtime = new ProjectionRuntime(store, this.db, ALL_PROJECTIONS, logger);
    this.runtime.start();
    this.reader = new RecordReader(this.db);
    this.projects = new ProjectsReader(this.db);
    this.version = this.db.prepare('PRAGMA data_version').pluck();
  }

  /** Changes whenever another connection (another process) commits to the file. */
  dataVersion(): number {
    return this.version.get() as number;
  }

  async close(): Promise<void> {
    await this.runtime.stop();
    this.db.close();
  }
}
