import type { RecordedEvent } from '@coprod/event-store/event-envelope';
import {
  ActivityFacts,
  activityFacts,
  CoprodEvent,
  DecisionFacts,
  decisionFacts,
  ExpenseFacts,
  expenseFacts,
  Fact,
  FactFold,
  MeasureFacts,
  measureFacts,
  ParticipantFacts,
  participantFacts,
  ProjectRecordFacts,
  projectFacts,
  QuoteFacts,
  quoteFacts,
  SurveyFacts,
  surveyFacts,
} from '@coprod/domain';

export type {
  ActivityFact,
  AttendanceFact,
  CommitmentFact,
  ContributionFact,
  DecisionFact,
  ExpenseFact,
  InfluenceFact,
  MeasureFact,
  NotAdoptedFact,
  ParticipantFact,
  QuoteFact,
  SurveyFact,
} from '@coprod/domain';

/**
 * The view of a recorded event a fold needs: one event of a project's record, corrections already
 * applied, with whatever data was stored. `foldProjectFacts` reads it as the domain's typed events.
 */
export type FactEvent = Pick<RecordedEvent, 'eventId' | 'type' | 'position' | 'occurredAt' | 'data'>;

/** Everything known about one project, folded from its record: each feature's facts side by side. */
export type ProjectFacts = ProjectRecordFacts &
  ParticipantFacts &
  ActivityFacts &
  DecisionFacts &
  ExpenseFacts &
  QuoteFacts &
  SurveyFacts &
  MeasureFacts;

type AnyFold = FactFold<CoprodEvent, unknown>;
const FOLDS = [projectFacts, participantFacts, activityFacts, decisionFacts, expenseFacts, quoteFacts, surveyFacts, measureFacts] as unknown as AnyFold[];

/** Which feature folds each event type; corrections are already applied, so they fold into nothing. */
const FOLD_OF = new Map<string, AnyFold>(FOLDS.flatMap((fold) => Object.keys(fold.eventTypes).map((type) => [type, fold] as const)));

/** Folds a project's record (in global order, corrections applied) into facts. */
export function foldProjectFacts(events: readonly FactEvent[]): ProjectFacts {
  const facts = Object.assign({}, ...FOLDS.map((fold) => fold.empty())) as ProjectFacts;
  for (const event of events) {
    // The read model holds what the domain recorded: its data is read as the domain's event of that type.
    FOLD_OF.get(event.type)?.apply(facts, event as unknown as Fact<CoprodEvent>);
  }
  return facts;
}
