import { Inject, Injectable } from '@nestjs/common';
import {
  applyCorrections,
  Command,
  decideCorrection,
  DomainError,
  ErasureAlreadyRecorded,
  Event,
  isEventCorrected,
  Recorded,
  ruleBroken,
  subjectsForgottenBy,
} from '@coprod/domain';
import { AppendResult, EVENT_STORE, EventStore, EventToAppend, recordedEventOf, StoredEvent, WrongExpectedRevisionError } from '@coprod/event-store';
import { recordedOf } from '@coprod/projections';
import { assertPermitted } from '@coprod/privacy/access/permissions';
import { permissionForCommand } from '../access/command-permissions';
import { checkCommandInput } from './command-input';
import { CommandResult, ConcurrencyConflictError } from './command-result';
import { DeciderRegistry } from './decider-registry';
import { eventIdFor } from './event-ids';
import { PERSONAL_DATA_PROTECTOR, PersonalDataProtector } from './personal-data-protector';
import { ReferenceChecker } from './reference-checker';
import { StreamMemo } from './stream-memo';
import { StreamQueue } from './stream-queue';

/** Where a command came from, recorded on every event it produces. */
export interface CommandOrigin {
  source: string;
  correlationId: string;
  /**
   * When the record learnt of it, for replaying a dated record into an empty store (the demo);
   * otherwise the store's own clock decides.
   */
  recordedAt?: string;
  /**
   * A digest of the request that carried the command, when its id came from the caller's
   * idempotency key: a repeat with the same id and another digest is refused, never taken as a retry.
   */
  requestFingerprint?: string;
  /**
   * The stream revision the caller decided on (HTTP `If-Match`; -1: the record must not exist yet).
   * When given, a stream at any other revision is a conflict (409), never re-decided for them.
   */
  expectedRevision?: number;
}

const MAX_ATTEMPTS = 4;
/** Separates a command id from its request fingerprint in the causation id; neither ever contains it. */
const FINGERPRINT_MARK = '#';

type AnyDecider = ReturnType<DeciderRegistry['forCommand']>;

/** A stream's state folded up to `revision`, by the decider that folded it. */
interface FoldedStream {
  decider: string;
  revision: number;
  state: unknown;
}

/**
 * The only place that writes: read the stream, fold, decide, append with the expected revision.
 * Commands to one stream take turns in this process (StreamQueue), so commands that do not conflict,
 * such as fifty people's attendance at one session sent at once, are all recorded. A stale revision
 * left by another process is retried by deciding again on the fresh stream (every command here is
 * safe to re-decide) and reported as a ConcurrencyConflictError when retries run out, or at once when
 * the caller said which revision they expected.
 */
