import Database from 'better-sqlite3';
import { openPrivateDatabase } from '@coprod/event-store';

/**
 * Opens the SQLite file that holds keys and tokens, kept apart from the events so that erasing a
 * person never touches the append-only log. Deleted rows are overwritten in place (secure_delete).
 */
export function openSecretsDatabase(file: string): Database.Database {
  const db = openPrivateDatabase(file);
  db.pragma('journal_mode = WAL');
  // better-sqlite3 reopens WAL files as NORMAL; a lost key or token revocation must not be.
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Copies the WAL into the main file and empties it, so no older page (such as a destroyed key) stays in it. */
export function checkpointAndTruncateWal(db: Database.Database): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
  return result === undefined || result.busy === 0;
}
