/** Who recorded an event, as authenticated (or as configured for local use). */
export interface Actor {
  id: string;
  role: string;
}

/** Where an event entered the system. */
export type EventSource = 'api' | 'web' | 'cli' | 'import' | 'paper' | 'demo' | 'migration';

/** An event as handed to the store: everything but what the store assigns. */
export interface EventToAppend {
  /** Unique id (a UUID); appending the same id twice to the same stream is recognised as a retry. */
  id: string;
  /** Stable, persisted name in the past tense, e.g. `AttendanceRecorded`. Never a class name. */
  type: string;
  schemaVersion: number;
  /** JSON-serialisable payload; personal fields arrive already encrypted. */
  data: Record<string, unknown>;
  /** When it happened in the world (ISO 8601). */
  occurredAt: string;
  actor: Actor;
  source: EventSource | string;
  correlationId: string;
  causationId: string | null;
  /** Set only when copying history between stores; otherwise the store's clock decides. */
  recordedAt?: string;
}

/** An event as stored: the envelope the architecture promises on every event. */
export interface StoredEvent extends EventToAppend {
  stream: string;
  /** 0-based position within its stream. */
  revision: number;
  /** 1-based position in the store's global order. */
  position: number;
  /** When the store learnt of it (ISO 8601). */
  recordedAt: string;
  /** Integrity hash of the previous event in global order ('' for the first). */
  prevHash: string;
  /** Integrity hash over this event's canonical content and `prevHash`. */
  hash: string;
  /** Where a server-backed store keeps the event in its own log (EventStoreDB `$all` commit and prepare positions). */
  storePosition?: { commit: string; prepare: string };
}

/**
 * A recorded event as every reader sees it: what happened, where it sits in the log, who recorded it
 * and its hash. Read models, histories, traces and reports take this shape or a named view of it.
 */
export interface RecordedEvent {
  position: number;
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  source: string;
  data: Record<string, unknown>;
  hash: string;
}

/** The read-side shape of a stored event. */
export function recordedEventOf(stored: StoredEvent): RecordedEvent {
  return {
    position: stored.position,
    eventId: stored.id,
    stream: stored.stream,
    revision: stored.revision,
    type: stored.type,
    occurredAt: stored.occurredAt,
    recordedAt: stored.recordedAt,
    actor: stored.actor,
    source: stored.source,
    data: stored.data,
    hash: stored.hash,
  };
}
