import { Event } from './event';

/**
 * One event of a record as the read side folds it: corrections already applied, with its id and
 * where it sits in the log. Typed by the event it carries, so a renamed field breaks every fold
 * that reads it.
 */
export type Fact<E extends Event> = E extends Event
  ? Readonly<{ eventId: string; type: E['type']; position: number; occurredAt: string; data: E['data'] }>
  : never;

/**
 * A feature's fold of its own events into the facts it owns, for reading. `eventTypes` names every
 * event of the feature, so the compiler refuses a fold that forgets one; `apply` switches over them.
 */
export interface FactFold<E extends Event, F> {
  /** The facts before any event. */
  empty(): F;
  /** Folds one event into facts built fresh for this answer. */
  readonly apply: (facts: F, event: Fact<E>) => void;
  readonly eventTypes: Readonly<Record<E['type'], true>>;
}
