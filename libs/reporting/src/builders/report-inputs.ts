import type { QuoteUse } from '@coprod/domain/core/vocabulary';
import type { Framework, OutcomeSummary, ProjectFacts } from '@coprod/frameworks';
import type { ReportDefinition } from '../definitions/report-definition';

/** The slice of the log a report rests on, as the outcome query reports it. */
export interface RecordRange {
  firstPosition: number;
  lastPosition: number;
  eventCount: number;
  lastEventHash: string;
  /** The outcome answer's provenance digest, where the report rests on one. */
  provenanceDigest?: string;
  /** When the last event included was recorded: the report's date, never the wall clock. */
  lastRecordedAt: string;
}

/** Both clocks as resolved for this report. */
export interface ReportClocks {
  /** ISO instant: what had happened by then. */
  asOf: string;
  /** Last global position included. */
  knownAtPosition: number;
  /** How knownAt was asked for: `position N` or an ISO instant. */
  knownAt: string;
}

/** What every report needs besides its own evidence. */
export interface ReportSetting {
  publisher: string;
  suppressionThreshold: number;
  /** The integrity chain's head as known at `knownAt`. */
  chainHead: { position: number; hash: string };
  /** The kind of event store, as a reader may be told it: never a path or a host. */
  storeDescription: string;
  definition: ReportDefinition;
  /** The `coprod report ...` command that produces exactly this report again. */
  regenerateCommand: string;
}

/**
 * One project's folded record and figures, with the personal data a report may need already opened:
 * quote words by quote id and names by participant id (absent for anyone erased).
 */
export interface ProjectEvidence {
  projectId: string;
  framework: Framework;
  facts: ProjectFacts;
  summary: OutcomeSummary;
  clocks: ReportClocks;
  range: RecordRange;
  words: ReadonlyMap<string, string>;
  names: ReadonlyMap<string, string>;
}

/** Who a case study is for: decides which quotes its consent allows. */
export type CaseStudyAudience = Extract<QuoteUse, 'public' | 'internal_evaluation'>;

/** The audiences a case study can be written for. */
export const CASE_STUDY_AUDIENCES: readonly CaseStudyAudience[] = ['public', 'internal_evaluation'];