@Injectable()
export class CommandExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly deciders: DeciderRegistry,
    private readonly references: ReferenceChecker,
    @Inject(PERSONAL_DATA_PROTECTOR) private readonly protector: PersonalDataProtector,
  ) {}

  private readonly folded = new StreamMemo<FoldedStream>();
  private readonly queue = new StreamQueue();
  private readonly claimQueue = new StreamQueue();

  async execute(command: Command, origin: CommandOrigin): Promise<CommandResult> {
    checkCommandInput(command.type, command.data);
    // The same permission on every way in: HTTP checks it first to answer early, the CLI and imports meet it here.
    assertPermitted(command.metadata.actor, permissionForCommand(command.type));
    const decider = this.deciders.forCommand(command.type);
    const stream = this.deciders.streamOf(decider, command);
    return this.queue.run(stream, () => this.inClaimTurns(claimedIds(decider, command), () => this.executeInTurn(decider, stream, command, origin)));
  }

  /**
   * Commands recording the same claimed id (a proposal not adopted, on a decision or on the project) take turns
   * as well, whatever stream they write, so one's check of the id and its append are not interleaved with the
   * other's. Claims are taken in one order, inside the stream's turn, so two commands never wait on each other.
   */
  private inClaimTurns<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    return keys.reduceRight<() => Promise<T>>((inner, key) => () => this.claimQueue.run(key, inner), work)();
  }

  /** Commands queued or being decided in this process, over every stream: how far behind the writer is. */
  get queueDepth(): number {
    return this.queue.depth;
  }

  /** Decides and appends one command; only one command per stream is here at a time in this process. */
  private async executeInTurn(decider: AnyDecider, stream: string, command: Command, origin: CommandOrigin): Promise<CommandResult> {
    const earlier = await this.earlierResult(command.metadata.commandId, origin.requestFingerprint);
    if (earlier) return earlier;
    await this.references.check(command);
    // Corrections, and the commands a decider decides on the whole history (erasing a version's words), read the raw stream.
    const correcting = decider.corrections?.rules[command.type] !== undefined || historyDecider(decider, command.type) !== undefined;
    const expectedByCaller = origin.expectedRevision;

    if (!correcting && expectedByCaller === undefined && !this.folded.get(stream)) {
      const recorded = await this.recordOnNewStream(decider, stream, command, origin);
      if (recorded) return recorded;
    }

    for (let attempt = 1; ; attempt += 1) {
      const { events, revision } = correcting ? await this.decideCorrection(decider, stream, command) : await this.decide(decider, stream, command);
      if (expectedByCaller !== undefined && expectedByCaller !== revision) throw staleForCaller(stream, command, expectedByCaller, revision);
      const expected = revision < 0 ? 'no_stream' : revision;
      const toAppend = await Promise.all(events.map((event, i) => this.envelope(command, event, i, origin)));
      try {
        const result = resultOf(command, stream, toAppend, await this.store.append(stream, toAppend, { expectedRevision: expected }));
        await this.afterAppend(events);
        return result;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        const repeated = await this.earlierResult(command.metadata.commandId, origin.requestFingerprint);
        if (repeated) return repeated;
        // Another process wrote to the stream between this read and the append. Unless the caller named
        // the revision they decided on, the command is decided again on the fresh history.
        if (attempt >= MAX_ATTEMPTS || expectedByCaller !== undefined) {
          throw new ConcurrencyConflictError(
            expectedByCaller !== undefined
              ? `${stream} changed while ${command.type} was being recorded, so it is no longer at revision ${expectedByCaller} as the request expected (If-Match); nothing was recorded: read it again and decide`
              : `${stream} changed ${MAX_ATTEMPTS} times while ${command.type} was being decided; nothing was recorded, try again`,
          );
        }
      }
    }
  }

  /**
   * A stream not seen here is most often one this command creates (a new activity, person or claim),
   * so it is decided as an empty stream and appended only if the store still has no such stream:
   * the append's check replaces reading the stream first. Undefined when that does not hold (the
   * command needs the stream's history, or the stream exists): the caller then reads the stream and
   * decides on it, so a refusal always comes from the stream's real state.
   */
  private async recordOnNewStream(decider: AnyDecider, stream: string, command: Command, origin: CommandOrigin): Promise<CommandResult | undefined> {
    let toAppend: EventToAppend[];
    try {
      const events = decider.decide(command, decider.initialState()) as Event[];
      toAppend = await Promise.all(events.map((event, i) => this.envelope(command, event, i, origin)));
    } catch {
      return undefined;
    }
    try {
      return resultOf(command, stream, toAppend, await this.store.append(stream, toAppend, { expectedRevision: 'no_stream' }));
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      return this.earlierResult(command.metadata.commandId, origin.requestFingerprint);
    }
  }

  /** Decides a command on its stream's corrected state; a refused erasure of someone already erased still finishes the erasure. */
  private async decide(decider: AnyDecider, stream: string, command: Command): Promise<{ events: Event[]; revision: number }> {
    const { state, revision } = await this.currentState(decider, stream);
    try {
      return { events: decider.decide(command, state) as Event[], revision };
    } catch (error) {
      // An erasure that stopped between recording it and destroying the key is finished by asking again.
      if (error instanceof DomainError && error.code === 'participant.erased' && command.type === 'EraseParticipant') {
        await this.protector.forget(String((command.data as { participantId: string }).participantId));
      }
      throw error;
    }
  }

  /**
   * A correction is decided by the aggregate that owns the event, on the stream's whole history, corrections included;
   * so is a command the decider decides on the whole history. An erasure refused as already recorded still finishes it.
   */
  private async decideCorrection(decider: AnyDecider, stream: string, command: Command): Promise<{ events: Event[]; revision: number }> {
    const recorded = await this.store.readStream(stream);
    const history = recorded.map(toRecorded);
    const onHistory = historyDecider(decider, command.type);
    let events: Event[];
    try {
      events = onHistory ? onHistory(command, history) : decideCorrection(decider, command, history);
    } catch (error) {
      // An erasure that stopped between recording it and destroying the key is finished by asking again.
      if (error instanceof ErasureAlreadyRecorded) await this.protector.forget(error.subjectId);
      throw error;
    }
    return { events, revision: recorded.length === 0 ? -1 : recorded[recorded.length - 1].revision };
  }

  /**
   * Erasure is one operation whichever way it is asked for: once an event that erases a subject (ParticipantErased,
   * ProjectStoryWordsErased) is in the log, that subject's key is destroyed.
   */
  private async afterAppend(events: readonly Event[]): Promise<void> {
    for (const event of events) {
      for (const subjectId of subjectsForgottenBy(event)) await this.protector.forget(subjectId);
    }
  }

  /**
   * The stream's state for deciding, and the revision it was folded to (-1: no stream). A stream
   * folded before is brought up to date from the events appended since; a correction among them
   * can change earlier facts, so the stream is then folded again from the start. The append's
   * expected revision still guards against anything appended after this read.
   */
  private async currentState(decider: AnyDecider, stream: string): Promise<{ state: unknown; revision: number }> {
    const memo = this.folded.get(stream);
    if (memo && memo.decider === decider.name) {
      const newer = await this.store.readStream(stream, { fromRevision: memo.revision + 1 });
      if (!newer.some((e) => isEventCorrected(e as unknown as Event))) {
        return this.remember(stream, decider, memo.state, newer, memo.revision);
      }
    }
    const recorded = await this.store.readStream(stream);
    // Aggregates decide on their corrected history, so a voided fact no longer blocks re-recording it.
    const history = applyCorrections(recorded.map(toRecorded));
    const state = history.reduce((s, e) => decider.evolve(s, e), decider.initialState());
    return this.remember(stream, decider, state, [], recorded.length === 0 ? -1 : recorded[recorded.length - 1].revision);
  }

  private remember(stream: string, decider: AnyDecider, folded: unknown, newer: StoredEvent[], revision: number) {
    const state = newer.reduce((s, e) => decider.evolve(s, toRecorded(e)), folded);
    const last = newer.length > 0 ? newer[newer.length - 1].revision : revision;
    if (last >= 0) this.folded.set(stream, { decider: decider.name, revision: last, state });
    return { state, revision: last };
  }

  private async envelope(command: Command, event: Event, index: number, origin: CommandOrigin): Promise<EventToAppend> {
    const id = eventIdFor(command.metadata.commandId, index);
    return {
      id,
      type: event.type,
      schemaVersion: 1,
      data: await this.protector.seal({ ...(event.data as Record<string, unknown>) }, id),
      occurredAt: utcInstant(event.occurredAt ?? command.metadata.now),
      actor: { id: command.metadata.actor.id, role: command.metadata.actor.role },
      source: origin.source,
      correlationId: origin.correlationId,
      causationId: origin.requestFingerprint
        ? `${command.metadata.commandId}${FINGERPRINT_MARK}${origin.requestFingerprint}`
        : command.metadata.commandId,
      ...(origin.recordedAt ? { recordedAt: origin.recordedAt } : {}),
    };
  }

  /**
   * A command id already handled: answer with what it recorded then, and record nothing. When the id
   * came with a request fingerprint, the earlier request must have been the same request.
   */
  private async earlierResult(commandId: string, fingerprint?: string): Promise<CommandResult | undefined> {
    const first = await this.store.findEvent(eventIdFor(commandId, 0));
    if (!first) return undefined;
    const [, earlierFingerprint] = (first.causationId ?? '').split(FINGERPRINT_MARK);
    if (fingerprint !== undefined && earlierFingerprint !== fingerprint) {
      throw ruleBroken(
        'idempotency.key_reused',
        'this Idempotency-Key was already used for a different request (another body, command or person); nothing was recorded: use a new key for a new request',
      );
    }
    const following = await this.store.readStream(first.stream, { fromRevision: first.revision });
    const mine = following.filter((e) => (e.causationId ?? '').split(FINGERPRINT_MARK)[0] === commandId);
    const last = mine[mine.length - 1];
    return {
      commandId,
      stream: first.stream,
      eventIds: mine.map((e) => e.id),
      eventTypes: mine.map((e) => e.type),
      position: last.position,
      nextExpectedRevision: last.revision,
      duplicate: true,
    };
  }
}

