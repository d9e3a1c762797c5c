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

/** What a correction needs to know about one event of the stream: its original data. */
export interface CorrectableEvent {
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
  voided: boolean;
}

export type CorrectionState =
  | { status: 'empty' }
  | { status: 'recorded'; events: Record<string, CorrectableEvent> };

export const initialCorrectionState = (): CorrectionState => ({ status: 'empty' });

export const isEventCorrected = (event: Event): event is EventCorrected => event.type === 'EventCorrected';

/** Folds any event of any stream; corrections mark what they voided. */
export function evolveCorrection(state: CorrectionState, event: Recorded<Event>): CorrectionState {
  const events = state.status === 'recorded' ? { ...state.events } : {};
  events[event.id] = { type: event.type, data: { ...event.data }, occurredAt: event.occurredAt, voided: false };
  if (isEventCorrected(event) && event.data.kind === 'void') {
    const target = events[event.data.eventId];
    if (target) events[event.data.eventId] = { ...target, voided: true };
  }
  return { status: 'recorded', events };
}

/**
 * A stream's events as they should now be read: voided events removed, amendments merged into
 * data (later amendments win), and the corrections themselves left out. Read models and
 * reports fold this, never the raw stream.
 */
export function applyCorrections<E extends Event>(events: readonly Recorded<E>[]): Recorded<E>[] {
  const voided = new Set<string>();
  const amendments = new Map<string, Record<string, unknown>[]>();
  for (const event of events) {
    if (!isEventCorrected(event)) continue;
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
