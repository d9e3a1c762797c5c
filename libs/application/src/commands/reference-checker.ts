import { Inject, Injectable } from '@nestjs/common';
import { Command, conflict, notFound, RecordReference, ruleBroken, streamName } from '@coprod/domain';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { DeciderRegistry } from './decider-registry';
import { StreamMemo } from './stream-memo';

/** What is known of a referenced stream: it exists up to `revision`, and whether its person was erased. */
interface KnownStream {
  revision: number;
  erasedOn?: string;
  /** The project its first event names, if any. */
  projectId?: string;
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

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly deciders: DeciderRegistry,
  ) {}

  async check(command: Command): Promise<void> {
    const references = this.deciders.forCommand(command.type).references?.[command.type]?.(command.data) ?? [];
    for (const reference of references) {
      const label = `${reference.aggregate} ${reference.id}`;
      const known = await this.learn(reference);
      if (!known) {
        throw notFound('reference.not_found', `${label} does not exist; record it before ${command.type}`);
      }
      if (known.erasedOn) {
        throw conflict('participant.erased', `${label} was erased on ${known.erasedOn}; nothing more can be recorded about them`);
      }
      if (reference.ofProject !== undefined && known.projectId !== reference.ofProject) {
        throw ruleBroken(
          'reference.of_another_project',
          `${label} belongs to project ${known.projectId ?? '(none)'}, not ${reference.ofProject}; name a ${reference.aggregate} of project ${reference.ofProject}`,
        );
      }
    }
  }

  private async learn(reference: RecordReference): Promise<KnownStream | undefined> {
    const stream = streamName({ name: reference.aggregate }, reference.id);
    // A person referenced must not have been erased, so their stream is followed; other records need only exist.
    const person = reference.aggregate === 'participant';
    const before = this.known.get(stream);
    if (before && (!person || before.erasedOn)) return before;
    const from = before ? before.revision + 1 : 0;
    const events = await this.store.readStream(stream, person ? { fromRevision: from } : { maxCount: 1 });
    if (events.length === 0) return before;
    const erased = person ? events.find((e) => e.type === 'ParticipantErased') : undefined;
    const first = before ? undefined : events[0].data.projectId;
    const projectId = before?.projectId ?? (typeof first === 'string' ? first : undefined);
    const known: KnownStream = {
      revision: events[events.length - 1].revision,
      ...(erased ? { erasedOn: erased.occurredAt.slice(0, 10) } : {}),
      ...(projectId !== undefined ? { projectId } : {}),
    };
    this.known.set(stream, known);
    return known;
  }
}
