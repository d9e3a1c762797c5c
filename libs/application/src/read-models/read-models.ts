import Database from 'better-sqlite3';
import { EventStore } from '@coprod/event-store';
import { ALL_PROJECTIONS, openReadModelDatabase, ProjectionRuntime, RecordReader, RuntimeLogger } from '@coprod/projections';

/** The read-model file, its runtime and its reader, opened together. */
export class ReadModels {
  readonly db: Database.Database;
  readonly runtime: ProjectionRuntime;
  readonly reader: RecordReader;

  constructor(store: EventStore, file: string, logger?: RuntimeLogger) {
    this.db = openReadModelDatabase(file);
    this.runtime = new ProjectionRuntime(store, this.db, ALL_PROJECTIONS, logger);
    this.runtime.start();
    this.reader = new RecordReader(this.db);
  }

  async close(): Promise<void> {
    await this.runtime.stop();
    this.db.close();
  }
}

export const READ_MODELS = Symbol('READ_MODELS');
