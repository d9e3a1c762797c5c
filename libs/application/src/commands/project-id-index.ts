import { IdRecorded, ProjectIdClaim } from '@coprod/domain';
import { EventStore } from '@coprod/event-store';

/** What is known of one kind of claimed id (its recording event types): where each id stands recorded. */
interface KindIndex {
  /** Id -> its recordings not voided since, in the order recorded, in any project. */
  recorded: Map<string, IdRecorded[]>;
  /** Recording event id -> the id it recorded, so a void read later finds what it withdraws. */
  idOfEvent: Map<string, string>;
  /** Global position up to which the store has been read into this index. */
  readUpTo: number;
}

/**
 * Where each claimed id (a proposal not adopted, on a decision or on the project) stands recorded, read from
 * the store in global order: once, then only what was appended since, so a record made by another process
 * is seen too. Every recording is kept, not a bounded memo: an id forgotten would be taken as unused.
 * These ids are few (a handful per decision), so the index stays small beside the store.
 */
export class ProjectIdIndex {
  private readonly kinds = new Map<string, KindIndex>();

  constructor(private readonly store: EventStore) {}

  /** The recordings of the claimed id not voided since, in every project, as the store holds them now. */
  async recordingsOf(claim: ProjectIdClaim): Promise<IdRecorded[]> {
    const index = await this.caughtUp(claim);
    return index.recorded.get(claim.id) ?? [];
  }

  private async caughtUp(claim: ProjectIdClaim): Promise<KindIndex> {
    const kind = `${claim.idField}:${[...claim.recordedBy].sort().join(',')}`;
    let index = this.kinds.get(kind);
    if (!index) {
      index = { recorded: new Map(), idOfEvent: new Map(), readUpTo: 0 };
      this.kinds.set(kind, index);
    }
    // Read up to the head, and remember the head: a store that grew by other events is not scanned again from here.
    const head = await this.store.headPosition();
    if (head <= index.readUpTo) return index;
    const events = await this.store.readAll({ after: index.readUpTo, upTo: head, types: [...claim.recordedBy, 'EventCorrected'] });
    for (const event of events) {
      if (claim.recordedBy.includes(event.type)) {
        const id = event.data[claim.idField];
        const projectId = event.data.projectId;
        // Two commands catching up at once may both read an event: it is kept once.
        if (typeof id !== 'string' || typeof projectId !== 'string' || index.idOfEvent.has(event.id)) continue;
        index.recorded.set(id, [...(index.recorded.get(id) ?? []), { projectId, stream: event.stream, eventId: event.id }]);
        index.idOfEvent.set(event.id, id);
      } else if (event.data.kind === 'void' && claim.recordedBy.includes(String(event.data.eventType))) {
        // A voided recording no longer holds its id: the aggregate itself lets the id be recorded again.
        const voidedId = String(event.data.eventId);
        const id = index.idOfEvent.get(voidedId);
        if (id === undefined) continue;
        index.recorded.set(
          id,
          (index.recorded.get(id) ?? []).filter((r) => r.eventId !== voidedId),
        );
      }
    }
    index.readUpTo = Math.max(index.readUpTo, head);
    return index;
  }
}
