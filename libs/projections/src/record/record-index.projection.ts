import Database from 'better-sqlite3';
import { dataJsonOf, StoredEvent } from '@coprod/event-store';
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
  dropIndexes(db) {
    db.exec('DROP INDEX IF EXISTS record_by_project; DROP INDEX IF EXISTS record_by_participant; DROP INDEX IF EXISTS record_by_stream;');
  },
  prepare(db: Database.Database) {
    const insert = db.prepare(`INSERT OR IGNORE INTO record_events
      (position, event_id, stream, revision, type, project_id, participant_id, occurred_at, recorded_at, actor_id, actor_role, source, data, hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const streamOwner = db.prepare('SELECT project_id, participant_id FROM record_streams WHERE stream = ?');
    const saveStream = db.prepare('INSERT OR IGNORE INTO record_streams (stream, project_id, participant_id) VALUES (?, ?, ?)');
    // Owners never change once saved, so they are remembered rather than looked up for every event.
    // The runtime prepares again after a failed batch, so nothing rolled back is remembered.
    const owners = new Map<string, Owner>();
    const ownerOf = (stream: string): Owner | undefined => {
      const known = owners.get(stream);
      if (known) return known;
      const saved = streamOwner.get(stream) as Owner | undefined;
      if (saved) remember(stream, saved);
      return saved;
    };
    const remember = (stream: string, owner: Owner) => {
      if (owners.size >= OWNERS_REMEMBERED) owners.clear();
      owners.set(stream, owner);
    };
    return (event: StoredEvent) => {
      const data = event.data as Record<string, unknown>;
      const owner = ownerOf(event.stream);
      const projectId = asId(data.projectId) ?? owner?.project_id ?? null;
      const participantId = asId(data.participantId) ?? asId((data.personal as { subjectId?: unknown } | undefined)?.subjectId) ?? owner?.participant_id ?? null;
      if (!owner) {
        saveStream.run(event.stream, projectId, participantId);
        remember(event.stream, { project_id: projectId, participant_id: participantId });
      }
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
        dataJsonOf(event),
        event.hash,
      );
    };
  },
};

interface Owner {
  project_id: string | null;
  participant_id: string | null;
}

/** Streams whose owner is kept in memory at most; beyond it the memory starts again. */
const OWNERS_REMEMBERED = 200_000;

function asId(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
