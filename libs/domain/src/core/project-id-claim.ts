import { Command } from './event';
import { conflict } from './errors';

/**
 * An id a command records that names one thing of its project, whichever aggregate records it: a proposal
 * not adopted may be recorded on a decision or on the project, and the project's one list of them must hold
 * each id once. An aggregate sees only its own stream, so the ids recorded on other streams are looked up
 * before the command is decided (as references are) and `refuseIdRecordedBefore` says whether it may be.
 */
export interface ProjectIdClaim {
  /** What the id names, as a refusal says it: `proposal`. */
  what: string;
  id: string;
  /** The event types that record such an id (in the data's `idField`, with the project in its `projectId`), at every level. */
  recordedBy: readonly string[];
  idField: string;
  /** How a recorded one is described in a refusal: `recorded as not adopted`. */
  recordedAs: string;
  /** The project the id must be unused in, for a command that names its project. */
  ofProject?: string;
  /** Otherwise the project of this record, for a command that names only its decision. */
  ofProjectOf?: { aggregate: 'decision'; id: string };
  /** The refusal's code: the one the aggregate gives for a repeat on its own record, so a client meets one code per command. */
  code: string;
}

export type ProjectIdClaimsOf<C extends Command> = {
  readonly [T in C['type']]?: (data: Extract<C, { type: T }>['data']) => readonly ProjectIdClaim[];
};

/** One recording of a claimed id still standing (not voided): where it was recorded, and in which project. */
export interface IdRecorded {
  projectId: string;
  /** The stream that holds it, `<aggregate>-<id>`: the record the refusal names. */
  stream: string;
  eventId: string;
}

/**
 * Refuses a claimed id already recorded in `projectId` (at any level, the command's own record included), naming
 * the id and the record that holds it first. History recorded before ids were claimed across levels may hold
 * an id twice; it stays valid, and only a further recording of that id is refused.
 */
export function refuseIdRecordedBefore(claim: ProjectIdClaim, projectId: string, recorded: readonly IdRecorded[]): void {
  const first = recorded.find((r) => r.projectId === projectId);
  if (!first) return;
  const separator = first.stream.indexOf('-');
  const aggregate = first.stream.slice(0, separator);
  const id = first.stream.slice(separator + 1);
  // Only recordings in this project are here, so a project stream is the project itself.
  const where = aggregate === 'project' ? `project ${projectId}` : `${aggregate} ${id} of project ${projectId}`;
  throw conflict(claim.code, `${claim.what} ${claim.id} is already ${claim.recordedAs} on ${where}; use a new id or correct that event`);
}
