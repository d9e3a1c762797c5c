import Database from 'better-sqlite3';
import session from 'express-session';
import { randomBytes } from 'node:crypto';
import { openPrivateDatabase } from '@coprod/event-store';

/**
 * express-session's store in a SQLite file of its own in the data folder (0600): sessions survive a
 * restart, expire on their own, and never share a file with the record.
 */
export class SqliteSessionStore extends session.Store {
  private readonly db: Database.Database;
  private readonly statements: {
    get: Database.Statement;
    set: Database.Statement;
    destroy: Database.Statement;
    touch: Database.Statement;
    sweep: Database.Statement;
  };

  constructor(file: string) {
    super();
    this.db = openPrivateDatabase(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS sessions (sid TEXT PRIMARY KEY, data TEXT NOT NULL, expires INTEGER NOT NULL)');
    this.db.exec('CREATE TABLE IF NOT EXISTS secret (id INTEGER PRIMARY KEY CHECK (id = 1), value TEXT NOT NULL)');
    this.db.prepare('INSERT OR IGNORE INTO secret (id, value) VALUES (1, ?)').run(randomBytes(32).toString('base64'));
    this.statements = {
      get: this.db.prepare('SELECT data FROM sessions WHERE sid = ? AND expires > ?'),
      set: this.db.prepare(
        'INSERT INTO sessions (sid, data, expires) VALUES (?, ?, ?) ON CONFLICT(sid) DO UPDATE SET data = excluded.data, expires = excluded.expires',
      ),
      destroy: this.db.prepare('DELETE FROM sessions WHERE sid = ?'),
      touch: this.db.prepare('UPDATE sessions SET expires = ? WHERE sid = ?'),
      sweep: this.db.prepare('DELETE FROM sessions WHERE expires <= ?'),
    };
  }

  override get(sid: string, callback: (error: unknown, session?: session.SessionData | null) => void): void {
    this.run(callback, () => {
      const row = this.statements.get.get(sid, Date.now()) as { data: string } | undefined;
      return row ? (JSON.parse(row.data) as session.SessionData) : null;
    });
  }

  override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void): void {
    this.run(callback, () => {
      this.statements.set.run(sid, JSON.stringify(data), expiry(data));
      this.statements.sweep.run(Date.now());
    });
  }

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    this.run(callback, () => this.statements.destroy.run(sid));
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    this.run(callback, () => this.statements.touch.run(expiry(data), sid));
  }

  /** The key that signs session cookies: made once per data folder, kept beside the sessions. */
  secret(): string {
    return (
      this.db.prepare('SELECT value FROM secret WHERE id = 1').get() as {
        value: string;
      }
    ).value;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private run<T>(callback: ((error: unknown, value?: T) => void) | undefined, work: () => T): void {
    let value: T;
    try {
      value = work();
    } catch (error) {
      callback?.(error);
      return;
    }
    callback?.(null, value);
  }
}

function expiry(data: session.SessionData): number {
  const expires = data.cookie?.expires;
  return expires ? new Date(expires).getTime() : Date.now() + 30 * 60_000;
}
