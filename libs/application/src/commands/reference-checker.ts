import { Inject, Injectable } from '@nestjs/common';
import { Command, conflict, notFound, ProjectIdClaim, RecordReference, refuseIdRecordedBefore, ruleBroken, streamName } from '@coprod/domain';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { DeciderRegistry } from './decider-registry';
import { ProjectIdIndex } from './project-id-index';
import { StreamMemo } from './stream-memo';

/** What is known of a referenced stream: it exists up to `revision`, and whether its person was erased. */
interface KnownStream {
  revision: number;
  erasedOn?: string;
  /** The project its first event names, if any. */
  projectId?: string;
}

/** One recording of a contribution id: the project of its activity, and the event that recorded it. */
interface ContributionSeen {
  projectId: string;
  eventId: string;
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
  /**
   * Where each contribution id was recorded and not voided since: its project and the recording event (ids are
   * unique per activity, so one id may have been recorded in several projects).
   */
  private readonly contributions = new StreamMemo<ContributionSeen[]>();
  /** The contribution each recording event recorded, so a void read later finds what it withdraws. */
  private readonly contributionOfEvent = new StreamMemo<string>();
  /** Global position up to which contributions have been read into `contributions`. */
  private contributionsReadUpTo = 0;
  private readonly projectIds: ProjectIdIndex;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly deciders: DeciderRegistry,
  ) {
    this.projectIds = new ProjectIdIndex(store);
  }

  /** Checks the records the command names, then the ids it records that must be new to their project. */
  async check(command: Command): Promise<void> {
    await this.checkReferences(command);
    await this.checkClaims(command);
  }

  /**
   * An id recorded at one level (a proposal not adopted on a decision) is refused at another (on the project) and
   * on another record of the same project, whichever came first. A project that cannot be found is left to the
   * decider, which refuses the command in its own words (`decision.not_found`).
   */
  private async checkClaims(command: Command): Promise<void> {
    const claims: readonly ProjectIdClaim[] = this.deciders.forCommand(command.type).claims?.[command.type]?.(command.data) ?? [];
    for (const claim of claims) {
      if (typeof claim.id !== 'string' || claim.id === '') continue;
      const projectId = claim.ofProject ?? (claim.ofProjectOf ? (await this.learn({ ...claim.ofProjectOf }))?.projectId : undefined);
      if (projectId === undefined) continue;
      refuseIdRecordedBefore(claim, projectId, await this.projectIds.recordingsOf(claim));
    }
  }

  private async checkReferences(command: Command): Promise<void> {
    const references = this.deciders.forCommand(command.type).references?.[command.type]?.(command.data) ?? [];
    for (const reference of references) {
      const label = `${reference.aggregate} ${reference.id}`;
      const known =
        reference.aggregate === 'contribution'
          ? await this.learnContribution(reference, await this.ownerProject(reference))
          : await this.learn(reference);
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
      if (reference.ofProjectOf !== undefined) {
        const owner = await this.learn({ ...reference.ofProjectOf });
        // An owner that does not exist is the decider's to refuse, in its own words.
        if (owner && owner.projectId !== known.projectId) {
          const ownerLabel = `${reference.ofProjectOf.aggregate} ${reference.ofProjectOf.id}`;
          throw ruleBroken(
            'reference.of_another_project',
            `${label} belongs to project ${known.projectId ?? '(none)'}, not ${owner.projectId ?? '(none)'} of ${ownerLabel}; name a ${reference.aggregate} of project ${owner.projectId ?? '(none)'}`,
          );
        }
      }
    }
  }

  /** The project of the record a reference must share its project with (`ofProjectOf`), where there is one and it exists. */
  private async ownerProject(reference: RecordReference): Promise<string | undefined> {
    return reference.ofProjectOf === undefined ? undefined : (await this.learn({ ...reference.ofProjectOf }))?.projectId;
  }

  /**
   * A contribution is found among the contributions recorded at activities, read once in global order and then
   * only what was appended since; one voided since is gone. Where the id was recorded in several projects, the
   * one asked for (or the owner's, for a reference that must share its owner's project) is reported if it is among them. An id the bounded memo forgot is looked for again from the start.
   */
  private async learnContribution(reference: RecordReference, ownerProject: string | undefined): Promise<KnownStream | undefined> {
    const seen = () => (this.contributions.get(reference.id) ?? []).map((entry) => entry.projectId);
    await this.readContributions(this.contributionsReadUpTo, () => true);
    let projects = seen();
    if (projects.length === 0 && this.contributionsReadUpTo > 0) {
      await this.readContributions(0, (id) => id === reference.id, this.contributionsReadUpTo);
      projects = seen();
    }
    if (projects.length === 0) return undefined;
    const wanted = reference.ofProject ?? ownerProject;
    const projectId = wanted !== undefined && projects.includes(wanted) ? wanted : projects[0];
    return { revision: 0, projectId };
  }

  /** Reads contributions recorded, and voids of them, after `after` (up to `upTo` when given), keeping the ids `keep` accepts. */
  private async readContributions(after: number, keep: (contributionId: string) => boolean, upTo?: number): Promise<void> {
    const events = await this.store.readAll({
      after,
      ...(upTo !== undefined ? { upTo } : {}),
      types: ['ContributionRecorded', 'EventCorrected'],
      streamPrefixes: ['activity-'],
    });
    if (upTo !== undefined)
      for (const id of new Set(events.map((e) => e.data.contributionId))) if (typeof id === 'string' && keep(id)) this.contributions.set(id, []);
    for (const event of events) {
      if (event.type === 'ContributionRecorded') {
        const { contributionId, projectId } = event.data as { contributionId?: unknown; projectId?: unknown };
        if (typeof contributionId !== 'string' || typeof projectId !== 'string' || !keep(contributionId)) continue;
        this.contributions.set(contributionId, [...(this.contributions.get(contributionId) ?? []), { projectId, eventId: event.id }]);
        this.contributionOfEvent.set(event.id, contributionId);
      } else if (event.data.eventType === 'ContributionRecorded' && event.data.kind === 'void') {
        const voidedId = String(event.data.eventId);
        const contributionId = this.contributionOfEvent.get(voidedId);
        if (contributionId === undefined) continue;
        this.contributions.set(
          contributionId,
          (this.contributions.get(contributionId) ?? []).filter((entry) => entry.eventId !== voidedId),
        );
      }
    }
    if (upTo === undefined && events.length > 0)
      this.contributionsReadUpTo = Math.max(this.contributionsReadUpTo, events[events.length - 1].position);
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
