import {
  ANY,
  AppendExpectedRevision,
  EventData,
  JSONEventType,
  NO_STREAM,
  Position,
  RecordedEvent,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  jsonEvent,
} from '@eventstore/db-client';
import { Actor, StoredEvent } from '../event-envelope';
import { ExpectedRevision } from '../event-store.port';
import { WrongExpectedRevisionError } from '../errors';

/**
 * The envelope fields EventStoreDB has no column for, kept in each event's JSON metadata.
 * `$correlationId` and `$causationId` use the server's own names so its projections can follow them.
 */
export interface EnvelopeMetadata {
  $correlationId: string;
  $causationId?: string;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  source: string;
  position: number;
  prevHash: string;
  hash: string;
}

type EnvelopeEvent = JSONEventType<string, Record<string, unknown>, EnvelopeMetadata>;

/** A sealed event as the client appends it: our id (so the server deduplicates a retry), type, data, envelope in metadata. */
export function toJsonEvent(event: StoredEvent): EventData<EnvelopeEvent> {
  const metadata: EnvelopeMetadata = {
    $correlationId: event.correlationId,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: { id: event.actor.id, role: event.actor.role },
    source: event.source,
    position: event.position,
    prevHash: event.prevHash,
    hash: event.hash,
  };
  if (event.causationId !== null && event.causationId !== undefined) metadata.$causationId = event.causationId;
  return jsonEvent<EnvelopeEvent>({ id: event.id, type: event.type, data: event.data, metadata });
}

/**
 * The stored envelope of a recorded event, or undefined when the event is not part of this record:
 * system events (`$` streams or types), and events written by other tools without our metadata.
 */
export function fromRecordedEvent(record: RecordedEvent & { position?: Position }): StoredEvent | undefined {
  if (record.streamId.startsWith('$') || record.type.startsWith('$') || !record.isJson) return undefined;
  const metadata = record.metadata;
  if (!isEnvelopeMetadata(metadata)) return undefined;
  const data = record.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const stored: StoredEvent = {
    id: record.id,
    type: record.type,
    schemaVersion: metadata.schemaVersion,
    data: data as Record<string, unknown>,
    occurredAt: metadata.occurredAt,
    actor: { id: metadata.actor.id, role: metadata.actor.role },
    source: metadata.source,
    correlationId: metadata.$correlationId,
    causationId: metadata.$causationId ?? null,
    stream: record.streamId,
    revision: Number(record.revision),
    position: metadata.position,
    recordedAt: metadata.recordedAt,
    prevHash: metadata.prevHash,
    hash: metadata.hash,
  };
  if (record.position) stored.storePosition = toStorePosition(record.position);
  return stored;
}

/** The client's position as the strings `StoredEvent.storePosition` carries (bigints do not survive JSON). */
export function toStorePosition(position: Position): { commit: string; prepare: string } {
  return { commit: position.commit.toString(10), prepare: position.prepare.toString(10) };
}

/** The client's position from a checkpoint the caller kept. */
export function fromStorePosition(position: { commit: string; prepare: string }): Position {
  return { commit: BigInt(position.commit), prepare: BigInt(position.prepare) };
}

/** Our expected revision in the client's terms. */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return BigInt(expected);
  }
}

/** The server's refusal as our error, stating what the caller expected and where the stream really is. */
export function toWrongExpectedRevisionError(
  error: WrongExpectedVersionError,
  expected: ExpectedRevision,
): WrongExpectedRevisionError {
  const actual = error.actualVersion === NO_STREAM ? 'no_stream' : Number(error.actualVersion);
  return new WrongExpectedRevisionError(error.streamName, expected, actual);
}

function isEnvelopeMetadata(value: unknown): value is EnvelopeMetadata {
  if (!value || typeof value !== 'object' || value instanceof Uint8Array) return false;
  const m = value as Partial<EnvelopeMetadata>;
  return (
    typeof m.$correlationId === 'string' &&
    Number.isInteger(m.schemaVersion) &&
    typeof m.occurredAt === 'string' &&
    typeof m.recordedAt === 'string' &&
    typeof m.actor?.id === 'string' &&
    typeof m.actor?.role === 'string' &&
    typeof m.source === 'string' &&
    Number.isInteger(m.position) &&
    typeof m.prevHash === 'string' &&
    typeof m.hash === 'string'
  );
}
