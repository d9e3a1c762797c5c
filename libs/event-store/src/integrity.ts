import { createHash } from 'node:crypto';
import { EventToAppend, StoredEvent } from './event-envelope';

/** Hash algorithm of the integrity chain, named in provenance pages and checkpoints. */
export const INTEGRITY_ALGORITHM = 'sha256';

/** The content an event's hash covers: every field of the envelope except the hashes themselves. */
export type HashedContent = Omit<StoredEvent, 'hash'>;

/**
 * Serialises a JSON value with object keys sorted, so equal content always hashes equally,
 * whichever store or language wrote it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return scalarJson(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const field = record[key];
    if (field === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(field)}`;
    first = false;
  }
  return `${out}}`;
}

function scalarJson(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError(`cannot hash a non-finite number (${value})`);
  }
  return JSON.stringify(value) ?? 'null';
}

/** One envelope field as canonicalJson writes it inside an object: `,"key":value`, or nothing when undefined. */
function field(key: string, value: unknown): string {
  if (value === undefined) return '';
  return `,${key}:${typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value)}`;
}

/**
 * The canonical JSON of the envelope a hash covers, written in canonicalJson's sorted key order
 * without sorting: the envelope's keys are fixed, and this runs for every event stored or verified.
 * Must stay byte-identical to canonicalJson of the same object, or stored hashes stop verifying.
 */
function coveredJson(content: HashedContent, dataJson?: string): string {
  const body =
    field('"actor"', content.actor) +
    field('"causationId"', content.causationId) +
    field('"correlationId"', content.correlationId) +
    (dataJson === undefined ? field('"data"', content.data) : `,"data":${dataJson}`) +
    field('"id"', content.id) +
    field('"occurredAt"', content.occurredAt) +
    field('"position"', content.position) +
    field('"prevHash"', content.prevHash) +
    field('"recordedAt"', content.recordedAt) +
    field('"revision"', content.revision) +
    field('"schemaVersion"', content.schemaVersion) +
    field('"source"', content.source) +
    field('"stream"', content.stream) +
    field('"type"', content.type);
  return `{${body.slice(1)}}`;
}

/**
 * The hash of one event, chained to its predecessor's hash. `dataJson`, when the caller already has it,
 * must be canonicalJson(content.data).
 */
export function eventHash(content: HashedContent, dataJson?: string): string {
  return createHash(INTEGRITY_ALGORITHM).update(coveredJson(content, dataJson)).digest('hex');
}

/** Completes an event with its place in the store and its chained hash. */
export function sealEvent(event: EventToAppend, place: EventPlace): StoredEvent {
  return sealEventForStorage(event, place).event;
}

/**
 * sealEvent, also giving the event's data as the canonical JSON its hash covered: a store that keeps
 * the data as text stores that, so each event's data is serialised once.
 */
export function sealEventForStorage(event: EventToAppend, place: EventPlace): { event: StoredEvent; dataJson: string } {
  const content: HashedContent = {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    occurredAt: event.occurredAt,
    actor: { id: event.actor.id, role: event.actor.role },
    source: event.source,
    correlationId: event.correlationId,
    causationId: event.causationId ?? null,
    ...place,
  };
  const dataJson = canonicalJson(content.data);
  return { event: { ...content, hash: eventHash(content, dataJson) }, dataJson };
}

/** Where an event is stored: its stream and revision, global position, recording time and predecessor's hash. */
export interface EventPlace {
  stream: string;
  revision: number;
  position: number;
  recordedAt: string;
  prevHash: string;
}
