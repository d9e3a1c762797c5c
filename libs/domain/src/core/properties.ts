import fc from 'fast-check';
import { decideCorrection } from '../corrections/correctable';
import { applyCorrections, EventCorrected, isEventCorrected } from '../corrections/correction';
import { Decider } from './decider';
import { DomainError } from './errors';
import { Command, CommandMetadata, Event, Recorded } from './event';

/**
 * Test support for property-based specs: random commands, regular and correcting, sent to an
 * in-memory store the way the command handler sends them, with the aggregate's invariants checked
 * on the record after every step.
 */

type Actor = CommandMetadata['actor'];

/** Who sends commands in a run. Two accounts are linked to participants p-1 and p-2, so claimants act too. */
export const ACTORS: readonly Actor[] = [
  { id: 'j.smith', role: 'evaluation_lead' },
  { id: 'a.khan', role: 'finance_officer' },
  { id: 'b.patel', role: 'finance_officer' },
  { id: 'c.jones', role: 'evaluation_lead', participantId: 'p-2' },
  { id: 'p-1', role: 'participant', participantId: 'p-1' },
];

/** A command as generated: its type, data and sender; the run gives it an id and a time. */
export type Request = { type: string; data: Record<string, unknown>; actor: Actor };

/** One command type with its data, sent by any of ACTORS. */
export function request(type: string, data: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Request> {
  return fc.record({ type: fc.constant(type), data, actor: fc.constantFrom(...ACTORS) });
}

/** Mostly a valid value, sometimes an invalid one: refusals are exercised without starving the valid paths. */
export function mostly<T>(valid: readonly T[], invalid: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: fc.constantFrom(...invalid) });
}

/** Mostly the first id, sometimes another: most commands meet on one stream, some start a second. */
export const ids = (first: string, ...others: string[]): fc.Arbitrary<string> =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(first) }, { weight: 1, arbitrary: fc.constantFrom(first, ...others) });

/** Why a correction is made: sometimes blank, which must be refused. */
export const reason = mostly(['Entered against the wrong session', 'Typed from the wrong sign-in sheet'], ['', '   ']);

/**
 * The event a correction names, resolved when the command is sent: `@n` is the n-th event of the
 * type the correction corrects, `#n` the n-th event of the stream, whatever it is (both modulo
 * their count), so most corrections name a real event and some name the wrong one.
 */
export const eventRef = fc.oneof(
  { weight: 6, arbitrary: fc.nat(20).map((n) => `@${n}`) },
  { weight: 2, arbitrary: fc.nat(40).map((n) => `#${n}`) },
  { weight: 1, arbitrary: fc.constant('no-such-event') },
);

/** A stream after a step: everything appended, and what a reader sees (`applyCorrections`). */
export interface StreamView<E extends Event> {
  id: string;
  raw: readonly Recorded<E | EventCorrected>[];
  read: readonly Recorded<E>[];
}

/** Throws with `message` unless `condition` holds. */
export function invariant(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`invariant broken: ${message}`);
}

/** Whole number from `min` to `max`. */
export const isWholeBetween = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

export const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

/** Each correction names an earlier, non-correction event of the same type it says, and nothing is corrected once voided. */
export function correctionsStayFinal(raw: readonly Recorded<Event>[]): void {
  const voided = new Set<string>();
  raw.forEach((event, index) => {
    if (!isEventCorrected(event)) return;
    const { eventId, eventType, kind } = event.data;
    const target = raw.findIndex((e) => e.id === eventId);
    invariant(target >= 0 && target < index && !isEventCorrected(raw[target]), `correction ${event.id} names ${eventId}, which is not an earlier event of the stream`);
    invariant(raw[target].type === eventType, `correction ${event.id} says ${eventId} is ${eventType}, but it is ${raw[target].type}`);
    invariant(!voided.has(eventId), `event ${eventId} was corrected by ${event.id} after it had been voided`);
    if (kind === 'void') voided.add(eventId);
  });
}

const shown = (data: unknown): string =>
  JSON.stringify(data, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : value));

