import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { applyCorrections, isEventCorrected, notFound, Recorded, Event } from '@coprod/domain';
import {
  FactEvent,
  foldProjectFacts,
  Framework,
  FrameworkRegistry,
  OutcomeSummary,
  PopulationProfile,
  ProjectFacts,
  withCurrentConsent,
  ConsentChange,
  summariseOutcomes,
} from '@coprod/frameworks';
import { RecordRow, recordedOf } from '@coprod/projections';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { READ_MODELS, ReadModels } from '../read-models/read-models';
import { Clocks, isAsOfNow, resolveClocks } from './clocks';
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

/**
 * The clocks an answer was computed under, and the events that shaped it: the events included, the
 * corrections applied to them and the consent changes and erasures applied to it.
 */
export interface OutcomeClocks extends Clocks {
  /** Lowest position among the events that shaped the answer (0 when none did). */
  firstPositionIncluded: number;
  /** Highest position among them: a consent change recorded after `knownAt` can be the highest. */
  lastPositionIncluded: number;
  /** How many events shaped the answer. */
  eventCount: number;
  /** Hash of the event at `lastPositionIncluded`. */
  lastEventHash: string;
  /**
   * SHA-256 (hex) over the hashes of every event that shaped the answer, in order of position, with
   * the clocks, framework and rules it was computed under: a different answer never carries the same digest.
   */
  provenanceDigest: string;
}

