import { Inject, Injectable } from '@nestjs/common';
import { READ_MODELS, ReadModels } from '../read-models/read-models';
import { isAsOfNow } from './clocks';
import { OutcomeQuery, ProjectOutcomes, ProjectOutcomesService, SteadySpan } from './project-outcomes.service';

/** Answers kept at most; beyond it the least recently asked is forgotten first. */
const CAPACITY = 64;
/**
 * Record rows the kept answers may hold between them, so a few very large projects cannot hold on
 * to much memory; an answer larger than this on its own is computed every time.
 */
const ROW_BUDGET = 200_000;

interface Kept {
  outcomes: ProjectOutcomes;
  /** Set only for an answer asked as of now: the instants it stays true for. */
  steady: SteadySpan | undefined;
}

/**
 * Outcome answers remembered between identical questions, each exactly what computing it afresh
 * would give. An answer rests on the read models and, when asked as of now, on which recorded
 * moments now has passed; so every answer is forgotten as soon as the read models change (this
 * process's projection moving on, or any other connection writing the file), and an answer as of
 * now is reused only while now stays between the recorded moments either side of it. Its provenance
 * digest names its asOf clock "now", so the answer carries the same digest however now moves.
 *
 * Answers are shared between callers: they are read, never changed.
 */
@Injectable()
export class ProjectOutcomesCache {
  private readonly kept = new Map<string, Kept>();
  private rowsKept = 0;
  private keptAt: string | undefined;

  constructor(
    private readonly service: ProjectOutcomesService,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  /** The answer to `query`, from memory when the same question was answered on the same record. */
  outcomes(query: OutcomeQuery): ProjectOutcomes {
    this.forgetIfRecordChanged();
    const key = JSON.stringify([query.projectId, query.frameworkId ?? null, query.asOf ?? null, query.knownAt ?? null]);
    const kept = this.kept.get(key);
    if (kept && holdsAt(kept, query.now)) {
      this.kept.delete(key);
      this.kept.set(key, kept);
      return kept.steady ? { ...kept.outcomes, clocks: { ...kept.outcomes.clocks, asOf: query.now } } : kept.outcomes;
    }
    const { outcomes, steady } = this.service.computeTimed(query);
    this.keep(key, { outcomes, steady: isAsOfNow(query.asOf) ? steady : undefined });
    return outcomes;
  }

  /** How many answers are remembered. */
  get size(): number {
    return this.kept.size;
  }

  private keep(key: string, kept: Kept): void {
    if (rowsOf(kept) > ROW_BUDGET) return;
    this.forget(key);
    this.kept.set(key, kept);
    this.rowsKept += rowsOf(kept);
    while (this.kept.size > CAPACITY || this.rowsKept > ROW_BUDGET) this.forget(this.kept.keys().next().value as string);
  }

  private forget(key: string): void {
    const kept = this.kept.get(key);
    if (!kept) return;
    this.kept.delete(key);
    this.rowsKept -= rowsOf(kept);
  }

  /**
   * The projection runtime's position moves with every batch this process applies; SQLite's
   * data_version moves when another connection (a rebuild from the command line) writes the file.
   */
  private forgetIfRecordChanged(): void {
    const at = `${this.readModels.runtime.currentPosition()}:${this.readModels.dataVersion() as number}`;
    if (at === this.keptAt) return;
    this.kept.clear();
    this.rowsKept = 0;
    this.keptAt = at;
  }
}

function rowsOf(kept: Kept): number {
  return kept.outcomes.rows.length + kept.outcomes.appliedChanges.length;
}

function holdsAt(kept: Kept, now: string): boolean {
  if (!kept.steady) return true;
  const { from, until } = kept.steady;
  return from <= now && (until === undefined || now < until);
}