/**
 * Sends each request to its stream as the command handler does: a regular command is decided on the
 * stream folded from `applyCorrections`, a correction by `decideCorrection` on the whole stream. The
 * events are appended with ids; a DomainError records nothing. Anything else thrown is a bug and
 * fails the run, as does `check`, which sees the stream the step addressed. The error lists the steps.
 */
export function runRequests<C extends Command, E extends Event, S>(
  decider: Decider<C, E, S>,
  requests: readonly Request[],
  check: (stream: StreamView<E>) => void,
): void {
  const streams = new Map<string, Recorded<E | EventCorrected>[]>();
  const steps: string[] = [];
  const failed = (error: unknown) =>
    new Error(`${error instanceof Error ? error.message : String(error)}\nsteps:\n${steps.join('\n')}`, { cause: error });
  requests.forEach(({ type, data, actor }, step) => {
    const now = new Date(Date.UTC(2026, 2, 1, 12, step)).toISOString();
    const metadata: CommandMetadata = { commandId: `cmd-${step + 1}`, now, actor };
    const correcting = decider.corrections?.rules[type] !== undefined;
    const id = decider.streamIdOf({ type, data, metadata } as unknown as C);
    const history = streams.get(id) ?? [];
    const eventId = correcting ? resolve(data.eventId, history, decider.corrections!.rules[type].corrects) : undefined;
    const command = { type, data: correcting ? { ...data, eventId } : data, metadata } as unknown as C;
    let outcome: string;
    try {
      const events: Event[] = correcting
        ? decideCorrection(decider as unknown as Parameters<typeof decideCorrection>[0], command, history)
        : decider.decide(command, applyCorrections(history as Recorded<E>[]).reduce((s, e) => decider.evolve(s, e), decider.initialState()));
      const recorded = events.map((event, i) => ({ ...event, id: `${metadata.commandId}.${i}`, occurredAt: event.occurredAt ?? now, recordedAt: now }));
      streams.set(id, [...history, ...(recorded as Recorded<E | EventCorrected>[])]);
      outcome = `recorded ${recorded.map((e) => `${e.type} ${e.id}`).join(', ')}`;
    } catch (error) {
      if (!(error instanceof DomainError)) {
        steps.push(`${metadata.commandId} ${actor.id} ${type} ${shown(command.data)} -> threw`);
        throw failed(error);
      }
      outcome = `refused (${error.code})`;
    }
    steps.push(`${metadata.commandId} ${actor.id} ${type} ${shown(command.data)} -> ${outcome}`);
    const raw = streams.get(id) ?? [];
    try {
      check({ id, raw, read: applyCorrections(raw) as Recorded<E>[] });
    } catch (error) {
      throw failed(error);
    }
  });
}

function resolve(eventId: unknown, history: readonly Recorded<Event>[], corrects: string): unknown {
  const ref = typeof eventId === 'string' ? /^([@#])(\d+)$/.exec(eventId) : null;
  if (!ref) return eventId;
  const candidates = ref[1] === '@' ? history.filter((event) => event.type === corrects) : history;
  return candidates.length === 0 ? eventId : candidates[Number(ref[2]) % candidates.length].id;
}

/**
 * Runs 200 sequences of up to 30 requests, checking after every step. A sequence opens with one to
 * three `opening` requests (the commands that start a stream), so most runs reach the later commands.
 */
export function checkInvariants<C extends Command, E extends Event, S>(
  decider: Decider<C, E, S>,
  { opening, requests }: { opening: fc.Arbitrary<Request>; requests: fc.Arbitrary<Request> },
  check: (stream: StreamView<E>) => void,
): void {
  const sequences = fc
    .tuple(fc.array(opening, { minLength: 1, maxLength: 3 }), fc.array(requests, { maxLength: 27, size: 'max' }))
    .map(([first, then]) => [...first, ...then]);
  fc.assert(
    fc.property(sequences, (sent) => runRequests(decider, sent, check)),
    { numRuns: 200 },
  );
}
