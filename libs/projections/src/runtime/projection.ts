import Database from 'better-sqlite3';
import { StoredEvent } from '@coprod/event-store';

/**
 * A read model fed from the log. `apply` runs inside the runtime's transaction, together with the
 * checkpoint, so each event changes a read model exactly once.
 */
export interface Projection {
  readonly name: string;
  /** Bump when the tables or their meaning change: the runtime then rebuilds from the log. */
  readonly version: number;
  /** Creates the tables (idempotent). */
  create(db: Database.Database): void;
  /** Drops the tables. */
  drop(db: Database.Database): void;
  /** Drops secondary indexes so a rebuild loads faster; `create` makes them again. */
  dropIndexes?(db: Database.Database): void;
  /** Prepares statements once the tables exist. Returns the function applying one event. */
  prepare(db: Database.Database): (event: StoredEvent) => void;
}
