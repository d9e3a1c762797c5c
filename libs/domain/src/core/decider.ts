import { Command, Event, Recorded } from './event';
import type { Corrections } from '../corrections/correctable';

/**
 * The pure heart of an aggregate: `decide` turns a command and the current state into new events
 * (or throws a DomainError); `evolve` folds one recorded event into state.
 */
export interface Decider<C extends Command, E extends Event, S> {
  /** Persisted name of the aggregate, also the prefix of its streams (`project-<id>`). */
  readonly name: string;
  readonly commandTypes: readonly C['type'][];
  initialState(): S;
  decide(command: C, state: S): E[];
  evolve(state: S, event: Recorded<E>): S;
  /** The id of the aggregate instance a command addresses (correction commands carry the same id field). */
  streamIdOf(command: C): string;
  /** The commands that correct this aggregate's own events, decided by `decideCorrection` under the same rules. */
  readonly corrections?: Corrections;
}

/** Stream name of one aggregate instance. */
export function streamName(decider: { name: string }, id: string): string {
  return `${decider.name}-${id}`;
}

/** Folds recorded events into state, from the decider's initial state. */
export function fold<E extends Event, S>(decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>, events: readonly Recorded<E>[]): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
