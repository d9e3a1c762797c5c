import { EventToAppend } from './event-envelope';
import { ExpectedRevision } from './event-store.port';
import { InvalidEventError } from './errors';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Refuses an envelope that no adapter should store, naming the first problem found. */
export function validateEventToAppend(event: EventToAppend): void {
  const problem = findProblem(event);
  if (problem) throw new InvalidEventError(`event ${event?.id ?? '(no id)'} of type ${event?.type ?? '(no type)'}: ${problem}`);
}

function findProblem(event: EventToAppend): string | undefined {
  if (!event || typeof event !== 'object') return 'is not an object';
  if (typeof event.id !== 'string' || event.id.trim() === '') return 'id must be a non-empty string';
  if (typeof event.type !== 'string' || !/^[A-Za-z][A-Za-z0-9.]*$/.test(event.type)) return 'type must be a name such as AttendanceRecorded';
  if (!Number.isInteger(event.schemaVersion) || event.schemaVersion < 1) return 'schemaVersion must be a whole number of at least 1';
  if (!event.data || typeof event.data !== 'object' || Array.isArray(event.data)) return 'data must be a JSON object';
  if (!isInstant(event.occurredAt)) return `occurredAt must be an ISO 8601 instant, got ${String(event.occurredAt)}`;
  if (event.recordedAt !== undefined && !isInstant(event.recordedAt)) return `recordedAt must be an ISO 8601 instant, got ${String(event.recordedAt)}`;
  if (!event.actor || typeof event.actor.id !== 'string' || event.actor.id === '' || typeof event.actor.role !== 'string' || event.actor.role === '') {
    return 'actor must have an id and a role';
  }
  if (typeof event.source !== 'string' || event.source === '') return 'source must be named';
  if (typeof event.correlationId !== 'string' || event.correlationId === '') return 'correlationId must be a non-empty string';
  if (event.causationId !== null && event.causationId !== undefined && typeof event.causationId !== 'string') return 'causationId must be a string or null';
  return undefined;
}

function isInstant(value: unknown): boolean {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/** Whether a stream at `actual` satisfies what the caller expected of it. */
export function revisionMatches(expected: ExpectedRevision, actual: number | 'no_stream'): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default:
      return actual === expected;
  }
}

/** What an adapter adds to the shared rules: a stream name or event id its server cannot hold. */
export interface AdapterRules {
  streamProblem?(stream: string): string | undefined;
  eventIdProblem?(id: string): string | undefined;
}

/**
 * Refuses an append no adapter should store, before anything is written: an empty stream name, an
 * impossible expected revision, an invalid envelope, an id used twice in the same append, or whatever
 * the adapter's own rules name.
 */
export function validateAppend(stream: string, events: readonly EventToAppend[], expected: ExpectedRevision, rules: AdapterRules = {}): void {
  if (typeof stream !== 'string' || stream.trim() === '') throw new InvalidEventError('stream name must be a non-empty string');
  const streamProblem = rules.streamProblem?.(stream);
  if (streamProblem) throw new InvalidEventError(`stream ${stream}: ${streamProblem}`);
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
    throw new InvalidEventError(`expected revision must be a whole number of at least 0, got ${expected}`);
  }
  const ids = new Set<string>();
  for (const event of events) {
    validateEventToAppend(event);
    const idProblem = rules.eventIdProblem?.(event.id);
    if (idProblem) throw new InvalidEventError(`event id ${event.id} ${idProblem}`);
    if (ids.has(event.id)) throw new InvalidEventError(`event id ${event.id} appears twice in one append`);
    ids.add(event.id);
  }
}
