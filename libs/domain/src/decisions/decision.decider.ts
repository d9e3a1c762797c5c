import { Decider, referencesTo } from '../core/decider';
import { CorrectionsOf } from '../corrections/correctable';
import { DecisionEvent, DecisionState, evolveDecision, initialDecisionState } from './decision';
import { DecisionCommand, DecisionCorrection, decideDecision } from './decision.decide';
import { proposalIdClaim } from './proposal-id';

/** The date of a decision dates its influence and commitments, so it is not amended: void and record again. */
const corrections: CorrectionsOf<DecisionCorrection['type'], DecisionEvent['type'], DecisionCommand['type']> = {
  rules: {
    AmendDecision: { corrects: 'DecisionRecorded', kind: 'amend', fields: ['title', 'decisionMaker', 'reference', 'recommendation'] },
    AmendInfluence: {
      corrects: 'InfluenceLinked',
      kind: 'amend',
      fields: ['youSaid', 'weDid', 'whereInRecommendation', 'ladderLevel', 'needhamCarrLevel', 'optionsAlreadyFormed'],
    },
    VoidInfluence: { corrects: 'InfluenceLinked', kind: 'void' },
    VoidProposalNotAdopted: { corrects: 'ProposalNotAdopted', kind: 'void' },
    VoidCommitmentMet: { corrects: 'CommitmentMet', kind: 'void' },
  },
  recordedBy: {
    DecisionRecorded: 'RecordDecision',
    InfluenceLinked: 'LinkInfluence',
    ProposalNotAdopted: 'RecordProposalNotAdopted',
    CommitmentMade: 'MakeCommitment',
    CommitmentMet: 'MeetCommitment',
    EngagementAccountRecorded: 'RecordEngagementAccount',
  },
};

/** A decision and how co-production shaped it: influence, proposals not adopted, commitments, and the lead's account of the engagement. */
export const decisionDecider: Decider<DecisionCommand, DecisionEvent, DecisionState> = {
  name: 'decision',
  commandTypes: ['RecordDecision', 'LinkInfluence', 'RecordProposalNotAdopted', 'MakeCommitment', 'MeetCommitment', 'RecordEngagementAccount'],
  initialState: initialDecisionState,
  decide: decideDecision,
  evolve: evolveDecision,
  streamIdOf: (command) => command.data.decisionId,
  references: {
    RecordDecision: (data) => referencesTo('project', [data.projectId]),
    // The activities and contributions an influence came from are the decision's own project's, never another project's.
    LinkInfluence: (data) =>
      [...referencesTo('activity', data.activityIds ?? []), ...referencesTo('contribution', data.contributionIds ?? [])].map((reference) => ({
        ...reference,
        ofProjectOf: { aggregate: 'decision', id: data.decisionId },
      })),
    // A proposal not adopted that names the contribution it came from names one recorded in this decision's project.
    RecordProposalNotAdopted: (data) =>
      referencesTo('contribution', [data.contributionId]).map((reference) => ({
        ...reference,
        ofProjectOf: { aggregate: 'decision', id: data.decisionId },
      })),
  },
  claims: {
    // The id may already be recorded on another decision of the project, or on the project itself.
    RecordProposalNotAdopted: (data) => [
      proposalIdClaim(data.proposalId, { ofProjectOf: { aggregate: 'decision', id: data.decisionId } }, 'decision.proposal_already_recorded'),
    ],
  },
  corrections,
};
