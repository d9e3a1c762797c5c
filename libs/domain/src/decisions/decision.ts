import { Event } from '../core/event';
import { DecisionMaker, LadderLevel, NeedhamCarrLevel } from '../core/vocabulary';

/**
 * `reference` is how the decision can be found, e.g. the committee paper number "EX4321"; it is "" for
 * an officer decision under delegation recorded without one, so every stored decision has the same shape.
 */
export type DecisionRecorded = Event<
  'DecisionRecorded',
  {
    decisionId: string;
    projectId: string;
    title: string;
    decisionMaker: DecisionMaker;
    reference: string;
    decidedOn: string;
    recommendation: string;
  }
>;
/**
 * "You said, we did": what changed in the decision because of named contributions or activities.
 * `optionsAlreadyFormed` is Bracknell Forest's test of what co-production is not; reports flag it.
 */
export type InfluenceLinked = Event<
  'InfluenceLinked',
  {
    decisionId: string;
    projectId: string;
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
export type ProposalNotAdopted = Event<
  'ProposalNotAdopted',
  { decisionId: string; projectId: string; proposalId: string; contributionId: string | null; proposal: string; reason: string }
>;
export type CommitmentMade = Event<
  'CommitmentMade',
  { decisionId: string; projectId: string; commitmentId: string; description: string; dueBy: string | null }
>;
export type CommitmentMet = Event<'CommitmentMet', { decisionId: string; projectId: string; commitmentId: string; metOn: string; evidence: string }>;

/**
 * The evaluation lead's account of the engagement behind a decision: the parts of a committee paper's
 * "Consultation and engagement" section only a person can write. Each recording is the whole account
 * and replaces the one before; a part left null is reported as not recorded, never guessed.
 */
export type EngagementAccountRecorded = Event<
  'EngagementAccountRecorded',
  {
    decisionId: string;
    projectId: string;
    /** The officer readers contact about the section: name, job title, and how to reach them. */
    contactOfficer: string | null;
    /** How people were found and invited to take part. */
    howRecruited: string | null;
    /** Who the engagement did not reach, as the lead knows it (the record's figures are reported beside it). */
    notReached: string | null;
    /** How participants were told what was decided and what became of their views. */
    howTold: string | null;
    /** What limits the weight the engagement can bear. */
    limitations: string | null;
  }
>;

export type DecisionEvent = DecisionRecorded | InfluenceLinked | ProposalNotAdopted | CommitmentMade | CommitmentMet | EngagementAccountRecorded;

export type DecisionState =
  | { status: 'unrecorded' }
  | {
      status: 'recorded';
      decisionId: string;
      projectId: string;
      title: string;
      decidedOn: string;
      influenceIds: string[];
      proposalIds: string[];
      /** commitmentId -> the day it was met, or null while open */
      commitments: Record<string, string | null>;
    };

export const initialDecisionState = (): DecisionState => ({ status: 'unrecorded' });

export function evolveDecision(state: DecisionState, event: DecisionEvent): DecisionState {
  if (event.type === 'DecisionRecorded') {
    const { decisionId, projectId, title, decidedOn } = event.data;
    return { status: 'recorded', decisionId, projectId, title, decidedOn, influenceIds: [], proposalIds: [], commitments: {} };
  }
  if (state.status === 'unrecorded') return state;
  switch (event.type) {
    case 'InfluenceLinked':
      return { ...state, influenceIds: [...state.influenceIds, event.data.influenceId] };
    case 'ProposalNotAdopted':
      return { ...state, proposalIds: [...state.proposalIds, event.data.proposalId] };
    case 'CommitmentMade':
      return { ...state, commitments: { ...state.commitments, [event.data.commitmentId]: null } };
    case 'CommitmentMet':
      return { ...state, commitments: { ...state.commitments, [event.data.commitmentId]: event.data.metOn } };
    case 'EngagementAccountRecorded':
      return state;
    default: {
      // Events this aggregate does not know (a correction sharing the stream) leave it unchanged.
      const ignored: never = event;
      void ignored;
      return state;
    }
  }
}
