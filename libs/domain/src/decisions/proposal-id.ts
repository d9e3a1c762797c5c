import type { ProjectIdClaim } from '../core/project-id-claim';
import type { ProjectEvent } from '../projects/project';
import type { DecisionEvent } from './decision';

/** The events that record a proposal not adopted: on a decision, or on the project itself. */
export const PROPOSAL_RECORDED_BY = ['ProposalNotAdopted', 'ProjectProposalNotAdopted'] as const satisfies readonly (
  DecisionEvent['type'] | ProjectEvent['type']
)[];

/**
 * A proposal id names one proposal of the project, whichever level records it: the project's figures and reports
 * list proposals not adopted from both levels in one list, so a second record of an id would list it twice.
 * `within` is the project, or the decision whose project it is; `code` is the recording aggregate's own code.
 */
export function proposalIdClaim(
  proposalId: string,
  within: Pick<ProjectIdClaim, 'ofProject'> | Pick<ProjectIdClaim, 'ofProjectOf'>,
  code: 'decision.proposal_already_recorded' | 'project.proposal_already_recorded',
): ProjectIdClaim {
  return {
    what: 'proposal',
    id: proposalId,
    recordedBy: PROPOSAL_RECORDED_BY,
    idField: 'proposalId',
    recordedAs: 'recorded as not adopted',
    ...within,
    code,
  };
}
