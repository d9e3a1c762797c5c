import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '@coprod/domain';
import { EVENT_STORE, EventStore, eventHash, RecordedEvent, StoredEvent } from '@coprod/event-store';
import { RecordRow } from '@coprod/projections';
import type { HistoryEvent, HistorySubjectKind } from '@coprod/reporting/builders';
import { READ_MODELS, ReadModels } from '../read-models/read-models';

const STREAM_PREFIX: Record<Exclude<HistorySubjectKind, 'project' | 'participant'>, string> = { decision: 'decision-', claim: 'expense-' };

/**
 * The events about one subject, read from the record index, each checked against the event store:
 * its hash recomputed from its content, its link to the event before it, and the index's copy.
 */
@Injectable()
export class HistoryRecord {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The subject's events up to `knownAtPosition`, in global order; 404 when nothing is recorded about it. */
  async read(kind: HistorySubjectKind, id: string, knownAtPosition: number): Promise<HistoryEvent[]> {
    const rows = this.rows(kind, id, knownAtPosition);
    if (rows.length === 0) {
      throw notFound(`${kind}.not_found`, `no ${kind === 'claim' ? 'expense claim' : kind} ${id} is recorded${knownAtPosition ? ` up to position ${knownAtPosition}` : ''}; check the id`);
    }
    const events: HistoryEvent[] = [];
    for (const { projectId: _project, participantId: _participant, ...event } of rows) events.push({ ...event, integrityProblem: await this.check(event) });
    return events;
  }

  private rows(kind: HistorySubjectKind, id: string, knownAt: number): RecordRow[] {
    const reader = this.readModels.reader;
    switch (kind) {
      case 'project': {
        const rows = reader.projectRecord(id, knownAt);
        return rows.some((r) => r.type === 'ProjectRegistered' && r.projectId === id) ? rows : [];
      }
      case 'participant':
        return reader.participantRecord(id, knownAt);
      default:
        return reader.streamRecord(`${STREAM_PREFIX[kind]}${id}`, knownAt);
    }
  }

  private async check(row: RecordedEvent): Promise<string | null> {
    const pair = await this.store.readAll({ after: Math.max(0, row.position - 2), upTo: row.position });
    const stored: StoredEvent | undefined = pair.find((e) => e.position === row.position);
    if (!stored) return 'the event store no longer holds this event at its position';
    const { hash, ...content } = stored;
    if (eventHash(content) !== hash) return 'its content no longer matches its hash: it was changed after it was recorded';
    if (hash !== row.hash || stored.id !== row.eventId) return 'the record index does not match the event store here; rebuild the read models (coprod rebuild)';
    const previous = pair.find((e) => e.position === row.position - 1);
    const expected = previous?.hash ?? '';
    if (row.position > 1 && !previous) return `the event before it (position ${row.position - 1}) is missing from the store`;
    if (stored.prevHash !== expected) return `it does not link to the hash of the event before it (position ${row.position - 1}): an event was removed, inserted or reordered`;
    return null;
  }
}
