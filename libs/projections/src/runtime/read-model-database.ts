import Database from 'better-sqlite3';
import { openPrivateDatabase } from '@coprod/event-store';

/** How long one statement waits, blocking, for another connection's write lock on the read-model file. */
const READ_MODEL_BUSY_TIMEOUT_MS = 100;
/** Opening may wait longer: nothing is being served yet. */
const OPENING_BUSY_TIMEOUT_MS = 5000;

/**
 * Opens the read-model file, kept beside (not inside) the event store. Read models are derived and
 * rebuildable, so NORMAL sync is enough: WAL keeps each transaction atomic across a crash, and lets
 * readers in other processes (the server while a CLI command projects) read while one writes.
 */
export function openReadModelDatabase(file: string): Database.Database {
  const db = openPrivateDatabase(file);
  db.pragma(`busy_timeout = ${OPENING_BUSY_TIMEOUT_MS}`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    position   INTEGER NOT NULL
  )`);
  // SQLite's busy wait blocks the whole process, so from here on it only covers another process's
  // short commits; the projection runtime waits out longer locks with timers and retries.
  db.pragma(`busy_timeout = ${READ_MODEL_BUSY_TIMEOUT_MS}`);
  return db;
}
