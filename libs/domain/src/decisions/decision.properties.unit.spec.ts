import fc from 'fast-check';
import { checkInvariants, correctionsStayFinal, eventRef, ids, invariant, isBlank, mostly, reason, request, StreamView } from '../core/properties';
import { DECISION_MAKERS, LADDER_LEVELS, NEEDHAM_CARR_LEVELS } from '../core/vocabulary';
import { DecisionEvent, DecisionRecorded } from './decision';
import { decisionDecider } from './decision.decider';

const decisionId = ids('d-1', 'd-2');
const commitmentId = ids('cm-1', 'cm-2');
const text = (valid: string) => mostly([valid], ['', '  ']);
const decidedOn = mostly(['2026-03-10', '2026-03-12T19:00:00+00:00'], ['2026-02-30', 'last week']);
const decisionMaker = mostly(DECISION_MAKERS, ['mayor']);
const ladderLevel = mostly(LADDER_LEVELS, ['tokenism']);
const needhamCarrLevel = mostly(NEEDHAM_CARR_LEVELS, ['radical']);
const optionsAlreadyFormed = mostly<unknown>([true, false], ['yes', null]);
const later = mostly(['2026-03-11', '2026-09-30', '2026-03-01'], ['']);

const record = request(
  'RecordDecision',
  fc.record({
    decisionId,
    projectId: fc.constant('p1'),
    title: text('Community energy guidance note'),
    decisionMaker,
    reference: fc.constantFrom('EX4321', ''),
    decidedOn,
    recommendation: fc.constantFrom('Adopt the guidance note with a worked example', ''),
  }),
);
const correcting = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record({ decisionId, eventId: eventRef, reason, ...fields }, { requiredKeys: ['decisionId', 'eventId', 'reason'] });

