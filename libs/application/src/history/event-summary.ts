import type { RecordedEvent } from '@coprod/event-store';
import { isObject } from '@coprod/privacy/cipher/sealed-personal-data';

/** What stands in for a person's sealed details wherever the record is shown without them. */
export interface WithheldPersonalData {
  subjectId: string | null;
  withheld: true;
}

/**
 * An event's data with every `personal` block replaced by the id of the person it is about, so a
 * history or trace can be read by an auditor without opening anyone's details.
 */
export function withoutPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonalData);
  if (!isObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] = key === 'personal' && child !== null && child !== undefined ? withheld(child) : withoutPersonalData(child);
  }
  return copy;
}

function withheld(personal: unknown): WithheldPersonalData {
  const subjectId = isObject(personal) && typeof personal.subjectId === 'string' ? personal.subjectId : null;
  return { subjectId, withheld: true };
}

/** A recorded event as an auditor reads it in a history or a trace: its envelope, and its data with personal details withheld. */
export interface EventView {
  position: number;
  eventId: string;
  stream: string;
  revision: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: string;
  role: string;
  source: string;
  hash: string;
  summary: Record<string, unknown>;
}

export function eventView(event: RecordedEvent): EventView {
  return {
    position: event.position,
    eventId: event.eventId,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor.id,
    role: event.actor.role,
    source: event.source,
    hash: event.hash,
    summary: withoutPersonalData(event.data) as Record<string, unknown>,
  };
}
