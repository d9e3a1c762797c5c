import { command, spec } from '../core/spec';
import { CommitmentMade, DecisionEvent, DecisionRecorded, InfluenceLinked } from './decision';
import { DecisionCommand, LinkInfluence, RecordEngagementAccount } from './decision.decide';
import { decisionDecider } from './decision.decider';

const given = (events: DecisionEvent[]) => spec(decisionDecider).given(events);
const DECIDED = '2026-06-18T19:00:00.000Z';

const recorded: DecisionRecorded = {
  type: 'DecisionRecorded',
  data: {
    decisionId: 'd-1',
    projectId: 'p1',
    title: 'Adopt the community energy guidance note',
    decisionMaker: 'cabinet',
    reference: 'EX4321',
    decidedOn: DECIDED,
    recommendation: 'That the Executive adopts the guidance note as drafted with residents',
  },
};
const influence: LinkInfluence['data'] = {
  decisionId: 'd-1',
  influenceId: 'i-1',
  contributionIds: ['c-1'],
  activityIds: [],
  youSaid: 'Show a worked example of a solar co-op',
  weDid: 'Section 3 now walks through the Thatcham co-op',
  whereInRecommendation: 'Paragraph 2.4',
  ladderLevel: 'co_design',
  needhamCarrLevel: 'intermediate',
  optionsAlreadyFormed: false,
};
const linked: InfluenceLinked = { type: 'InfluenceLinked', data: { ...influence, projectId: 'p1' } };
const committed: CommitmentMade = {
  type: 'CommitmentMade',
  data: { decisionId: 'd-1', projectId: 'p1', commitmentId: 'k-1', description: 'Review the note with the group in a year', dueBy: '2027-06-30' },
};
const link = (data: Partial<LinkInfluence['data']> = {}) => command<DecisionCommand>('LinkInfluence', { ...influence, ...data });
const proposal = { decisionId: 'd-1', proposalId: 'n-1', contributionId: 'c-2', proposal: 'Fund a council-owned solar farm', reason: 'Outside the scope of a guidance note' };
const meet = (metOn = '2027-05-01', commitmentId = 'k-1') =>
  command<DecisionCommand>('MeetCommitment', { decisionId: 'd-1', commitmentId, metOn, evidence: 'Review meeting notes, 1 May 2027' });

