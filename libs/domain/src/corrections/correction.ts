import { Event, Recorded } from '../core/event';

export const CORRECTION_KINDS = ['void', 'amend'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/**
 * A correction of one earlier event, appended to the same stream: `void` says it should not have
 * been recorded, `amend` replaces some of its data fields. The original stays in the log.
 */
export type EventCorrected = Event<
  'EventCorrected',
  { eventId: string; eventType: string; kind: CorrectionKind; changes: Record<string, unknown> | null; reason: string }
>;

/**
 * Facts that no correction touches, whenever it was recorded: an erasure stands (its key is gone).
 * Corrections of them recorded before this rule existed stay in the log and are read as having no effect.
 */
const UNCORRECTABLE: ReadonlySet<string> = new Set(['ParticipantErased']);

export const isEventCorrected = (event: Event): event is EventCorrected => event.type === 'EventCorrected';

/**
 * A stream's events as they should now be read: voided events removed, amendments merged into
 * data (later amendments win), and the corrections themselves left out. Read models and
 * reports fold this, never the raw stream.
 */
export function applyCorrections<E extends Event>(events: readonly Recorded<E>[]): Recorded<E>[] {
  const voided = new Set<string>();
  const amendments = new Map<string, Record<string, unknown>[]>();
  for (const event of events) {
    if (!isEventCorrected(event) || UNCORRECTABLE.has(event.data.eventType)) continue;
    const { eventId, kind, changes } = event.data;
    if (kind === 'void') voided.add(eventId);
    if (kind === 'amend' && changes) amendments.set(eventId, [...(amendments.get(eventId) ?? []), changes]);
  }
  return events
    .filter((event) => !isEventCorrected(event) && !voided.has(event.id))
    .map((event) => {
      const changes = amendments.get(event.id);
      return changes ? { ...event, data: Object.assign({}, event.data, ...changes) } : event;
    });
}
