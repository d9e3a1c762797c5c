import { EventData, JSONEventType, Position, RecordedEvent, jsonEvent } from '@eventstore/db-client';
import { Actor, EventToAppend } from '../event-envelope';

/**
 * The envelope fields EventStoreDB has no column for, kept in each event's JSON metadata.
 * `$correlationId` and `$causationId` use the server's own names so its projections can follow them.
 * The event's place in the record (global position, revision in the record, hashes) is not here: it is
 * derived from the server's `$all` order by everyone who reads it (see record-index.ts).
 */
export interface EnvelopeMetadata {
  $correlationId: string;
  $causationId?: string;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  source: string;
}

/** What events written by earlier versions also carry: the place and hashes their writer assigned. */
export interface ClaimedPlace {
  position: number;
  prevHash: string;
  hash: string;
}

/** A record event as read back: everything the hash covers except its place in the record. */
export interface RecordedEnvelope extends EventToAppend {
  stream: string;
  recordedAt: string;
  causationId: string | null;
  /** Present on events written before positions were derived from `$all`: what that writer claimed. */
  claimed?: ClaimedPlace;
}

type EnvelopeEvent = JSONEventType<string, Record<string, unknown>, EnvelopeMetadata>;

/** An event as the client appends it: our id (so the server recognises a resent append), type, data, envelope in metadata. */
export function toJsonEvent(event: EventToAppend, recordedAt: string): EventData<EnvelopeEvent> {
  const metadata: EnvelopeMetadata = {
    $correlationId: event.correlationId,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt ?? recordedAt,
    actor: { id: event.actor.id, role: event.actor.role },
    source: event.source,
  };
  if (event.causationId !== null && event.causationId !== undefined) metadata.$causationId = event.causationId;
  return jsonEvent<EnvelopeEvent>({ id: event.id, type: event.type, data: event.data, metadata });
}

/**
 * The bytes the server counts against its MaxAppendSize for these events: data and metadata as the
 * client serialises them, plus two bytes per character of the event type (Event.SizeOnDisk).
 */
export function appendSize(events: readonly EventData[]): number {
  let size = 0;
  for (const event of events) {
    size += Buffer.byteLength(JSON.stringify(event.data), 'utf8');
    if (event.metadata !== undefined) size += Buffer.byteLength(JSON.stringify(event.metadata), 'utf8');
    size += event.type.length * 2;
  }
  return size;
}

/** True for events the server writes for itself: `$` streams and `$` types. */
export function isSystemEvent(record: Pick<RecordedEvent, 'streamId' | 'type'>): boolean {
  return record.streamId.startsWith('$') || record.type.startsWith('$');
}

/**
 * The envelope of a recorded event, or undefined when the event is not part of the record: system
 * events, and events written by other tools without our metadata.
 */
export function envelopeOf(record: RecordedEvent): RecordedEnvelope | undefined {
  if (isSystemEvent(record) || !record.isJson) return undefined;
  const metadata = record.metadata;
  if (!isEnvelopeMetadata(metadata)) return undefined;
  const data = record.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const envelope: RecordedEnvelope = {
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
    recordedAt: metadata.recordedAt,
  };
  const claimed = metadata as Partial<ClaimedPlace>;
  if (Number.isInteger(claimed.position) && typeof claimed.prevHash === 'string' && typeof claimed.hash === 'string') {
    envelope.claimed = { position: claimed.position!, prevHash: claimed.prevHash, hash: claimed.hash };
  }
  return envelope;
}

/** The client's position as the strings `StoredEvent.storePosition` carries (bigints do not survive JSON). */
export function toStorePosition(position: Position): { commit: string; prepare: string } {
  return { commit: position.commit.toString(10), prepare: position.prepare.toString(10) };
}

/** The client's position from a checkpoint the caller kept. */
export function fromStorePosition(position: { commit: string; prepare: string }): Position {
  return { commit: BigInt(position.commit), prepare: BigInt(position.prepare) };
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
    typeof m.source === 'string'
  );
}
