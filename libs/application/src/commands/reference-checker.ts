import { Inject, Injectable } from '@nestjs/common';
import { Command, notFound, conflict } from '@coprod/domain';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { StreamMemo } from './stream-memo';

interface Reference {
  stream: string;
  label: string;
  /** The referenced participant must not have been erased. */
  activeParticipant?: boolean;
}

const participant = (id: unknown): Reference => ({ stream: `participant-${id}`, label: `participant ${id}`, activeParticipant: true });
const project = (id: unknown): Reference => ({ stream: `project-${id}`, label: `project ${id}` });
const activity = (id: unknown): Reference => ({ stream: `activity-${id}`, label: `activity ${id}` });
const decision = (id: unknown): Reference => ({ stream: `decision-${id}`, label: `decision ${id}` });

/** The other records a command names, which must exist before it can be decided. */
function referencesOf(command: Command): Reference[] {
  const d = command.data as Record<string, unknown>;
  const optional = (id: unknown, make: (id: unknown) => Reference) => (id ? [make(id)] : []);
  switch (command.type) {
    case 'PlanActivity':
    case 'RecordDecision':
    case 'DefineServiceMeasure':
      return [project(d.projectId)];
    case 'RecordAttendance':
      return [participant(d.participantId)];
    case 'RecordContribution':
      return ((d.participantIds as unknown[]) ?? []).map(participant);
    case 'LinkInfluence':
      return ((d.activityIds as unknown[]) ?? []).map(activity);
    case 'ClaimExpense':
      return [project(d.projectId), participant(d.participantId), ...optional(d.activityId, activity)];
    case 'CaptureQuote':
      return [project(d.projectId), participant(d.participantId), ...optional(d.activityId, activity), ...optional(d.decisionId, decision)];
    case 'RecordSurveyResponse':
      return [project(d.projectId), participant(d.participantId)];
    default:
      return [];
  }
}

/**
 * Checks that the records a command refers to exist (and that a referenced person was not
 * erased) before the command is decided: aggregates stay pure, so this I/O lives here.
 */
/** What is known of a referenced stream: it exists up to `revision`, and whether its person was erased. */
interface KnownStream {
  revision: number;
  erasedOn?: string;
}

/**
 * Checks that the records a command refers to exist (and that a referenced person was not
 * erased) before the command is decided: aggregates stay pure, so this I/O lives here.
 * A stream seen before is not read again: records are never removed, so it still exists, and
 * only a participant's events appended since are read to learn of an erasure.
 */
@Injectable()
export class ReferenceChecker {
  private readonly known = new StreamMemo<KnownStream>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async check(command: Command): Promise<void> {
    for (const reference of referencesOf(command)) {
      const known = await this.learn(reference);
      if (!known) {
        throw notFound('reference.not_found', `${reference.label} does not exist; record it before ${command.type}`);
      }
      if (known.erasedOn) {
        throw conflict('participant.erased', `${reference.label} was erased on ${known.erasedOn}; nothing more can be recorded about them`);
      }
    }
  }

  private async learn(reference: Reference): Promise<KnownStream | undefined> {
    const before = this.known.get(reference.stream);
    if (before && (!reference.activeParticipant || before.erasedOn)) return before;
    const from = before ? before.revision + 1 : 0;
    const events = await this.store.readStream(reference.stream, reference.activeParticipant ? { fromRevision: from } : { maxCount: 1 });
    if (events.length === 0) return before;
    const erased = reference.activeParticipant ? events.find((e) => e.type === 'ParticipantErased') : undefined;
    const known: KnownStream = {
      revision: events[events.length - 1].revision,
      ...(erased ? { erasedOn: erased.occurredAt.slice(0, 10) } : {}),
    };
    this.known.set(reference.stream, known);
    return known;
  }
}