describe('decision', () => {
  it('records a decision as happening on the day it was taken', () => {
    given([]).when(command<DecisionCommand>('RecordDecision', recorded.data)).then([{ ...recorded, occurredAt: DECIDED }]);
  });

  it('refuses to record the same decision twice, or one without a title', () => {
    given([recorded]).when(command<DecisionCommand>('RecordDecision', recorded.data)).thenRefuses('conflict', /d-1 is already recorded as "Adopt the community/);
    given([]).when(command<DecisionCommand>('RecordDecision', { ...recorded.data, title: '' })).thenRefuses('rule', /d-1 needs a title/);
  });

  it('refuses anything on a decision that does not exist', () => {
    given([]).when(link()).thenRefuses('not_found', /decision d-1 does not exist; record the decision first/);
  });

  describe('influence', () => {
    it('links "you said, we did" to the decision, dated when the decision was taken', () => {
      given([recorded]).when(link()).then([{ ...linked, occurredAt: DECIDED }]);
    });

    it('accepts an influence that names only activities', () => {
      const [event] = decisionDecider.decide(link({ contributionIds: [], activityIds: ['a-1'] }), given([recorded]).state);
      expect(event).toMatchObject({ type: 'InfluenceLinked', data: { activityIds: ['a-1'], contributionIds: [] } });
    });

    it('refuses an influence that names neither contributions nor activities', () => {
      given([recorded])
        .when(link({ contributionIds: [], activityIds: [] }))
        .thenRefuses('rule', 'an influence must name the contributions or activities it came from');
    });

    it('refuses a duplicate influence id', () => {
      given([recorded, linked]).when(link()).thenRefuses('conflict', /influence i-1 is already linked to decision d-1/);
    });

    it('refuses an influence without "you said" or "we did"', () => {
      given([recorded]).when(link({ youSaid: ' ' })).thenRefuses('rule', /i-1 needs "you said"/);
      given([recorded]).when(link({ weDid: '' })).thenRefuses('rule', /i-1 needs "we did"/);
    });
  });

  describe('proposals not adopted', () => {
    it('records a proposal that was not adopted, and why', () => {
      given([recorded])
        .when(command<DecisionCommand>('RecordProposalNotAdopted', proposal))
        .then([{ type: 'ProposalNotAdopted', data: { ...proposal, projectId: 'p1' }, occurredAt: DECIDED }]);
    });

    it('refuses one without a reason, without the proposal, or with an id used before', () => {
      given([recorded]).when(command<DecisionCommand>('RecordProposalNotAdopted', { ...proposal, reason: '' })).thenRefuses('rule', /n-1 was not adopted: say why/);
      given([recorded]).when(command<DecisionCommand>('RecordProposalNotAdopted', { ...proposal, proposal: '' })).thenRefuses('rule', /n-1 needs the words/);
      given([recorded, { type: 'ProposalNotAdopted', data: { ...proposal, projectId: 'p1' } }])
        .when(command<DecisionCommand>('RecordProposalNotAdopted', proposal))
        .thenRefuses('conflict', /proposal n-1 is already recorded/);
    });
  });

  describe('commitments', () => {
    const make = (data: Partial<CommitmentMade['data']> = {}) => {
      const { projectId: _projectId, ...commitment } = committed.data;
      return command<DecisionCommand>('MakeCommitment', { ...commitment, ...data });
    };

    it('makes a commitment with a due date', () => {
      given([recorded]).when(make()).then([{ ...committed, occurredAt: DECIDED }]);
    });

    it('refuses a duplicate commitment, one without a description, or one due before the decision', () => {
      given([recorded, committed]).when(make()).thenRefuses('conflict', /commitment k-1 is already recorded on decision d-1/);
      given([recorded]).when(make({ description: '' })).thenRefuses('rule', /k-1 needs a description/);
      given([recorded]).when(make({ dueBy: '2026-01-01' })).thenRefuses('rule', /due by 2026-01-01, before decision d-1 was taken/);
    });

    it('meets a commitment with evidence, on the day it was met', () => {
      given([recorded, committed])
        .when(meet())
        .then([
          {
            type: 'CommitmentMet',
            data: { decisionId: 'd-1', projectId: 'p1', commitmentId: 'k-1', metOn: '2027-05-01', evidence: 'Review meeting notes, 1 May 2027' },
            occurredAt: '2027-05-01',
          },
        ]);
    });

    it('refuses meeting an unknown commitment or one already met', () => {
      given([recorded, committed]).when(meet('2027-05-01', 'k-9')).thenRefuses('not_found', /commitment k-9 was not made on decision d-1/);
      given([recorded, committed]).when(meet('2027-05-01', 'toString')).thenRefuses('not_found', /commitment toString was not made/);
      const met: DecisionEvent = { type: 'CommitmentMet', data: { decisionId: 'd-1', projectId: 'p1', commitmentId: 'k-1', metOn: '2027-05-01', evidence: 'x' } };
      given([recorded, committed, met]).when(meet('2027-05-02')).thenRefuses('conflict', /k-1 was already met on 2027-05-01/);
    });

    it('refuses meeting a commitment without evidence, or before the decision was taken', () => {
      given([recorded, committed])
        .when(command<DecisionCommand>('MeetCommitment', { decisionId: 'd-1', commitmentId: 'k-1', metOn: '2027-05-01', evidence: '' }))
        .thenRefuses('rule', /needs evidence/);
      given([recorded, committed]).when(meet('2026-05-01')).thenRefuses('rule', /cannot be met on 2026-05-01, before decision d-1/);
    });
  });
  describe('engagement account', () => {
    const account: RecordEngagementAccount['data'] = {
      decisionId: 'd-1',
      contactOfficer: ' Sam Patel, Community Energy Officer ',
      howRecruited: 'Through parish councils',
      notReached: '',
      howTold: null,
      limitations: null,
    };
    const recordAccount = (data: Partial<RecordEngagementAccount['data']> = {}) => command<DecisionCommand>('RecordEngagementAccount', { ...account, ...data });

    it('records what only a person can write, trimmed, with blank parts as not recorded, dated with the decision', () => {
      given([recorded])
        .when(recordAccount())
        .then([
          {
            type: 'EngagementAccountRecorded',
            data: {
              decisionId: 'd-1',
              projectId: 'p1',
              contactOfficer: 'Sam Patel, Community Energy Officer',
              howRecruited: 'Through parish councils',
              notReached: null,
              howTold: null,
              limitations: null,
            },
            occurredAt: DECIDED,
          },
        ]);
    });

    it('refuses an empty account, a part that is not text, and an account of a decision not recorded', () => {
      given([recorded])
        .when(recordAccount({ contactOfficer: ' ', howRecruited: null }))
        .thenRefuses('rule', /engagement account of decision d-1 is empty: give at least one of contactOfficer/, 'decision.account_empty');
      given([recorded])
        .when(recordAccount({ howRecruited: 42 as unknown as string }))
        .thenRefuses('rule', /howRecruited must be text/);
      given([])
        .when(recordAccount())
        .thenRefuses('not_found', /decision d-1 does not exist/);
    });
  });
});
