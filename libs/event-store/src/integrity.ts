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
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`cannot hash a non-finite number (${value})`);
    }
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value as Record<string, unknown>)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

/** The hash of one event, chained to its predecessor's hash. */
export function eventHash(content: HashedContent): string {
  const covered = {
    prevHash: content.prevHash,
    position: content.position,
    stream: content.stream,
    revision: content.revision,
    id: content.id,
    type: content.type,
    schemaVersion: content.schemaVersion,
    data: content.data,
    occurredAt: content.occurredAt,
    recordedAt: content.recordedAt,
    actor: content.actor,
    source: content.source,
    correlationId: content.correlationId,
    causationId: content.causationId,
  };
  return createHash(INTEGRITY_ALGORITHM).update(canonicalJson(covered)).digest('hex');
}

/** Completes an event with its place in the store and its chained hash. */
export function sealEvent(
  event: EventToAppend,
  place: { stream: string; revision: number; position: number; recordedAt: string; prevHash: string },
): StoredEvent {
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
  return { ...content, hash: eventHash(content) };
}