type DecideOnHistory = (command: Command, history: readonly Recorded<Event>[]) => Event[];

/** The function deciding a command on its stream's whole history, where the decider declares one. */
function historyDecider(decider: AnyDecider, type: string): DecideOnHistory | undefined {
  return (decider.historyDeciders as Readonly<Record<string, DecideOnHistory>> | undefined)?.[type];
}

/** The ids a command claims, as turn keys in one order (`proposal prop-1`); in every project, which is only more careful. */
function claimedIds(decider: AnyDecider, command: Command): string[] {
  const claims = decider.claims?.[command.type]?.(command.data as never) ?? [];
  return [...new Set(claims.map((claim) => `${claim.what} ${String(claim.id)}`))].sort();
}

/** The caller decided on one revision of the stream and it is now at another: theirs is a real conflict. */
function staleForCaller(stream: string, command: Command, expected: number, actual: number): ConcurrencyConflictError {
  const now = actual < 0 ? 'does not exist yet' : `is at revision ${actual}`;
  const then = expected < 0 ? 'not to exist yet' : `to be at revision ${expected}`;
  return new ConcurrencyConflictError(
    `${stream} ${now}, but this ${command.type} expected it ${then} (If-Match); nothing was recorded: read the record again and decide on what it holds now`,
  );
}

/**
 * One form for every instant in the log (UTC, milliseconds): a plain date becomes its midnight UTC,
 * and "as of" comparisons between instants stay correct whatever offset they were given with.
 */
function utcInstant(value: string): string {
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? value : new Date(parsed).toISOString();
}

function resultOf(command: Command, stream: string, appended: EventToAppend[], result: AppendResult): CommandResult {
  return {
    commandId: command.metadata.commandId,
    stream,
    eventIds: appended.map((e) => e.id),
    eventTypes: appended.map((e) => e.type),
    position: result.position,
    nextExpectedRevision: result.nextExpectedRevision,
    duplicate: result.duplicate,
  };
}

const toRecorded = (event: StoredEvent): Recorded<Event> => recordedOf(recordedEventOf(event));
