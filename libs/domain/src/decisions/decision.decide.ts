import { Command } from '../core/event';
import { CorrectionCommand } from '../corrections/correctable';
import { conflict, notFound, requireCalendarDate, requireOneOf, ruleBroken } from '../core/errors';
import { DECISION_MAKERS, DecisionMaker, LADDER_LEVELS, LadderLevel, NEEDHAM_CARR_LEVELS, NeedhamCarrLevel } from '../core/vocabulary';
import { DecisionEvent, DecisionState } from './decision';

export type RecordDecision = Command<
  'RecordDecision',
  {
    decisionId: string;
    projectId: string;
    title: string;
    decisionMaker: DecisionMaker;
    /** Required unless the maker is in REFERENCE_OPTIONAL_FOR; absent or null is recorded as "". */
    reference?: string | null;
    decidedOn: string;
    recommendation: string;
  }
>;
export type LinkInfluence = Command<
  'LinkInfluence',
  {
    decisionId: string;
    influenceId: string;
    contributionIds: string[];
    activityIds: string[];
    youSaid: string;
    weDid: string;
    whereInRecommendation: string | null;
    ladderLevel: LadderLevel;
    needhamCarrLevel: NeedhamCarrLevel;
    optionsAlreadyFormed: boolean;
  }
>;
export type RecordProposalNotAdopted = Command<
  'RecordProposalNotAdopted',
  { decisionId: string; proposalId: string; contributionId: string | null; proposal: string; reason: string }
>;
export type MakeCommitment = Command<'MakeCommitment', { decisionId: string; commitmentId: string; description: string; dueBy: string | null }>;
export type MeetCommitment = Command<'MeetCommitment', { decisionId: string; commitmentId: string; metOn: string; evidence: string }>;

export type RecordEngagementAccount = Command<
  'RecordEngagementAccount',
  {
    decisionId: string;
    contactOfficer: string | null;
    howRecruited: string | null;
    notReached: string | null;
    howTold: string | null;
    limitations: string | null;
  }
>;

export type DecisionCommand = RecordDecision | LinkInfluence | RecordProposalNotAdopted | MakeCommitment | MeetCommitment | RecordEngagementAccount;

type Correcting<Type extends string, Fields extends object = object> = CorrectionCommand<Type, { decisionId: string }, Fields>;
export type AmendDecision = Correcting<'AmendDecision', Pick<RecordDecision['data'], 'title' | 'decisionMaker' | 'reference' | 'recommendation'>>;
export type AmendInfluence = Correcting<
  'AmendInfluence',
  Pick<LinkInfluence['data'], 'youSaid' | 'weDid' | 'whereInRecommendation' | 'ladderLevel' | 'needhamCarrLevel' | 'optionsAlreadyFormed'>
>;
export type VoidInfluence = Correcting<'VoidInfluence'>;
export type VoidProposalNotAdopted = Correcting<'VoidProposalNotAdopted'>;
export type VoidCommitmentMet = Correcting<'VoidCommitmentMet'>;
export type DecisionCorrection = AmendDecision | AmendInfluence | VoidInfluence | VoidProposalNotAdopted | VoidCommitmentMet;

type RecordedDecision = Extract<DecisionState, { status: 'recorded' }>;

/**
 * Makers whose decisions may have no reference: an officer deciding under delegation often records
 * the decision without a paper number, while a cabinet, committee or project group decision is found by its
 * paper or minute. An amendment is re-decided as a recording, so the rule holds when the maker or reference changes.
 */
export const REFERENCE_OPTIONAL_FOR: readonly DecisionMaker[] = ['officer_delegation'];

/**
 * Influence, proposals and commitments belong to the moment the decision was taken, so they carry
 * its date as `occurredAt`: a report "as of" that date includes them however late they were recorded.
 */
