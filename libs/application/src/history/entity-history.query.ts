import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@coprod/domain';
import { EVENT_STORE, EventStore, recordedEventOf, StoredEvent } from '@coprod/event-store';
import { PERSONAL_DATA_PROTECTOR, PersonalDataProtector } from '../commands/personal-data-protector';
import { storyWordsForHistory } from '../privacy/story-words';
import { EventView, eventView } from './event-summary';

/** The kinds of entity whose history can be asked for; each is one stream `<kind>-<id>`. */
export const HISTORY_KINDS = ['project', 'participant', 'activity', 'decision', 'expense', 'quote', 'measure'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** A correction, as seen from the event it corrects. */
export interface CorrectionLink {
  eventId: string;
  position: number;
  kind: string;
  reason: string;
  recordedAt: string;
  actor: string;
}

/** One event of an entity's history, as an auditor reads it, linked to its corrections. */
export interface HistoryEntry extends EventView {
  /** For a correction: the event it corrects. */
  corrects: { eventId: string; type: string; kind: string } | null;
  /** Corrections later recorded against this event, in order. */
  correctedBy: CorrectionLink[];
}

export interface EntityHistory {
  kind: HistoryKind;
  id: string;
  stream: string;
  events: HistoryEntry[];
}

/** Every event of one entity, in order, with who recorded it and the corrections linked both ways. */
export class GetEntityHistory extends Query<EntityHistory> {
  constructor(
    readonly kind: HistoryKind,
    readonly id: string,
  ) {
    super();
  }
}

@QueryHandler(GetEntityHistory)
export class GetEntityHistoryHandler implements IQueryHandler<GetEntityHistory, EntityHistory> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_PROTECTOR) private readonly protector: PersonalDataProtector,
  ) {}

  async execute({ kind, id }: GetEntityHistory): Promise<EntityHistory> {
    const stream = `${kind}-${id}`;
    const stored = await this.store.readStream(stream);
    if (stored.length === 0) throw notFound('history.not_found', `nothing is recorded about ${kind} ${id}: check the id`);
    // A story version's words read as they always did, or as erased; participants' personal data stays withheld.
    const open = (data: Record<string, unknown>, eventId: string) => this.protector.open(data, eventId);
    const events = await Promise.all(
      stored.map(async (event) => ({ ...event, data: await storyWordsForHistory(event.type, event.data as Record<string, unknown>, event.id, open) })),
    );
    const entries = events.map(toEntry);
    const byId = new Map(entries.map((entry) => [entry.eventId, entry]));
    for (const entry of entries) {
      if (!entry.corrects) continue;
      byId.get(entry.corrects.eventId)?.correctedBy.push({
        eventId: entry.eventId,
        position: entry.position,
        kind: entry.corrects.kind,
        reason: String(entry.summary.reason ?? ''),
        recordedAt: entry.recordedAt,
        actor: entry.actor,
      });
    }
    return { kind, id, stream, events: entries };
  }
}

function toEntry(event: StoredEvent): HistoryEntry {
  const data = event.data as Record<string, unknown>;
  return {
    ...eventView(recordedEventOf(event)),
    corrects:
      event.type === 'EventCorrected'
        ? { eventId: String(data.eventId), type: String(data.eventType), kind: String(data.kind) }
        : null,
    correctedBy: [],
  };
}
