import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import Database from 'better-sqlite3';
import { openPrivateDatabase } from '@coprod/event-store';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** One read of personal data: who, what, about whom, when, and by which way in. */
export interface AccessLogEntry {
  at: string;
  actorId: string;
  actorRole: string;
  /** What was read: `subject access`, `participant details`, `internal-audience report`. */
  what: string;
  /** The participant (or, for a report, the project) whose personal data it was. */
  subject: string;
  /** The route or command that read it, such as `GET /api/participants/:participantId/subject-access`. */
  route: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS access_log (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  at         TEXT NOT NULL,
  actor_id   TEXT NOT NULL,
  actor_role TEXT NOT NULL,
  what       TEXT NOT NULL,
  subject    TEXT NOT NULL,
  route      TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS access_log_append_only_update BEFORE UPDATE ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS access_log_append_only_delete BEFORE DELETE ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
`;

/**
 * The log of every read of personal data (subject access, a person's details, reports for the
 * internal audience), kept in its own file beside the record so an auditor can see who looked at whom.
 * Entries are only ever appended. Opened on first use, so a process that reads no personal data never
 * creates the file.
 */
@Injectable()
export class AccessLog implements OnApplicationShutdown {
  private db: Database.Database | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Appends one read; it is durable when this returns. */
  record(entry: Omit<AccessLogEntry, 'at'> & { at?: string }): void {
    this.opened()
      .prepare('INSERT INTO access_log (at, actor_id, actor_role, what, subject, route) VALUES (?, ?, ?, ?, ?, ?)')
      .run(entry.at ?? new Date().toISOString(), entry.actorId, entry.actorRole, entry.what, entry.subject, entry.route);
  }

  /** Entries from `since` (an instant or date, inclusive) onwards, oldest first, at most `limit`. */
  list(options: { since?: string; subject?: string; limit?: number } = {}): AccessLogEntry[] {
    const rows = this.opened()
      .prepare(
        `SELECT at, actor_id, actor_role, what, subject, route FROM access_log
          WHERE at >= ? AND (? IS NULL OR subject = ?) ORDER BY seq LIMIT CAST(? AS INTEGER)`,
      )
      .all(options.since ?? '', options.subject ?? null, options.subject ?? null, options.limit ?? -1) as Array<Record<string, string>>;
    return rows.map((row) => ({
      at: row.at,
      actorId: row.actor_id,
      actorRole: row.actor_role,
      what: row.what,
      subject: row.subject,
      route: row.route,
    }));
  }

  onApplicationShutdown(): void {
    this.db?.close();
    this.db = undefined;
  }

  private opened(): Database.Database {
    if (!this.db) {
      const db = openPrivateDatabase(this.config.accessLogFile);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      db.exec(SCHEMA);
      this.db = db;
    }
    return this.db;
  }
}