const requests = fc.oneof(
  { weight: 1, arbitrary: record },
  {
    weight: 3,
    arbitrary: request(
      'LinkInfluence',
      fc.record({
        decisionId,
        influenceId: fc.constantFrom('i-1', 'i-2'),
        contributionIds: fc.subarray(['c-1', 'c-2']),
        activityIds: fc.subarray(['a-1']),
        youSaid: text('Add a worked example'),
        weDid: text('Section 4 now has a worked example'),
        whereInRecommendation: fc.constantFrom(null, 'paragraph 4'),
        ladderLevel,
        needhamCarrLevel,
        optionsAlreadyFormed,
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: request(
      'RecordProposalNotAdopted',
      fc.record({ decisionId, proposalId: fc.constantFrom('pr-1', 'pr-2'), contributionId: fc.constantFrom(null, 'c-1'), proposal: text('Free solar panels'), reason }),
    ),
  },
  {
    weight: 3,
    arbitrary: request(
      'MakeCommitment',
      fc.record({ decisionId, commitmentId, description: text('Post a copy to every parish council'), dueBy: mostly([null, '2026-09-30', '2026-03-01'], ['', 'soon']) }),
    ),
  },
  {
    weight: 4,
    arbitrary: request('MeetCommitment', fc.record({ decisionId, commitmentId, metOn: later, evidence: text('Posted on 12 September') })),
  },
  {
    weight: 1,
    arbitrary: request(
      'AmendDecision',
      correcting({ title: text('Community energy guidance'), decisionMaker, reference: fc.constantFrom('EX4322', ''), recommendation: fc.constantFrom('Adopt it', '') }),
    ),
  },
  {
    weight: 2,
    arbitrary: request(
      'AmendInfluence',
      correcting({
        youSaid: text('Add two worked examples'),
        weDid: text('Sections 4 and 5'),
        whereInRecommendation: fc.constantFrom(null, 'paragraph 5'),
        ladderLevel,
        needhamCarrLevel,
        optionsAlreadyFormed,
      }),
    ),
  },
  { weight: 1, arbitrary: request('VoidInfluence', correcting({})) },
  { weight: 1, arbitrary: request('VoidProposalNotAdopted', correcting({})) },
  { weight: 2, arbitrary: request('VoidCommitmentMet', correcting({})) },
);

const inVocabulary = (value: unknown, allowed: readonly string[]) => typeof value === 'string' && allowed.includes(value);
const before = (later: string, earlier: string) => Date.parse(later) < Date.parse(earlier);

/** Walks the decision as a reader sees it: recorded once, then influence, proposals and commitments, each once. */
function decisionInvariants({ id, raw, read }: StreamView<DecisionEvent>): void {
  let decision: DecisionRecorded['data'] | undefined;
  const influences = new Set<string>();
  const proposals = new Set<string>();
  const commitments = new Map<string, boolean>();
  for (const event of read) {
    invariant((decision === undefined) === (event.type === 'DecisionRecorded'), `decision ${id}: ${event.type} ${event.id} ${decision ? 'after it was recorded' : 'before it was recorded'}`);
    switch (event.type) {
      case 'DecisionRecorded':
        invariant(!isBlank(event.data.title), `decision ${id} has no title`);
        invariant(inVocabulary(event.data.decisionMaker, DECISION_MAKERS), `decision ${id} taken by "${event.data.decisionMaker}"`);
        invariant(!Number.isNaN(Date.parse(event.data.decidedOn)), `decision ${id} taken on "${event.data.decidedOn}"`);
        decision = event.data;
        break;
      case 'InfluenceLinked': {
        const { influenceId, contributionIds, activityIds, youSaid, weDid, ladderLevel, needhamCarrLevel, optionsAlreadyFormed } = event.data;
        invariant(!influences.has(influenceId), `influence ${influenceId} is linked twice to decision ${id}`);
        invariant(contributionIds.length + activityIds.length > 0, `influence ${influenceId} names no contribution or activity`);
        invariant(!isBlank(youSaid) && !isBlank(weDid), `influence ${influenceId} lacks "you said" or "we did"`);
        invariant(inVocabulary(ladderLevel, LADDER_LEVELS) && inVocabulary(needhamCarrLevel, NEEDHAM_CARR_LEVELS), `influence ${influenceId} reached ${ladderLevel}, ${needhamCarrLevel}`);
        invariant(typeof optionsAlreadyFormed === 'boolean', `influence ${influenceId} says options already formed: ${String(optionsAlreadyFormed)}`);
        influences.add(influenceId);
        break;
      }
      case 'ProposalNotAdopted':
        invariant(!proposals.has(event.data.proposalId), `proposal ${event.data.proposalId} is recorded twice on decision ${id}`);
        invariant(!isBlank(event.data.proposal) && !isBlank(event.data.reason), `proposal ${event.data.proposalId} lacks its words or why it was not adopted`);
        proposals.add(event.data.proposalId);
        break;
      case 'CommitmentMade': {
        const { commitmentId, description, dueBy } = event.data;
        invariant(!commitments.has(commitmentId), `commitment ${commitmentId} is made twice on decision ${id}`);
        invariant(!isBlank(description), `commitment ${commitmentId} has no description`);
        invariant(dueBy === null || !before(dueBy, decision!.decidedOn), `commitment ${commitmentId} is due by ${dueBy}, before decision ${id} on ${decision!.decidedOn}`);
        commitments.set(commitmentId, false);
        break;
      }
      case 'CommitmentMet': {
        const { commitmentId, metOn, evidence } = event.data;
        invariant(commitments.has(commitmentId), `commitment ${commitmentId} met on decision ${id} before it was made`);
        invariant(!commitments.get(commitmentId), `commitment ${commitmentId} on decision ${id} is met twice`);
        invariant(!isBlank(evidence), `commitment ${commitmentId} met without evidence`);
        invariant(!before(metOn, decision!.decidedOn), `commitment ${commitmentId} met on ${metOn}, before decision ${id} on ${decision!.decidedOn}`);
        commitments.set(commitmentId, true);
        break;
      }
    }
  }
  correctionsStayFinal(raw);
}

describe('decision properties', () => {
  it('keeps influence, proposals and commitments once each, complete, from the vocabulary, and commitments met once after the decision', () => {
    checkInvariants(decisionDecider, { opening: record, requests }, decisionInvariants);
  });
});
