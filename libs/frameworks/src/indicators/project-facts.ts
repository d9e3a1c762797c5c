import { ContributionRecorded, staffSummaryOf } from '@coprod/domain';

/** One event of a project's record, corrections already applied, as indicators read it. */
export interface FactEvent {
  eventId: string;
  type: string;
  position: number;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface ParticipantFact {
  participantId: string;
  role: string;
  groups: string[];
  formats: string[];
  erased: boolean;
  eventIds: string[];
}

export interface ActivityFact {
  activityId: string;
  title: string;
  activityType: string;
  stage: string;
  format: string;
  plannedFor: string;
  heldOn: string | null;
  durationMinutes: number | null;
  ladderLevel: string;
  cancelled: boolean;
  eventIds: string[];
}

export interface AttendanceFact {
  eventId: string;
  activityId: string;
  participantId: string;
  minutes: number;
  capacity: string;
  format: string;
}

export interface ContributionFact {
  eventId: string;
  activityId: string;
  contributionId: string;
  participantIds: string[];
  kind: string;
  /** Whose words the record holds; null for contributions recorded before that was stated. */
  recordedAs: 'staff_summary' | 'participant_words' | null;
  /** The text a report may show: a staff summary's. Participant words stay sealed and unstated text unshown. */
  staffSummary: string | null;
}

export interface DecisionFact {
  decisionId: string;
  title: string;
  decisionMaker: string;
  reference: string;
  decidedOn: string;
  recommendation: string;
  eventId: string;
}

export interface InfluenceFact {
  eventId: string;
  decisionId: string;
  influenceId: string;
  contributionIds: string[];
  activityIds: string[];
  youSaid: string;
  weDid: string;
  whereInRecommendation: string | null;
  ladderLevel: string;
  needhamCarrLevel: string;
  optionsAlreadyFormed: boolean;
}

export interface NotAdoptedFact {
  eventId: string;
  decisionId: string;
  proposalId: string;
  contributionId: string | null;
  proposal: string;
  reason: string;
}

export interface CommitmentFact {
  decisionId: string;
  commitmentId: string;
  description: string;
  dueBy: string | null;
  metOn: string | null;
  evidence: string | null;
  eventIds: string[];
}

export interface ExpenseFact {
  claimId: string;
  participantId: string;
  category: string;
  amountPence: number;
  status: 'claimed' | 'approved' | 'rejected' | 'paid';
  /** Net of reversals: what the participant was paid and kept. */
  paidPence: number;
  /** Paid and then reversed by a compensating entry; never subtracted from a rewritten amount. */
  reversedPence: number;
  eventIds: string[];
}

export interface QuoteFact {
  quoteId: string;
  participantId: string;
  activityId: string | null;
  decisionId: string | null;
  context: string;
  outcomeIds: string[];
  attribution: string;
  allowedUses: string[];
  language: string;
  capturedOn: string;
  /** Sealed personal data (the words) exactly as stored. */
  personal: unknown;
  withdrawn: boolean;
  eventIds: string[];
}

export interface SurveyFact {
  eventId: string;
  participantId: string;
  phase: 'pre' | 'post';
  answers: Record<string, number>;
}

export interface MeasureFact {
  measureId: string;
  name: string;
  unit: string;
  baseline: number;
  baselineOn: string;
  betterWhen: 'higher' | 'lower';
  outcomeId: string | null;
  readings: { value: number; readingOn: string; eventId: string }[];
  eventIds: string[];
}

/** Everything known about one project, folded from its record. */
export interface ProjectFacts {
  project?: {
    projectId: string;
    title: string;
    serviceArea: string;
    aim: string;
    frameworkId: string;
    improvementSought: string;
    registeredOn: string;
    closedOn: string | null;
    stage: string;
    eventId: string;
  };
  tailoredOutcomes: Record<string, { wording: string; eventId: string }>;
  setup: { activity: string; doneOn: string; eventId: string }[];
  stages: { stage: string; from: string; skipped: string[]; reason: string | null; enteredOn: string; eventId: string }[];
  reflections: { principleId: string; reflection: string; madeADifference: boolean; recordedOn: string; eventId: string }[];
  participants: Map<string, ParticipantFact>;
  activities: Map<string, ActivityFact>;
  attendance: AttendanceFact[];
  contributions: ContributionFact[];
  decisions: Map<string, DecisionFact>;
  influences: InfluenceFact[];
  notAdopted: NotAdoptedFact[];
  commitments: Map<string, CommitmentFact>;
  expenses: Map<string, ExpenseFact>;
  quotes: Map<string, QuoteFact>;
  surveys: SurveyFact[];
  measures: Map<string, MeasureFact>;
}

type D = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Folds a project's record (in global order, corrections applied) into facts. */
export function foldProjectFacts(events: readonly FactEvent[]): ProjectFacts {
  const facts: ProjectFacts = {
    tailoredOutcomes: {},
    setup: [],
    stages: [],
    reflections: [],
    participants: new Map(),
    activities: new Map(),
    attendance: [],
    contributions: [],
    decisions: new Map(),
    influences: [],
    notAdopted: [],
    commitments: new Map(),
    expenses: new Map(),
    quotes: new Map(),
    surveys: [],
    measures: new Map(),
  };
  for (const event of events) apply(facts, event);
  return facts;
}

function apply(f: ProjectFacts, e: FactEvent): void {
  const d = e.data as D;
  switch (e.type) {
    case 'ProjectRegistered':
      f.project = { ...(d as NonNullable<ProjectFacts["project"]>), registeredOn: e.occurredAt, closedOn: null, stage: 'co_planning', eventId: e.eventId };
      return;
    case 'OutcomeTailored':
      f.tailoredOutcomes[d.outcomeId] = { wording: d.wording, eventId: e.eventId };
      return;
    case 'SetupActivityRecorded':
      f.setup.push({ activity: d.activity, doneOn: d.doneOn, eventId: e.eventId });
      return;
    case 'StageEntered':
      f.stages.push({ stage: d.stage, from: d.from, skipped: d.skipped ?? [], reason: d.reason ?? null, enteredOn: d.enteredOn, eventId: e.eventId });
      if (f.project) f.project.stage = d.stage;
      return;
    case 'ProjectFrameworkChanged':
      if (f.project) f.project.frameworkId = d.frameworkId;
      return;
    case 'PrincipleReflectionRecorded':
      f.reflections.push({ principleId: d.principleId, reflection: d.reflection, madeADifference: !!d.madeADifference, recordedOn: d.recordedOn, eventId: e.eventId });
      return;
    case 'ProjectClosed':
      if (f.project) f.project.closedOn = d.closedOn;
      return;
    case 'ParticipantRegistered':
    case 'ParticipantProfileUpdated': {
      const existing = f.participants.get(d.participantId);
      f.participants.set(d.participantId, {
        participantId: d.participantId,
        role: d.role ?? existing?.role,
        groups: d.seldomHeardGroups ?? existing?.groups ?? [],
        formats: d.preferredFormats ?? existing?.formats ?? [],
        erased: existing?.erased ?? false,
        eventIds: [...(existing?.eventIds ?? []), e.eventId],
      });
      return;
    }
    case 'ParticipantErased': {
      const existing = f.participants.get(d.participantId);
      if (existing) existing.erased = true;
      return;
    }
    case 'ActivityPlanned':
      f.activities.set(d.activityId, {
        activityId: d.activityId,
        title: d.title,
        activityType: d.activityType,
        stage: d.stage,
        format: d.format,
        plannedFor: d.plannedFor,
        heldOn: null,
        durationMinutes: null,
        ladderLevel: d.ladderLevel,
        cancelled: false,
        eventIds: [e.eventId],
      });
      return;
    case 'ActivityHeld':
      withActivity(f, d.activityId, (a) => {
        a.heldOn = d.heldOn;
        a.durationMinutes = d.durationMinutes;
        a.ladderLevel = d.ladderLevel ?? a.ladderLevel;
        a.eventIds.push(e.eventId);
      });
      return;
    case 'ActivityCancelled':
      withActivity(f, d.activityId, (a) => {
        a.cancelled = true;
        a.eventIds.push(e.eventId);
      });
      return;
    case 'AttendanceRecorded':
      f.attendance.push({ eventId: e.eventId, activityId: d.activityId, participantId: d.participantId, minutes: d.minutes, capacity: d.capacity, format: d.format });
      return;
    case 'ContributionRecorded':
      f.contributions.push({
        eventId: e.eventId,
        activityId: d.activityId,
        contributionId: d.contributionId,
        participantIds: d.participantIds ?? [],
        kind: d.kind,
        recordedAs: d.recordedAs ?? null,
        staffSummary: staffSummaryOf(d as ContributionRecorded['data']),
      });
      return;
    case 'DecisionRecorded':
      f.decisions.set(d.decisionId, { ...(d as DecisionFact), eventId: e.eventId });
      return;
    case 'InfluenceLinked':
      f.influences.push({ ...(d as InfluenceFact), optionsAlreadyFormed: !!d.optionsAlreadyFormed, eventId: e.eventId });
      return;
    case 'ProposalNotAdopted':
      f.notAdopted.push({ ...(d as NotAdoptedFact), eventId: e.eventId });
      return;
    case 'CommitmentMade':
      f.commitments.set(d.commitmentId, { decisionId: d.decisionId, commitmentId: d.commitmentId, description: d.description, dueBy: d.dueBy ?? null, metOn: null, evidence: null, eventIds: [e.eventId] });
      return;
    case 'CommitmentMet': {
      const c = f.commitments.get(d.commitmentId);
      if (c) Object.assign(c, { metOn: d.metOn, evidence: d.evidence, eventIds: [...c.eventIds, e.eventId] });
      return;
    }
    case 'ExpenseClaimed':
      f.expenses.set(d.claimId, { claimId: d.claimId, participantId: d.participantId, category: d.category, amountPence: d.amountPence, status: 'claimed', paidPence: 0, reversedPence: 0, eventIds: [e.eventId] });
      return;
    case 'ExpenseClaimAmended':
      withExpense(f, d.claimId, e, (x) => Object.assign(x, { amountPence: d.amountPence, category: d.category }));
      return;
    case 'ExpenseApproved':
      withExpense(f, d.claimId, e, (x) => (x.status = 'approved'));
      return;
    case 'ExpenseRejected':
      withExpense(f, d.claimId, e, (x) => (x.status = 'rejected'));
      return;
    case 'ExpensePaid':
      withExpense(f, d.claimId, e, (x) => Object.assign(x, { status: 'paid', paidPence: x.paidPence + d.amountPence }));
      return;
    case 'ExpenseApprovalWithdrawn':
      withExpense(f, d.claimId, e, (x) => (x.status = 'claimed'));
      return;
    case 'ExpensePaymentReversed':
      withExpense(f, d.claimId, e, (x) => Object.assign(x, { status: 'approved', paidPence: x.paidPence - d.amountPence, reversedPence: x.reversedPence + d.amountPence }));
      return;
    case 'QuoteCaptured':
      f.quotes.set(d.quoteId, {
        quoteId: d.quoteId,
        participantId: d.participantId,
        activityId: d.activityId ?? null,
        decisionId: d.decisionId ?? null,
        context: d.context,
        outcomeIds: d.outcomeIds ?? [],
        attribution: d.attribution,
        allowedUses: d.allowedUses ?? [],
        language: d.language ?? 'en',
        capturedOn: d.capturedOn,
        personal: d.personal,
        withdrawn: false,
        eventIds: [e.eventId],
      });
      return;
    case 'QuoteConsentChanged':
      withQuote(f, d.quoteId, e, (q) => Object.assign(q, { attribution: d.attribution, allowedUses: d.allowedUses }));
      return;
    case 'QuoteConsentWithdrawn':
      withQuote(f, d.quoteId, e, (q) => (q.withdrawn = true));
      return;
    case 'SurveyResponseRecorded':
      f.surveys.push({ eventId: e.eventId, participantId: d.participantId, phase: d.phase, answers: d.answers ?? {} });
      return;
    case 'ServiceMeasureDefined':
      f.measures.set(d.measureId, { ...(d as MeasureFact), readings: [], eventIds: [e.eventId] });
      return;
    case 'ServiceMeasureReadingRecorded': {
      const m = f.measures.get(d.measureId);
      if (m) {
        m.readings.push({ value: d.value, readingOn: d.readingOn, eventId: e.eventId });
        m.eventIds.push(e.eventId);
      }
      return;
    }
    default:
      return;
  }
}

function withActivity(f: ProjectFacts, id: string, change: (a: ActivityFact) => void): void {
  const activity = f.activities.get(id);
  if (activity) change(activity);
}

function withExpense(f: ProjectFacts, id: string, e: FactEvent, change: (x: ExpenseFact) => void): void {
  const expense = f.expenses.get(id);
  if (!expense) return;
  change(expense);
  expense.eventIds.push(e.eventId);
}

function withQuote(f: ProjectFacts, id: string, e: FactEvent, change: (q: QuoteFact) => void): void {
  const quote = f.quotes.get(id);
  if (!quote) return;
  change(quote);
  quote.eventIds.push(e.eventId);
}
