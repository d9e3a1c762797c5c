import Database from 'better-sqlite3';
import type { Event, Recorded } from '@coprod/domain';
import type { RecordedEvent } from '@coprod/event-store';

/** One event of the record as the index holds it (personal fields still sealed): the read-side shape, with the project and person it is about. */
export interface RecordRow extends RecordedEvent {
  projectId: string | null;
  participantId: string | null;
}

/** A recorded event as the domain folds it: the one conversion every reader uses. */
export function recordedOf(event: Pick<RecordedEvent, 'eventId' | 'type' | 'data' | 'occurredAt' | 'recordedAt'>): Recorded<Event> {
  return { id: event.eventId, type: event.type, data: event.data, occurredAt: event.occurredAt, recordedAt: event.recordedAt };
}

interface Row {
  position: number;
  event_id: string;
  stream: string;
  revision: number;
  type: string;
  project_id: string | null;
  participant_id: string | null;
  occurred_at: string;
  recorded_at: string;
  actor_id: string;
  actor_role: string;
  source: string;
  data: string;
  hash: string;
}

const toRecordRow = (r: Row): RecordRow => ({
  position: r.position,
  eventId: r.event_id,
  stream: r.stream,
  revision: r.revision,
  type: r.type,
  projectId: r.project_id,
  participantId: r.participant_id,
  occurredAt: r.occurred_at,
  recordedAt: r.recorded_at,
  actor: { id: r.actor_id, role: r.actor_role },
  source: r.source,
  data: JSON.parse(r.data) as Record<string, unknown>,
  hash: r.hash,
});

/** Reads a project's record from the index: its own events and those of the people who took part. */
export class RecordReader {
  private readonly projectEvents: Database.Statement;
  private readonly participantEvents: Database.Statement;
  private readonly streamEvents: Database.Statement;
  private readonly participantAll: Database.Statement;
  private readonly lastPosition: Database.Statement;
  private readonly newest: Database.Statement;
  private readonly recordedBy: Database.Statement;

  constructor(db: Database.Database) {
    this.projectEvents = db.prepare('SELECT * FROM record_events WHERE project_id = ? AND position <= ? ORDER BY position');
    this.participantEvents = db.prepare(
      'SELECT * FROM record_events WHERE participant_id = ? AND project_id IS NULL AND position <= ? ORDER BY position',
    );
    this.participantAll = db.prepare('SELECT * FROM record_events WHERE participant_id = ? AND position <= ? ORDER BY position');
    this.streamEvents = db.prepare('SELECT * FROM record_events WHERE stream = ? AND position <= ? ORDER BY position');
    this.lastPosition = db.prepare('SELECT MAX(position) AS position FROM record_events');
    this.newest = db.prepare('SELECT position, recorded_at AS recordedAt FROM record_events ORDER BY position DESC LIMIT 1');
    this.recordedBy = db.prepare('SELECT MAX(position) AS position FROM record_events WHERE recorded_at <= ?');
  }

  /** The project's events up to `knownAt`, plus the participant records of everyone they mention. */
  projectRecord(projectId: string, knownAt = Number.MAX_SAFE_INTEGER): RecordRow[] {
    const own = (this.projectEvents.all(projectId, knownAt) as Row[]).map(toRecordRow);
    const people = new Set<string>();
    for (const row of own) {
      if (row.participantId) people.add(row.participantId);
      const ids = row.data.participantIds;
      if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') people.add(id);
    }
    const theirs = [...people].flatMap((id) => (this.participantEvents.all(id, knownAt) as Row[]).map(toRecordRow));
    return [...own, ...theirs].sort((a, b) => a.position - b.position);
  }

  /** Every event about one participant, wherever it was recorded. */
  participantRecord(participantId: string, knownAt = Number.MAX_SAFE_INTEGER): RecordRow[] {
    return (this.participantAll.all(participantId, knownAt) as Row[]).map(toRecordRow);
  }

  streamRecord(stream: string, knownAt = Number.MAX_SAFE_INTEGER): RecordRow[] {
    return (this.streamEvents.all(stream, knownAt) as Row[]).map(toRecordRow);
  }

  /** The newest event indexed: its position and when it was recorded; undefined while the record is empty. */
  head(): { position: number; recordedAt: string } | undefined {
    return this.newest.get() as { position: number; recordedAt: string } | undefined;
  }

  /** The last position recorded at or before an instant (0 when none was). */
  positionRecordedBy(instant: string): number {
    return (this.recordedBy.get(instant) as { position: number | null }).position ?? 0;
  }

  /** Highest position indexed (0 when empty). */
  indexedPosition(): number {
    return (this.lastPosition.get() as { position: number | null }).position ?? 0;
  }
}
