import { Command, Event, Recorded } from './event';
import type { Corrections } from '../corrections/correctable';
import type { ProjectIdClaimsOf } from './project-id-claim';

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
  /**
   * Commands decided on the stream's whole history as stored (corrections included, personal data still sealed)
   * instead of the folded state, like corrections: erasing a version's words must reach a voided version too.
   */
  readonly historyDeciders?: { readonly [T in C['type']]?: (command: Extract<C, { type: T }>, history: readonly Recorded<Event>[]) => E[] };
  /** The other records each command names, which must exist (and people not be erased) before it is decided. */
  readonly references?: ReferencesOf<C>;
  /** The ids each command records that must not be recorded already in the project, by this aggregate or another. */
  readonly claims?: ProjectIdClaimsOf<C>;
  /** The permission each command needs where it is more than `record`. A correction needs the permission of the command that recorded what it corrects. */
  readonly permissions?: { readonly [T in C['type']]?: CommandPermission };
}

/** What a command may need beyond `record`: moving money, erasing a person, shaping a project. */
export type CommandPermission = 'record' | 'manage_projects' | 'approve_expenses' | 'pay_expenses' | 'erase';

/** Another record a command names: it must exist; a person must not have been erased. */
export interface RecordReference {
  /**
   * The aggregate's persisted name, e.g. `participant`; or `contribution`, which has no stream of its own: it is
   * found by its id among the contributions recorded at activities, and belongs to its activity's project.
   */
  aggregate: 'project' | 'participant' | 'activity' | 'decision' | 'contribution';
  id: string;
  /** When given, the record must also belong to this project (its first event names it): nothing is filed under another project. */
  ofProject?: string;
  /**
   * When given, the record must belong to the same project as this other record, for a command that does not
   * name its project (an influence names its decision, whose record names the project).
   */
  ofProjectOf?: { aggregate: 'decision'; id: string };
}

export type ReferencesOf<C extends Command> = { readonly [T in C['type']]?: (data: Extract<C, { type: T }>['data']) => readonly RecordReference[] };

/** References to each id in a list, and to an optional id only when it is given. */
export const referencesTo = (aggregate: RecordReference['aggregate'], ids: readonly (string | null | undefined)[]): RecordReference[] =>
  ids.filter((id): id is string => typeof id === 'string' && id !== '').map((id) => ({ aggregate, id }));

/** Stream name of one aggregate instance. */
export function streamName(decider: { name: string }, id: string): string {
  return `${decider.name}-${id}`;
}

/** Folds recorded events into state, from the decider's initial state. */
export function fold<E extends Event, S>(decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>, events: readonly Recorded<E>[]): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