export function decideDecision(command: DecisionCommand, state: DecisionState): DecisionEvent[] {
  if (command.type === 'RecordDecision') return record(command, state);
  const decision = recordedDecision(state, command.data.decisionId);
  switch (command.type) {
    case 'LinkInfluence':
      return linkInfluence(command, decision);
    case 'RecordProposalNotAdopted':
      return recordProposalNotAdopted(command, decision);
    case 'MakeCommitment':
      return makeCommitment(command, decision);
    case 'MeetCommitment':
      return meetCommitment(command, decision);
    case 'RecordEngagementAccount':
      return recordEngagementAccount(command, decision);
    default: {
      const unexpected: never = command;
      throw new Error(`unknown decision command ${(unexpected as Command).type}`);
    }
  }
}

function recordedDecision(state: DecisionState, decisionId: string): RecordedDecision {
  if (state.status === 'unrecorded') {
    throw notFound('decision.not_found', `decision ${decisionId} does not exist; record the decision first`);
  }
  return state;
}

function required(value: string, code: string, message: string): void {
  if (value.trim() === '') throw ruleBroken(code, message);
}

function isBefore(later: string, earlier: string): boolean {
  return Date.parse(later) < Date.parse(earlier);
}

function record(command: RecordDecision, state: DecisionState): DecisionEvent[] {
  if (state.status !== 'unrecorded') {
    throw conflict('decision.already_recorded', `decision ${command.data.decisionId} is already recorded as "${state.title}"`);
  }
  required(command.data.title, 'decision.title_missing', `decision ${command.data.decisionId} needs a title`);
  requireOneOf(command.data.decisionMaker, DECISION_MAKERS, 'decisionMaker');
  requireCalendarDate(command.data.decidedOn, 'decidedOn');
  const reference = command.data.reference ?? '';
  if (typeof reference !== 'string') throw ruleBroken('decision.reference_not_text', `reference of decision ${command.data.decisionId} must be text`);
  if (reference.trim() === '' && !REFERENCE_OPTIONAL_FOR.includes(command.data.decisionMaker)) {
    throw ruleBroken(
      'decision.reference_missing',
      `decision ${command.data.decisionId} by ${command.data.decisionMaker} needs a reference (e.g. the committee paper number) so readers can find it; only an officer decision under delegation may have none`,
    );
  }
  return [{ type: 'DecisionRecorded', data: { ...command.data, reference }, occurredAt: command.data.decidedOn }];
}

function linkInfluence(command: LinkInfluence, decision: RecordedDecision): DecisionEvent[] {
  const { influenceId, contributionIds, activityIds } = command.data;
  if (decision.influenceIds.includes(influenceId)) {
    throw conflict(
      'decision.influence_already_linked',
      `influence ${influenceId} is already linked to decision ${decision.decisionId}; use a new id or correct that event`,
    );
  }
  if (contributionIds.length === 0 && activityIds.length === 0) {
    throw ruleBroken('decision.influence_without_source', 'an influence must name the contributions or activities it came from');
  }
  required(command.data.youSaid, 'decision.you_said_missing', `influence ${influenceId} needs "you said": what participants said`);
  required(command.data.weDid, 'decision.we_did_missing', `influence ${influenceId} needs "we did": what changed in decision ${decision.decisionId}`);
  requireOneOf(command.data.ladderLevel, LADDER_LEVELS, 'ladderLevel');
  requireOneOf(command.data.needhamCarrLevel, NEEDHAM_CARR_LEVELS, 'needhamCarrLevel');
  if (typeof command.data.optionsAlreadyFormed !== 'boolean') {
    throw ruleBroken(
      'decision.options_already_formed_missing',
      `influence ${influenceId} must say whether the options were already formed (true or false)`,
    );
  }
  return [{ type: 'InfluenceLinked', data: { ...command.data, projectId: decision.projectId }, occurredAt: decision.decidedOn }];
}

function recordProposalNotAdopted(command: RecordProposalNotAdopted, decision: RecordedDecision): DecisionEvent[] {
  const { proposalId } = command.data;
  if (decision.proposalIds.includes(proposalId)) {
    throw conflict(
      'decision.proposal_already_recorded',
      `proposal ${proposalId} is already recorded against decision ${decision.decisionId}; use a new id or correct that event`,
    );
  }
  required(command.data.proposal, 'decision.proposal_missing', `proposal ${proposalId} needs the words of what was proposed`);
  required(
    command.data.reason,
    'decision.reason_missing',
    `proposal ${proposalId} was not adopted: say why, so participants hear what happened to their idea`,
  );
  return [{ type: 'ProposalNotAdopted', data: { ...command.data, projectId: decision.projectId }, occurredAt: decision.decidedOn }];
}