/** A project's record, folded under both clocks, with the figures every outcome rests on. */
export interface ProjectOutcomes {
  projectId: string;
  clocks: OutcomeClocks;
  framework: Framework;
  facts: ProjectFacts;
  summary: OutcomeSummary;
  /** The record rows that were included (after both clocks and corrections), in order. */
  rows: RecordRow[];
  /** The corrections, consent changes and erasures applied that are not among `rows`, in order. */
  appliedChanges: RecordRow[];
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
  /** The settings every answer of this process is computed under, besides clocks and framework. */
  private readonly rules: string;

  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    private readonly frameworks: FrameworkRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(POPULATION_PROFILE) private readonly population: PopulationProfile | undefined,
  ) {
    const populationDigest = population ? createHash('sha256').update(JSON.stringify(population)).digest('hex') : 'none';
    // The council's disclosure settings change what is published, so they are part of what an answer rests on.
    const disclosureDigest = config.disclosure ? `\ndisclosure ${createHash('sha256').update(JSON.stringify(config.disclosure.settings)).digest('hex')}` : '';
    this.rules = `suppression ${config.suppressionThreshold}\npopulation ${populationDigest}${disclosureDigest}`;
  }

  compute(query: OutcomeQuery): ProjectOutcomes {
    return this.computeTimed(query).outcomes;
  }

  /** The answer, with the span of asOf instants over which it would be the same record. */
  computeTimed(query: OutcomeQuery): TimedOutcomes {
    const clocks = resolveClocks(this.readModels.reader, query.now, query.asOf, query.knownAt);
    const known = this.readModels.reader.projectRecord(query.projectId, clocks.knownAtPosition);
    if (!known.some((row) => row.type === 'ProjectRegistered')) {
      throw notFound('project.not_found', `project ${query.projectId} does not exist${clocks.knownAtPosition ? ` (as known at ${clocks.knownAt})` : ''}`);
    }
    const recorded = known.map((row) => recordedOf(row));
    const corrected = applyCorrections(recorded) as Recorded<Event>[];
    const byId = new Map(known.map((row) => [row.eventId, row]));
    const passesAsOf = (e: { type: string; occurredAt: string }) => e.occurredAt <= clocks.asOf || REFERENCED_RECORDS.has(e.type);
    const included = corrected.filter(passesAsOf);
    // Voided events count too: the moment one would have been included is the moment its voiding starts to shape the answer.
    const steady = steadySpan(recorded.filter((e) => !isEventCorrected(e)), clocks.asOf);
    const folded = foldProjectFacts(included.map((e) => toFact(e, byId.get(e.id)!.position)));
    const consent = this.consentChanges(query.projectId, known, clocks.knownAtPosition);
    const { facts, applied } = withCurrentConsent(folded, consent.map((row) => toFact(recordedOf(row), row.position) as unknown as ConsentChange));
    const consentApplied = consent.filter((row) => applied.includes(row.eventId));

    const frameworkId = query.frameworkId ?? facts.project?.frameworkId ?? this.frameworks.default().id;
    const framework = this.frameworks.get(frameworkId);
    const summary = summariseOutcomes(facts, {
      suppressionThreshold: this.config.suppressionThreshold,
      framework: { ...framework, outcomes: framework.outcomes.map((o) => ({ ...o, indicators: o.indicators })) },
      population: this.population ? { area: this.population.area, source: this.population.source, groups: this.population.groups } : undefined,
    });
    const rows = included.map((e) => byId.get(e.id)!);
    const correctionsApplied = known.filter((row) => row.type === 'EventCorrected' && correctsIncluded(row, byId, passesAsOf));
    const appliedChanges = besides(rows, mergeByPosition(correctionsApplied, consentApplied));
    const shaping = mergeByPosition(rows, appliedChanges);
    const last = shaping[shaping.length - 1];
    const outcomes: ProjectOutcomes = {
      projectId: query.projectId,
      clocks: {
        ...clocks,
        firstPositionIncluded: shaping[0]?.position ?? 0,
        lastPositionIncluded: last?.position ?? 0,
        eventCount: shaping.length,
        lastEventHash: last?.hash ?? '',
        provenanceDigest: this.digest(shaping, clocks, query.asOf, framework),
      },
      framework,
      facts,
      summary,
      rows,
      appliedChanges,
    };
    return { outcomes, steady };
  }

  /**
   * The digest of an answer. An answer asked as of now names its asOf clock "now": the events passing
   * that clock are already in the list, so the same record gives the same digest whenever it is asked.
   */
  private digest(shaping: readonly RecordRow[], clocks: Clocks, asOf: string | undefined, framework: Framework): string {
    const hashes = shaping.map((row) => row.hash).join('\n');
    const asked = isAsOfNow(asOf) ? 'now' : clocks.asOf;
    return createHash('sha256')
      .update(`coprod outcome provenance 1\nframework ${framework.id} ${framework.version}\nasOf ${asked}\nknownAt ${clocks.knownAtPosition}\n${this.rules}\nevents ${shaping.length}\n${hashes}`)
      .digest('hex');
  }

  /** Every withdrawal of consent and erasure about the project, recorded at any time: they apply to every answer given after them. */
  private consentChanges(projectId: string, known: RecordRow[], knownAtPosition: number): RecordRow[] {
    // Answers as known now need no second read; only an answer as known earlier must look at what came after.
    const record = knownAtPosition >= this.readModels.reader.indexedPosition() ? known : this.readModels.reader.projectRecord(projectId);
    return record.filter((row) => CONSENT_TYPES.has(row.type));
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

/** Whether a correction corrects an event that passes the asOf clock (voided or amended, it shapes the answer). */
function correctsIncluded(row: RecordRow, byId: ReadonlyMap<string, RecordRow>, passesAsOf: (e: RecordRow) => boolean): boolean {
  const target = byId.get(row.data.eventId as string);
  return target !== undefined && target.type !== 'EventCorrected' && passesAsOf(target);
}

/** Two lists in order of position merged into one, each position once (`a` itself when `b` is empty). */
function mergeByPosition(a: readonly RecordRow[], b: readonly RecordRow[]): readonly RecordRow[] {
  if (b.length === 0) return a;
  const merged: RecordRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i].position <= b[j].position) ? a[i++] : b[j++];
    if (merged.length === 0 || merged[merged.length - 1].position !== next.position) merged.push(next);
  }
  return merged;
}

/** The rows of `changes` that are not among `rows` (both in order of position). */
function besides(rows: readonly RecordRow[], changes: readonly RecordRow[]): RecordRow[] {
  return changes.filter((change) => {
    let low = 0;
    let high = rows.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (rows[middle].position === change.position) return false;
      if (rows[middle].position < change.position) low = middle + 1;
      else high = middle - 1;
    }
    return true;
  });
}

function toFact(event: Recorded<Event>, position: number): FactEvent {
  return { eventId: event.id, type: event.type, position, occurredAt: event.occurredAt, data: event.data as Record<string, unknown> };
}
