import { Inject, Injectable } from '@nestjs/common';
import { applyCorrections, notFound, Recorded, Event } from '@coprod/domain';
import {
  FactEvent,
  foldProjectFacts,
  Framework,
  FrameworkRegistry,
  OutcomeSummary,
  PopulationProfile,
  ProjectFacts,
  summariseOutcomes,
} from '@coprod/frameworks';
import { RecordRow } from '@coprod/projections';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { READ_MODELS, ReadModels } from '../read-models/read-models';
import { Clocks, resolveClocks } from './clocks';
import { POPULATION_PROFILE } from './population.provider';

export interface OutcomeQuery {
  projectId: string;
  frameworkId?: string;
  asOf?: string;
  knownAt?: string;
  now: string;
}

/**
 * Where an answer as of now stays the same while now moves: asked as of any instant from `from`
 * (inclusive) to `until` (exclusive), the same events pass the asOf clock. `until` is undefined when
 * nothing in the record happened after the answer's asOf.
 */
export interface SteadySpan {
  from: string;
  until: string | undefined;
}

/** An answer and the span of "now" it holds for. */
export interface TimedOutcomes {
  outcomes: ProjectOutcomes;
  steady: SteadySpan;
}

/** A project's record, folded under both clocks, with the figures every outcome rests on. */
export interface ProjectOutcomes {
  projectId: string;
  clocks: Clocks & { lastPositionIncluded: number; eventCount: number; lastEventHash: string; firstPositionIncluded: number };
  framework: Framework;
  facts: ProjectFacts;
  summary: OutcomeSummary;
  /** The record rows that were included (after both clocks and corrections), in order. */
  rows: RecordRow[];
}

const CONSENT_TYPES = new Set(['QuoteConsentWithdrawn', 'ParticipantErased']);
/**
 * Records that later facts refer to. Their own time is when the officer planned or registered, which
 * for a session entered from paper afterwards is later than the session itself: the asOf clock is
 * applied to what happened at the session, never to whether the session and its people can be found.
 */
const REFERENCED_RECORDS = new Set(['ActivityPlanned', 'ParticipantRegistered']);

/**
 * Answers "are we achieving the outcomes, and what is the evidence?" for one project. Corrections
 * recorded up to `knownAt` apply; later ones do not. Consent is the exception: a withdrawal or
 * an erasure recorded at any time applies to every answer given after it.
 */
@Injectable()
export class ProjectOutcomesService {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    private readonly frameworks: FrameworkRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(POPULATION_PROFILE) private readonly population: PopulationProfile | undefined,
  ) {}

  compute(query: OutcomeQuery): ProjectOutcomes {
    return this.computeTimed(query).outcomes;
  }

  /** The answer, with the span of asOf instants over which it would be the same record. */
  computeTimed(query: OutcomeQuery): TimedOutcomes {
    const clocks = resolveClocks(this.readModels.db, query.now, query.asOf, query.knownAt);
    const known = this.readModels.reader.projectRecord(query.projectId, clocks.knownAtPosition);
    if (!known.some((row) => row.type === 'ProjectRegistered')) {
      throw notFound('project.not_found', `project ${query.projectId} does not exist${clocks.knownAtPosition ? ` (as known at ${clocks.knownAt})` : ''}`);
    }
    const corrected = applyCorrections(known.map(toRecorded)) as Recorded<Event>[];
    const byId = new Map(known.map((row) => [row.eventId, row]));
    const included = corrected.filter((e) => e.occurredAt <= clocks.asOf || REFERENCED_RECORDS.has(e.type));
    const steady = steadySpan(corrected, clocks.asOf);
    const facts = foldProjectFacts(included.map((e) => toFact(e, byId.get(e.id)!.position)));
    this.applyCurrentConsent(query.projectId, facts, known, clocks.knownAtPosition);

    const frameworkId = query.frameworkId ?? facts.project?.frameworkId ?? this.frameworks.default().id;
    const framework = this.frameworks.get(frameworkId);
    const summary = summariseOutcomes(facts, {
      suppressionThreshold: this.config.suppressionThreshold,
      framework: { ...framework, outcomes: framework.outcomes.map((o) => ({ ...o, indicators: o.indicators })) },
      population: this.population ? { area: this.population.area, source: this.population.source, groups: this.population.groups } : undefined,
    });
    const rows = included.map((e) => byId.get(e.id)!);
    const last = rows[rows.length - 1];
    const outcomes: ProjectOutcomes = {
      projectId: query.projectId,
      clocks: {
        ...clocks,
        firstPositionIncluded: rows[0]?.position ?? 0,
        lastPositionIncluded: last?.position ?? 0,
        eventCount: rows.length,
        lastEventHash: last?.hash ?? '',
      },
      framework,
      facts,
      summary,
      rows,
    };
    return { outcomes, steady };
  }

  private applyCurrentConsent(projectId: string, facts: ProjectFacts, known: RecordRow[], knownAtPosition: number): void {
    // Answers as known now need no second read; only an answer as known earlier must look at what came after.
    const record = knownAtPosition >= this.readModels.reader.indexedPosition() ? known : this.readModels.reader.projectRecord(projectId);
    const latest = record.filter((row) => CONSENT_TYPES.has(row.type));
    for (const row of latest) {
      if (row.type === 'QuoteConsentWithdrawn') {
        const quote = facts.quotes.get(row.data.quoteId as string);
        if (quote) quote.withdrawn = true;
      } else {
        const person = facts.participants.get(row.data.participantId as string);
        if (person) person.erased = true;
        // An erased person's words are gone with their key: their quotes are never offered again.
        for (const quote of facts.quotes.values()) if (quote.participantId === row.data.participantId) quote.withdrawn = true;
      }
    }
  }
}

/**
 * The nearest moments before (or at) and after `asOf` that the asOf clock tests. Instants compare as
 * strings here, exactly as the filter above compares them, so the span agrees with it.
 */
function steadySpan(events: readonly Recorded<Event>[], asOf: string): SteadySpan {
  let from = '';
  let until: string | undefined;
  for (const { type, occurredAt } of events) {
    if (REFERENCED_RECORDS.has(type)) continue;
    if (occurredAt <= asOf) {
      if (occurredAt > from) from = occurredAt;
    } else if (until === undefined || occurredAt < until) {
      until = occurredAt;
    }
  }
  return { from, until };
}

function toRecorded(row: RecordRow): Recorded<Event> {
  return { id: row.eventId, type: row.type, data: row.data, occurredAt: row.occurredAt, recordedAt: row.recordedAt };
}

function toFact(event: Recorded<Event>, position: number): FactEvent {
  return { eventId: event.id, type: event.type, position, occurredAt: event.occurredAt, data: event.data as Record<string, unknown> };
}
