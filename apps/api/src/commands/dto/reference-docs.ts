import { FieldDoc } from './fields';

/** How the ids that several commands point at are described in the OpenAPI document. */
export const REFERENCE_DOCS = {
  projectId: { description: 'Id of the co-produced project', example: 'p-energy' },
  participantId: { description: 'Id of the participant', example: 'part-003' },
  activityId: { description: 'Id of the activity (meeting, workshop, session)', example: 'act-energy-05' },
  decisionId: { description: 'Id of the decision', example: 'dec-energy-cabinet' },
  claimId: { description: 'Id of the expense claim', example: 'exp-energy-009' },
  quoteId: { description: 'Id of the quote', example: 'quote-energy-02' },
  measureId: { description: 'Id of the service measure', example: 'measure-energy-enquiries' },
} satisfies Record<string, FieldDoc>;
