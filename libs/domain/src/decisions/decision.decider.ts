import { Decider } from '../core/decider';
import { DecisionEvent, DecisionState, evolveDecision, initialDecisionState } from './decision';
import { DecisionCommand, decideDecision } from './decision.decide';

/** A decision and how co-production shaped it: influence, proposals not adopted, commitments. */
export const decisionDecider: Decider<DecisionCommand, DecisionEvent, DecisionState> = {
  name: 'decision',
  commandTypes: ['RecordDecision', 'LinkInfluence', 'RecordProposalNotAdopted', 'MakeCommitment', 'MeetCommitment'],
  initialState: initialDecisionState,
  decide: decideDecision,
  evolve: evolveDecision,
  streamIdOf: (command) => command.data.decisionId,
};
