import Database from 'better-sqlite3';
import { StoredEvent } from '@coprod/event-store';
import { Projection } from '../runtime/projection';

/**
 * The involvement record indexed by project and by participant: every figure for a project is
 * computed from its own rows, so its cost follows the project's events, not the store's size.
 * Personal fields stay sealed here exactly as in the log.
 */
export const recordIndexProjection: Projection = {
  name: 'record_index',
  version: 1,
  create(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS record_events (
        position       INTEGER PRIMARY KEY,
        event_id       TEXT NOT NULL UNIQUE,
        stream         TEXT NOT NULL,
        revision       INTEGER NOT NULL,
        type           TEXT NOT NULL,
        project_id     TEXT,
        participant_id TEXT,
        occurred_at    TEXT NOT NULL,
        recorded_at    TEXT NOT NULL,
        actor_id       TEXT NOT NULL,
        actor_role     TEXT NOT NULL,
        source         TEXT NOT NULL,
        data           TEXT NOT NULL,
        hash           TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS record_by_project ON record_events (project_id, position);
      CREATE INDEX IF NOT EXISTS record_by_participant ON record_events (participant_id, position);
      CREATE INDEX IF NOT EXISTS record_by_stream ON record_events (stream, position);
      CREATE TABLE IF NOT EXISTS record_streams (
        stream         TEXT PRIMARY KEY,
        project_id     TEXT,
        participant_id TEXT
      );
    `);
  },
  drop(db) {
    db.exec('DROP TABLE IF EXISTS record_events; DROP TABLE IF EXISTS record_streams;');
  },
  prepare(db: Database.Database) {
    const insert = db.prepare(`INSERT OR IGNORE INTO record_events
      (position, event_id, stream, revision, type, project_id, participant_id, occurred_at, recorded_at, actor_id, actor_role, source, data, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const streamOwner = db.prepare('SELECT project_id, participant_id FROM record_streams WHERE stream = ?');
    const saveStream = db.prepare('INSERT OR IGNORE INTO record_streams (stream, project_id, participant_id) VALUES (?, ?, ?)');
    return (event: StoredEvent) => {
      const data = event.data as Record<string, unknown>;
      const owner = streamOwner.get(event.stream) as { project_id: string | null; participant_id: string | null } | undefined;
      const projectId = asId(data.projectId) ?? owner?.project_id ?? null;
      const participantId = asId(data.participantId) ?? asId((data.personal as { subjectId?: unknown } | undefined)?.subjectId) ?? owner?.participant_id ?? null;
      if (!owner) saveStream.run(event.stream, projectId, participantId);
      insert.run(
        event.position,
        event.id,
        event.stream,
        event.revision,
        event.type,
        projectId,
        participantId,
        event.occurredAt,
        event.recordedAt,
        event.actor.id,
        event.actor.role,
        event.source,
        JSON.stringify(event.data),
        event.hash,
      );
    };
  },
};

function asId(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