function makeCommitment(command: MakeCommitment, decision: RecordedDecision): DecisionEvent[] {
  const { commitmentId, dueBy } = command.data;
  if (Object.hasOwn(decision.commitments, commitmentId)) {
    throw conflict(
      'decision.commitment_already_made',
      `commitment ${commitmentId} is already recorded on decision ${decision.decisionId}; use a new id or correct that event`,
    );
  }
  required(
    command.data.description,
    'decision.commitment_description_missing',
    `commitment ${commitmentId} needs a description of what was promised`,
  );
  if (dueBy !== null) requireCalendarDate(dueBy, 'dueBy');
  if (dueBy !== null && isBefore(dueBy, decision.decidedOn)) {
    throw ruleBroken(
      'decision.commitment_due_before_decision',
      `commitment ${commitmentId} is due by ${dueBy}, before decision ${decision.decisionId} was taken on ${decision.decidedOn}; check the date`,
    );
  }
  return [{ type: 'CommitmentMade', data: { ...command.data, projectId: decision.projectId }, occurredAt: decision.decidedOn }];
}

function meetCommitment(command: MeetCommitment, decision: RecordedDecision): DecisionEvent[] {
  const { commitmentId, metOn } = command.data;
  if (!Object.hasOwn(decision.commitments, commitmentId)) {
    throw notFound(
      'decision.commitment_not_found',
      `commitment ${commitmentId} was not made on decision ${decision.decisionId}; make the commitment first`,
    );
  }
  const alreadyMet = decision.commitments[commitmentId];
  if (alreadyMet !== null) {
    throw conflict(
      'decision.commitment_already_met',
      `commitment ${commitmentId} was already met on ${alreadyMet}; correct that event if the date or evidence was wrong`,
    );
  }
  required(command.data.evidence, 'decision.evidence_missing', `meeting commitment ${commitmentId} needs evidence of what was done`);
  requireCalendarDate(metOn, 'metOn');
  if (isBefore(metOn, decision.decidedOn)) {
    throw ruleBroken(
      'decision.met_before_decision',
      `commitment ${commitmentId} cannot be met on ${metOn}, before decision ${decision.decisionId} was taken on ${decision.decidedOn}`,
    );
  }
  return [{ type: 'CommitmentMet', data: { ...command.data, projectId: decision.projectId }, occurredAt: metOn }];
}

const ACCOUNT_PARTS = ['contactOfficer', 'howRecruited', 'notReached', 'howTold', 'limitations'] as const;

/**
 * The account is dated with the decision, like the influence it explains, so a report as of the day of
 * the decision carries it; the knownAt clock still rebuilds a report without an account recorded later.
 */
function recordEngagementAccount(command: RecordEngagementAccount, decision: RecordedDecision): DecisionEvent[] {
  const parts = ACCOUNT_PARTS.map((part) => [part, command.data[part]] as const);
  const wrong = parts.find(([, value]) => value !== null && typeof value !== 'string');
  if (wrong) throw ruleBroken('decision.account_part_not_text', `${wrong[0]} must be text, or null where it is not known yet`);
  const given = Object.fromEntries(parts.map(([part, value]) => [part, value === null || value.trim() === '' ? null : value.trim()])) as Record<
    (typeof ACCOUNT_PARTS)[number],
    string | null
  >;
  if (Object.values(given).every((value) => value === null)) {
    throw ruleBroken(
      'decision.account_empty',
      `the engagement account of decision ${decision.decisionId} is empty: give at least one of ${ACCOUNT_PARTS.join(', ')}`,
    );
  }
  return [
    {
      type: 'EngagementAccountRecorded',
      data: { decisionId: decision.decisionId, projectId: decision.projectId, ...given },
      occurredAt: decision.decidedOn,
    },
  ];
}
