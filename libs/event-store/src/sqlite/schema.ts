import { StoredEvent } from '../event-envelope';

/** The events table. Positions come from AUTOINCREMENT so a position is never reused. */
export const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position        INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT    NOT NULL UNIQUE,
  stream          TEXT    NOT NULL,
  revision        INTEGER NOT NULL,
  type            TEXT    NOT NULL,
  schema_version  INTEGER NOT NULL,
  data            TEXT    NOT NULL,
  occurred_at     TEXT    NOT NULL,
  recorded_at     TEXT    NOT NULL,
  actor_id        TEXT    NOT NULL,
  actor_role      TEXT    NOT NULL,
  source          TEXT    NOT NULL,
  correlation_id  TEXT    NOT NULL,
  causation_id    TEXT,
  prev_hash       TEXT    NOT NULL,
  hash            TEXT    NOT NULL,
  UNIQUE (stream, revision)
);
CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
`;

/** One row of the events table, as better-sqlite3 returns it. */
export interface EventRow {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  occurred_at: string;
  recorded_at: string;
  actor_id: string;
  actor_role: string;
  source: string;
  correlation_id: string;
  causation_id: string | null;
  prev_hash: string;
  hash: string;
}

/** The data's JSON text as read from the table, kept (non-enumerable) on events this store read. */
const STORED_DATA_JSON = Symbol('stored data JSON');

/**
 * The event's data as JSON text: the stored text when the event was read from this store (a
 * read model that only keeps the data need not serialise it again), otherwise serialised now.
 */
export function dataJsonOf(event: StoredEvent): string {
  return (event as { [STORED_DATA_JSON]?: string })[STORED_DATA_JSON] ?? JSON.stringify(event.data);
}

export function rowToEvent(row: EventRow): StoredEvent {
  const event: StoredEvent = {
    position: row.position,
    id: row.id,
    stream: row.stream,
    revision: row.revision,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as Record<string, unknown>,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actor: { id: row.actor_id, role: row.actor_role },
    source: row.source,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
  // Non-enumerable, so a copy made with spread or JSON never carries text that no longer matches its data.
  Object.defineProperty(event, STORED_DATA_JSON, { value: row.data });
  return event;
}
