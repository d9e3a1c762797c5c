import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@coprod/domain';
import { EVENT_STORE, EventStore, RecordedEvent, recordedEventOf } from '@coprod/event-store';
import { OutcomeQuery, ProjectOutcomes, ProjectOutcomesService } from '../queries/project-outcomes.service';
import { EventView, eventView } from './event-summary';

/** One event behind a figure, with its envelope and its data (personal details withheld). */
export type TracedEvent = EventView;

/** A figure and every event it was computed from, under the same two clocks. */
export interface FigureTrace {
  projectId: string;
  indicatorId: string;
  title: string;
  unit: string;
  value: number | null;
  /** The value in words where it is a level rather than a count ("Co-production"). */
  valueLabel?: string;
  statement: string;
  clocks: ProjectOutcomes['clocks'];
  events: TracedEvent[];
}

/** The events behind one indicator of a project, as of a date and as known at a point. */
export class TraceFigure extends Query<FigureTrace> {
  constructor(readonly query: OutcomeQuery & { indicatorId: string }) {
    super();
  }
}

@QueryHandler(TraceFigure)
export class TraceFigureHandler implements IQueryHandler<TraceFigure, FigureTrace> {
  constructor(
    private readonly outcomes: ProjectOutcomesService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ query }: TraceFigure): Promise<FigureTrace> {
    const outcomes = this.outcomes.compute(query);
    const indicator = outcomes.summary.indicators[query.indicatorId];
    if (!indicator) {
      throw notFound(
        'indicator.not_found',
        `no indicator ${query.indicatorId}; the indicators are ${Object.keys(outcomes.summary.indicators).join(', ')}`,
      );
    }
    const rows = new Map(outcomes.rows.map((row) => [row.eventId, row]));
    const events: TracedEvent[] = [];
    for (const eventId of new Set(indicator.sourceEventIds)) {
      const row = rows.get(eventId) ?? (await this.fromStore(eventId));
      if (row) events.push(eventView(row));
    }
    events.sort((a, b) => a.position - b.position);
    return {
      projectId: query.projectId,
      indicatorId: indicator.id,
      title: indicator.title,
      unit: indicator.unit,
      value: indicator.value,
      ...(indicator.valueLabel !== undefined ? { valueLabel: indicator.valueLabel } : {}),
      statement: indicator.statement,
      clocks: outcomes.clocks,
      events,
    };
  }

  private async fromStore(eventId: string): Promise<RecordedEvent | undefined> {
    const event = await this.store.findEvent(eventId);
    return event ? recordedEventOf(event) : undefined;
  }
}

