import { Command, Event, Recorded } from '../core/event';
import { conflict, DomainError, notFound, ruleBroken } from '../core/errors';
import { applyCorrections, CorrectionKind, EventCorrected, isEventCorrected } from './correction';

/** One correction command of an aggregate: which of its events it corrects, and how. */
export interface CorrectionRule {
  /** The event type the command corrects. */
  corrects: string;
  kind: CorrectionKind;
  /** For `amend`: the data fields the command may change, named as in the event; the command carries them by the same names. */
  fields?: readonly string[];
}

/**
 * How an aggregate lets its own events be corrected. `rules` names its correction commands;
 * `recordedBy` names, for each event type it checks, the command that records it. A correction is
 * accepted only if every such event from the corrected one onwards would still be recorded by its
 * command on the corrected history: a correction can never produce a state the commands could not.
 */
export interface Corrections {
  readonly rules: Readonly<Record<string, CorrectionRule>>;
  readonly recordedBy: Readonly<Record<string, string>>;
}

/**
 * An aggregate's corrections, checked by the compiler: a rule for every correction command, each
 * correcting one of the aggregate's own events, and the command that records each of its events.
 */
export type CorrectionsOf<Correction extends string, EventType extends string, CommandType extends string> = Corrections & {
  readonly rules: Readonly<Record<Correction, CorrectionRule & { corrects: EventType }>>;
  readonly recordedBy: Readonly<Record<EventType, CommandType>>;
};

/** Every correction command names the event it corrects and says why. */
export type CorrectionData = { eventId: string; reason: string } & Record<string, unknown>;

/** A correction command: the aggregate's id fields, the event it corrects, why, and (to amend) the new values. */
export type CorrectionCommand<Type extends string, Id extends object, Fields extends object = object> = Command<
  Type,
  Id & { eventId: string; reason: string } & Partial<Fields>
>;

type Deciding = {
  name: string;
  initialState(): unknown;
  decide(command: Command, state: unknown): Event[];
  evolve(state: unknown, event: Recorded<Event>): unknown;
  corrections?: Corrections;
};

/**
 * Decides a correction command on the raw history of the aggregate's stream (corrections
 * included). Pure: the history comes from the command handler, time and actor on the command.
 */
export function decideCorrection(decider: Deciding, command: Command, history: readonly Recorded<Event>[]): EventCorrected[] {
  const rule = decider.corrections?.rules[command.type];
  if (!rule) throw new Error(`${command.type} is not a correction of ${decider.name}`);
  const { eventId, reason } = command.data as CorrectionData;
  const target = history.find((event) => event.id === eventId && !isEventCorrected(event));
  if (!target) {
    throw notFound('correction.event_not_found', `${decider.name} has no event ${eventId}; check the event id in the record's history`);
  }
  if (target.type !== rule.corrects) {
    throw ruleBroken('correction.wrong_event', `event ${eventId} is ${target.type}, not ${rule.corrects}: ${command.type} corrects ${rule.corrects} only`);
  }
  const current = applyCorrections(history).find((event) => event.id === eventId);
  if (!current) throw conflict('correction.already_voided', `event ${eventId} (${target.type}) was voided; a voided event cannot be corrected again`);
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw ruleBroken('correction.reason_missing', `correcting event ${eventId} needs a reason: the audit trail says why the record changed`);
  }
  const changes = rule.kind === 'amend' ? changesOf(command, rule, current) : null;
  const correction: EventCorrected = {
    type: 'EventCorrected',
    data: { eventId, eventType: target.type, kind: rule.kind, changes, reason },
    // A correction speaks about the time of the event it corrects: "as of" reports include it exactly when they include the original.
    occurredAt: target.occurredAt,
  };
  checkStillDecidable(decider, command, history, correction);
  return [correction];
}

function changesOf(command: Command, rule: CorrectionRule, current: Recorded<Event>): Record<string, unknown> {
  const data = command.data as Record<string, unknown>;
  const was = current.data as Record<string, unknown>;
  const fields = rule.fields ?? [];
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    // Absent and null both mean "not given": a text is emptied by amending it to "".
    if (data[field] !== undefined && data[field] !== null && JSON.stringify(data[field]) !== JSON.stringify(was[field])) changes[field] = data[field];
  }
  if (Object.keys(changes).length === 0) {
    throw ruleBroken(
      'correction.nothing_changes',
      `${command.type} for event ${current.id} changes nothing: give a new value for at least one of ${fields.join(', ')}`,
    );
  }
  return changes;
}

/**
 * Folds the history as it would read after the correction, re-deciding from the corrected event
 * onwards every event the aggregate knows how to record: each must still be one its command would
 * record on the state before it.
 */
function checkStillDecidable(decider: Deciding, command: Command, history: readonly Recorded<Event>[], correction: EventCorrected): void {
  const proposed: Recorded<Event> = { ...correction, id: `${command.metadata.commandId}:correction`, occurredAt: correction.occurredAt!, recordedAt: command.metadata.now };
  const corrected = applyCorrections([...history, proposed]);
  const targetIndex = history.findIndex((event) => event.id === correction.data.eventId);
  const recordedBy = decider.corrections?.recordedBy ?? {};
  let state = decider.initialState();
  for (const event of corrected) {
    const commandType = recordedBy[event.type];
    if (commandType && history.findIndex((e) => e.id === event.id) >= targetIndex) {
      try {
        decider.decide({ type: commandType, data: event.data, metadata: command.metadata }, state);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const which = event.id === correction.data.eventId ? `the corrected ${event.type}` : `${event.type} ${event.id}, recorded after it,`;
        throw new DomainError(
          error.kind === 'not_found' ? 'conflict' : error.kind,
          error.code,
          `${command.type} refused: ${which} would break a rule of the record: ${error.message}`,
        );
      }
    }
    state = decider.evolve(state, event);
  }
}
