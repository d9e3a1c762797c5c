import { command, spec } from '../core/spec';
import { CommitmentMade, DecisionEvent, DecisionRecorded, EngagementAccountRecorded, InfluenceLinked, ProposalNotAdopted } from './decision';
import { DecisionCommand } from './decision.decide';
import { decisionDecider } from './decision.decider';

const given = (events: DecisionEvent[]) => spec(decisionDecider).given(events);

const recorded: DecisionRecorded = {
  type: 'DecisionRecorded',
  data: {
    decisionId: 'd-1',
    projectId: 'p1',
    title: 'Library opening hours',
    decisionMaker: 'cabinet',
    reference: 'CAB-12',
    decidedOn: '2026-06-18',
    recommendation: 'Agree',
  },
};
const linked: InfluenceLinked = {
  type: 'InfluenceLinked',
  data: {
    decisionId: 'd-1',
    projectId: 'p1',
    influenceId: 'i-1',
    contributionIds: ['c-1'],
    activityIds: [],
    youSaid: 'Open later',
    weDid: 'Open until 8pm',
    whereInRecommendation: null,
    ladderLevel: 'co_design',
    needhamCarrLevel: 'intermediate',
    optionsAlreadyFormed: false,
  },
};
const notAdopted: ProposalNotAdopted = {
  type: 'ProposalNotAdopted',
  data: { decisionId: 'd-1', projectId: 'p1', proposalId: 'n-1', contributionId: null, proposal: 'Open on Sundays', reason: 'No staff' },
};
const committed: CommitmentMade = {
  type: 'CommitmentMade',
  data: { decisionId: 'd-1', projectId: 'p1', commitmentId: 'k-1', description: 'Report back', dueBy: null },
};
const account: EngagementAccountRecorded = {
  type: 'EngagementAccountRecorded',
  data: { decisionId: 'd-1', projectId: 'p1', contactOfficer: 'A. Officer', howRecruited: null, notReached: null, howTold: null, limitations: null },
};

const link = (data: Record<string, unknown>) =>
  command<DecisionCommand>('LinkInfluence', { ...linked.data, projectId: undefined, influenceId: 'i-2', ...data } as never);
const commit = (dueBy: string | null) =>
  command<DecisionCommand>('MakeCommitment', { decisionId: 'd-1', commitmentId: 'k-2', description: 'Review in a year', dueBy });
const meet = (metOn: string) => command<DecisionCommand>('MeetCommitment', { decisionId: 'd-1', commitmentId: 'k-1', metOn, evidence: 'Minutes' });
const recordAccount = (data: Record<string, unknown>) =>
  command<DecisionCommand>('RecordEngagementAccount', {
    decisionId: 'd-1',
    contactOfficer: null,
    howRecruited: null,
    notReached: null,
    howTold: null,
    limitations: null,
    ...data,
  } as never);

describe('decision: the state its rules read', () => {
  it('folds a decision with its influences, proposals and commitments', () => {
    expect(given([recorded]).state).toEqual({
      status: 'recorded',
      decisionId: 'd-1',
      projectId: 'p1',
      title: 'Library opening hours',
      decidedOn: '2026-06-18',
      influenceIds: [],
      proposalIds: [],
      commitments: {},
    });
    expect(given([recorded, linked, notAdopted, committed, account]).state).toMatchObject({
      influenceIds: ['i-1'],
      proposalIds: ['n-1'],
      commitments: { 'k-1': null },
    });
  });

  it('brings no decision into being from an influence without the decision', () => {
    expect(given([linked]).state).toEqual({ status: 'unrecorded' });
    given([linked])
      .when(link({}))
      .thenRefuses('not_found', /decision d-1 does not exist; record the decision first/, 'decision.not_found');
  });
});

describe('decision: boundaries and the fields a refusal names', () => {
  it('names the level that is not on its ladder', () => {
    given([recorded])
      .when(link({ ladderLevel: 'partnership' }))
      .thenRefuses('rule', 'ladderLevel "partnership" is not one of coercion', 'value.not_allowed');
    given([recorded])
      .when(link({ needhamCarrLevel: 'advanced' }))
      .thenRefuses('rule', 'needhamCarrLevel "advanced" is not one of basic, intermediate, transformational', 'value.not_allowed');
  });

  it('makes a commitment with no due date, and refuses a due date that is not a date', () => {
    given([recorded])
      .when(commit(null))
      .then([
        {
          type: 'CommitmentMade',
          data: { decisionId: 'd-1', projectId: 'p1', commitmentId: 'k-2', description: 'Review in a year', dueBy: null },
          occurredAt: '2026-06-18',
        },
      ]);
    given([recorded]).when(commit('2026-13-01')).thenRefuses('rule', 'dueBy "2026-13-01" is not a real calendar date', 'value.not_a_date');
  });

  it('refuses a commitment met on a day that is not a date, naming metOn', () => {
    given([recorded, committed]).when(meet('2026-09-31')).thenRefuses('rule', 'metOn "2026-09-31" is not a real calendar date', 'value.not_a_date');
  });

  it('refuses a part of the engagement account that is not text, with its own code', () => {
    given([recorded])
      .when(recordAccount({ howTold: 7 }))
      .thenRefuses('rule', 'howTold must be text, or null where it is not known yet', 'decision.account_part_not_text');
  });

  it('lists every part of an empty engagement account, so the lead knows what can be given', () => {
    given([recorded])
      .when(recordAccount({ notReached: '   ' }))
      .thenRefuses('rule', 'give at least one of contactOfficer, howRecruited, notReached, howTold, limitations', 'decision.account_empty');
  });
});

describe('decision: the records a command names, which must exist', () => {
  const references = decisionDecider.references!;
  it("names the project of a decision and each session and contribution an influence came from, which must be of the decision's project", () => {
    expect(references.RecordDecision!(recorded.data)).toEqual([{ aggregate: 'project', id: 'p1' }]);
    const data = { ...linked.data, activityIds: ['s-1', 's-2'] };
    const ofProjectOf = { aggregate: 'decision', id: data.decisionId };
    expect(references.LinkInfluence!(data)).toEqual([
      { aggregate: 'activity', id: 's-1', ofProjectOf },
      { aggregate: 'activity', id: 's-2', ofProjectOf },
      { aggregate: 'contribution', id: 'c-1', ofProjectOf },
    ]);
    expect(references.LinkInfluence!({ ...data, activityIds: undefined as never })).toEqual([{ aggregate: 'contribution', id: 'c-1', ofProjectOf }]);
    expect(references.LinkInfluence!({ ...data, activityIds: undefined as never, contributionIds: undefined as never })).toEqual([]);
  });

  it("names the contribution a proposal not adopted came from, which must be of the decision's project, and nothing when it names none", () => {
    const ofProjectOf = { aggregate: 'decision', id: 'd-1' };
    const proposal = { decisionId: 'd-1', proposalId: 'n-1', contributionId: 'c-7', proposal: 'Open on Sundays', reason: 'No staff' };
    expect(references.RecordProposalNotAdopted!(proposal)).toEqual([{ aggregate: 'contribution', id: 'c-7', ofProjectOf }]);
    expect(references.RecordProposalNotAdopted!({ ...proposal, contributionId: null })).toEqual([]);
  });
});
