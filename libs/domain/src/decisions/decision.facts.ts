import { Fact, FactFold } from '../core/fact';
import { DecisionEvent } from './decision';

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

/**
 * A proposal not adopted, recorded on a decision (`ProposalNotAdopted`) or on the project
 * (`ProjectProposalNotAdopted`); one recorded on the project without naming a decision has `decisionId` null.
 */
export interface NotAdoptedFact {
  eventId: string;
  decisionId: string | null;
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

/** The latest account of the engagement behind a decision, by the evaluation lead. */
export interface EngagementAccountFact {
  decisionId: string;
  contactOfficer: string | null;
  howRecruited: string | null;
  notReached: string | null;
  howTold: string | null;
  limitations: string | null;
  eventId: string;
}

/** Decisions and how co-production shaped them. */
export interface DecisionFacts {
  decisions: Map<string, DecisionFact>;
  influences: InfluenceFact[];
  notAdopted: NotAdoptedFact[];
  commitments: Map<string, CommitmentFact>;
  /** By decision id: each recording replaces the one before. */
  engagementAccounts: Map<string, EngagementAccountFact>;
}

export const decisionFacts: FactFold<DecisionEvent, DecisionFacts> = {
  empty: () => ({ decisions: new Map(), influences: [], notAdopted: [], commitments: new Map(), engagementAccounts: new Map() }),
  eventTypes: {
    DecisionRecorded: true,
    InfluenceLinked: true,
    ProposalNotAdopted: true,
    CommitmentMade: true,
    CommitmentMet: true,
    EngagementAccountRecorded: true,
  },
  apply(f: DecisionFacts, e: Fact<DecisionEvent>): void {
    switch (e.type) {
      case 'DecisionRecorded': {
        const { decisionId, title, decisionMaker, reference, decidedOn, recommendation } = e.data;
        f.decisions.set(decisionId, { decisionId, title, decisionMaker, reference, decidedOn, recommendation, eventId: e.eventId });
        return;
      }
      case 'InfluenceLinked': {
        const { decisionId, influenceId, contributionIds, activityIds, youSaid, weDid, whereInRecommendation, ladderLevel, needhamCarrLevel } = e.data;
        f.influences.push({
          eventId: e.eventId,
          decisionId,
          influenceId,
          contributionIds,
          activityIds,
          youSaid,
          weDid,
          whereInRecommendation,
          ladderLevel,
          needhamCarrLevel,
          optionsAlreadyFormed: !!e.data.optionsAlreadyFormed,
        });
        return;
      }
      case 'ProposalNotAdopted': {
        const { decisionId, proposalId, contributionId, proposal, reason } = e.data;
        f.notAdopted.push({ eventId: e.eventId, decisionId, proposalId, contributionId, proposal, reason });
        return;
      }
      case 'CommitmentMade': {
        const { decisionId, commitmentId, description, dueBy } = e.data;
        f.commitments.set(commitmentId, { decisionId, commitmentId, description, dueBy: dueBy ?? null, metOn: null, evidence: null, eventIds: [e.eventId] });
        return;
      }
      case 'CommitmentMet': {
        const commitment = f.commitments.get(e.data.commitmentId);
        if (!commitment) return;
        commitment.metOn = e.data.metOn;
        commitment.evidence = e.data.evidence;
        commitment.eventIds = [...commitment.eventIds, e.eventId];
        return;
      }
      case 'EngagementAccountRecorded': {
        const { decisionId, contactOfficer, howRecruited, notReached, howTold, limitations } = e.data;
        f.engagementAccounts.set(decisionId, { decisionId, contactOfficer, howRecruited, notReached, howTold, limitations, eventId: e.eventId });
        return;
      }
      default: {
        const unexpected: never = e;
        void unexpected;
      }
    }
  },
};
