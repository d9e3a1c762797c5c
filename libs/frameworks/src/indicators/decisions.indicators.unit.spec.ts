import { FactEvent, foldProjectFacts, NotAdoptedFact } from './project-facts';
import { BreakdownEntry, IndicatorContext } from './indicator';
import {
  decisionsInfluenced,
  influenceLevels,
  peopleBehind,
  proposalsNotAdopted,
  residentInfluenceShare,
  youSaidWeDid,
} from './decisions.indicators';

const context: IndicatorContext = {
  suppressionThreshold: 5,
  framework: { id: 'west-berkshire', name: 'West Berkshire', version: '1', principles: [], setupActivities: [], notCoproduction: [] },
};

type Given = [type: string, data: Record<string, unknown>];

/** The facts folded from these events, numbered e1, e2, ... in order. */
function given(...events: Given[]) {
  return foldProjectFacts(
    events.map(([type, data], i): FactEvent => ({ eventId: `e${i + 1}`, type, data, position: i + 1, occurredAt: '2026-03-01T10:00:00.000Z' })),
  );
}
const person = (participantId: string, role: string): Given => [
  'ParticipantRegistered',
  { participantId, role, seldomHeardGroups: [], preferredFormats: [] },
];
const planned = (activityId: string): Given => [
  'ActivityPlanned',
  {
    activityId,
    title: `Session ${activityId}`,
    activityType: 'workshop',
    stage: 'co_design',
    format: 'in_person',
    plannedFor: '2026-03-01T10:00:00.000Z',
  },
];
const held = (activityId: string): Given[] => [
  planned(activityId),
  ['ActivityHeld', { activityId, heldOn: '2026-03-01T10:00:00.000Z', durationMinutes: 90 }],
];
const attended = (activityId: string, participantId: string): Given => [
  'AttendanceRecorded',
  { activityId, participantId, minutes: 90, capacity: 'member', format: 'in_person' },
];
const contribution = (contributionId: string, participantIds: string[]): Given => [
  'ContributionRecorded',
  { activityId: 's1', contributionId, participantIds, kind: 'idea', recordedAs: null },
];
const decision = (decisionId: string, decisionMaker = 'cabinet'): Given => [
  'DecisionRecorded',
  { decisionId, title: `Decision ${decisionId}`, decisionMaker, reference: `REF-${decisionId}`, decidedOn: '2026-04-01', recommendation: 'Adopt it' },
];
const influence = (
  influenceId: string,
  decisionId: string,
  links: { contributionIds?: string[]; activityIds?: string[]; ladderLevel?: string; needhamCarrLevel?: string },
): Given => [
  'InfluenceLinked',
  {
    influenceId,
    decisionId,
    contributionIds: links.contributionIds ?? [],
    activityIds: links.activityIds ?? [],
    youSaid: `Said ${influenceId}`,
    weDid: `Did ${influenceId}`,
    whereInRecommendation: `Paragraph of ${influenceId}`,
    ladderLevel: links.ladderLevel ?? 'co_design',
    needhamCarrLevel: links.needhamCarrLevel ?? 'intermediate',
  },
];
const notAdopted = (proposalId: string, decisionId: string): Given => [
  'ProposalNotAdopted',
  { decisionId, proposalId, contributionId: null, proposal: `Proposal ${proposalId}`, reason: `Reason ${proposalId}` },
];
const cells = (breakdown: BreakdownEntry[]) => breakdown.map((c) => [c.key, c.label, c.value]);

describe('decisions influenced: decisions with a documented influence, by who made them', () => {
  // e1-e3 people, e4-e5 s1 held, e6 s2 planned only, e7-e8 s3 held, e9 s3 cancelled, e10-e13 attendance, e14 contribution,
  // e15-e17 decisions, e18-e21 influences.
  const facts = given(
    person('r1', 'resident'),
    person('r2', 'carer'),
    person('o1', 'council_officer'),
    ...held('s1'),
    planned('s2'),
    ...held('s3'),
    ['ActivityCancelled', { activityId: 's3', reason: 'Venue flooded' }],
    attended('s1', 'r1'),
    attended('s2', 'r2'),
    attended('s3', 'r2'),
    attended('s1', 'o1'),
    contribution('c1', ['r1', 'o1']),
    decision('d1', 'cabinet'),
    decision('d2', 'officer_delegation'),
    decision('d3', 'cabinet'),
    influence('i1', 'd1', { contributionIds: ['c1'] }),
    influence('i2', 'd2', { activityIds: ['s1', 's2', 's3'] }),
    influence('i3', 'd1', { activityIds: ['s1'] }),
    influence('i4', 'd-unrecorded', { contributionIds: ['c1'] }),
  );

  it('counts each influenced decision once, leaves out decisions not recorded, and breaks them down by decision-maker', () => {
    const result = decisionsInfluenced.compute(facts, context);
    expect(result.value).toBe(2);
    expect(result.unit).toBe('decisions');
    expect(result.breakdownUnit).toBe('decisions');
    expect(cells(result.breakdown)).toEqual([
      ['cabinet', 'Cabinet', 1],
      ['officer_delegation', 'Officer under delegation', 1],
    ]);
    expect(result.items).toEqual([
      { decisionId: 'd1', title: 'Decision d1', reference: 'REF-d1', decidedOn: '2026-04-01', eventIds: ['e15'] },
      { decisionId: 'd2', title: 'Decision d2', reference: 'REF-d2', decidedOn: '2026-04-01', eventIds: ['e16'] },
    ]);
  });

  it('counts the people behind the influences once each, only from sessions that were held and not cancelled', () => {
    const result = decisionsInfluenced.compute(facts, context);
    // r1 and o1 contributed and attended s1; r2 attended only a session never held and one cancelled.
    expect(result.n).toBe(2);
    expect(peopleBehind(facts, facts.influences[1])).toEqual(['r1', 'o1']);
    expect(result.statement).toBe('2 of 3 decisions recorded were influenced by the people involved (2 people behind the influences).');
  });

  it('traces the figure to the decisions and every influence', () => {
    expect(decisionsInfluenced.compute(facts, context).sourceEventIds).toEqual(['e15', 'e16', 'e18', 'e19', 'e20', 'e21']);
  });

  it('agrees its words with one decision and one person', () => {
    const one = given(person('r1', 'resident'), ...held('s1'), attended('s1', 'r1'), decision('d1'), influence('i1', 'd1', { activityIds: ['s1'] }));
    expect(decisionsInfluenced.compute(one, context).statement).toBe(
      '1 of 1 decision recorded was influenced by the people involved (1 person behind the influences).',
    );
  });

  it("counts each decision-maker's own decisions", () => {
    const three = given(
      decision('d1', 'cabinet'),
      decision('d2', 'committee'),
      decision('d3', 'cabinet'),
      ...['d1', 'd2', 'd3'].map((d) => influence(`i-${d}`, d, {})),
    );
    expect(cells(decisionsInfluenced.compute(three, context).breakdown)).toEqual([
      ['cabinet', 'Cabinet', 2],
      ['committee', 'Committee', 1],
    ]);
  });

  it('finds the people behind an influence only in the sessions it names', () => {
    const facts = given(
      person('r1', 'resident'),
      person('r3', 'resident'),
      ...held('s1'),
      ...held('s4'),
      attended('s1', 'r1'),
      attended('s4', 'r3'),
      decision('d1'),
      influence('i1', 'd1', { activityIds: ['s1'] }),
    );
    expect(peopleBehind(facts, facts.influences[0])).toEqual(['r1']);
    expect(decisionsInfluenced.compute(facts, context).n).toBe(1);
  });

  it('says none were influenced when decisions are recorded without influence', () => {
    const result = decisionsInfluenced.compute(given(decision('d1'), decision('d2')), context);
    expect([result.value, result.n, result.breakdown, result.items]).toEqual([0, 0, [], []]);
    expect(result.statement).toBe('0 of 2 decisions recorded were influenced by the people involved (0 people behind the influences).');
  });
});

describe('level of influence: each decision at the highest rung its influences reached', () => {
  it('counts a decision once at its highest rung, and names the highest rung of all', () => {
    const facts = given(
      decision('d1'),
      decision('d2'),
      decision('d3'),
      influence('i1', 'd1', { ladderLevel: 'consultation', needhamCarrLevel: 'transformational' }),
      influence('i2', 'd1', { ladderLevel: 'co_production', needhamCarrLevel: 'basic' }),
      influence('i3', 'd2', { ladderLevel: 'engagement', needhamCarrLevel: 'basic' }),
      influence('i4', 'd3', { ladderLevel: 'informing', needhamCarrLevel: 'intermediate' }),
      influence('i5', 'd3', { ladderLevel: 'educating', needhamCarrLevel: 'basic' }),
    );
    const result = influenceLevels.compute(facts, context);
    expect([result.value, result.valueLabel, result.unit]).toEqual([7, 'Co-production', 'level']);
    expect([result.breakdownUnit, result.items]).toEqual(['decisions', []]);
    // Rungs no decision reached at best are left out; lowest rung first.
    expect(cells(result.breakdown)).toEqual([
      ['informing', 'Informing', 1],
      ['engagement', 'Engagement', 1],
      ['co_production', 'Co-production', 1],
    ]);
    // Needham and Carr: every level shown, zero included; d1 is transformational at best even though its top rung came from another influence.
    expect(cells(result.secondaryBreakdown!)).toEqual([
      ['basic', 'Basic', 1],
      ['intermediate', 'Intermediate', 1],
      ['transformational', 'Transformational', 1],
    ]);
    expect(result.statement).toBe(
      'The highest level reached was co-production (rung 7 of 7); 1 of 3 decisions influenced reached co-design or co-production.',
    );
    expect(result.sourceEventIds).toEqual(['e4', 'e5', 'e6', 'e7', 'e8']);
  });

  it('counts co-design as reaching co-design, and names it as the highest rung when nothing went higher', () => {
    const facts = given(
      decision('d1'),
      decision('d2'),
      influence('i1', 'd1', { ladderLevel: 'co_design', needhamCarrLevel: 'intermediate' }),
      influence('i2', 'd2', { ladderLevel: 'coercion', needhamCarrLevel: 'basic' }),
    );
    const result = influenceLevels.compute(facts, context);
    expect([result.value, result.valueLabel]).toEqual([6, 'Co-design']);
    expect(cells(result.breakdown)).toEqual([
      ['coercion', 'Coercion', 1],
      ['co_design', 'Co-design', 1],
    ]);
    expect(cells(result.secondaryBreakdown!)).toEqual([
      ['basic', 'Basic', 1],
      ['intermediate', 'Intermediate', 1],
      ['transformational', 'Transformational', 0],
    ]);
    expect(result.statement).toBe(
      'The highest level reached was co-design (rung 6 of 7); 1 of 2 decisions influenced reached co-design or co-production.',
    );
  });

  it('leaves out influences on decisions not recorded, and says so when no decision was influenced', () => {
    const facts = given(decision('d1'), influence('i1', 'd-unrecorded', { ladderLevel: 'co_production' }));
    const result = influenceLevels.compute(facts, context);
    expect(result.value).toBeNull();
    expect(result).not.toHaveProperty('valueLabel');
    expect(result.breakdown).toEqual([]);
    expect(result.secondaryBreakdown!.map((c) => c.value)).toEqual([0, 0, 0]);
    expect(result.statement).toBe('No influence on a decision has been documented yet.');
  });

  it('counts the people behind the influences', () => {
    const facts = given(
      person('r1', 'resident'),
      person('r2', 'resident'),
      ...held('s1'),
      attended('s1', 'r1'),
      contribution('c1', ['r1', 'r2']),
      decision('d1'),
      influence('i1', 'd1', { activityIds: ['s1'], contributionIds: ['c1'] }),
    );
    expect(influenceLevels.compute(facts, context).n).toBe(2);
  });
});

describe('resident influence: the share of decisions with influence traced to residents and communities', () => {
  it('does not count influence from council staff and councillors alone, even on a decision they influenced', () => {
    const facts = given(
      person('r1', 'family_member'),
      person('o1', 'council_officer'),
      person('c1', 'councillor'),
      ...held('s1'),
      attended('s1', 'o1'),
      attended('s1', 'c1'),
      contribution('k1', ['r1']),
      decision('d1'),
      decision('d2'),
      decision('d3'),
      influence('i1', 'd1', { activityIds: ['s1'] }),
      influence('i2', 'd2', { contributionIds: ['k1'] }),
    );
    const result = residentInfluenceShare.compute(facts, context);
    expect([result.value, result.n, result.unit]).toEqual([33.3, 1, 'percent']);
    expect([result.breakdownUnit, result.items]).toEqual(['decisions', []]);
    expect(cells(result.breakdown)).toEqual([
      ['with', 'With resident influence', 1],
      ['without', 'Without', 2],
    ]);
    expect(result.statement).toBe('1 of 3 decisions (33.3%) shows documented influence from residents and communities.');
    // The staff-only decision still counts as influenced there: the two figures answer different questions.
    expect(decisionsInfluenced.compute(facts, context).value).toBe(2);
  });

  it('counts a decision once however many residents influenced it, and leaves out decisions not recorded', () => {
    const facts = given(
      person('r1', 'resident'),
      person('r2', 'person_drawing_on_care'),
      ...held('s1'),
      attended('s1', 'r1'),
      contribution('k1', ['r2']),
      decision('d1'),
      decision('d2'),
      influence('i1', 'd1', { activityIds: ['s1'] }),
      influence('i2', 'd1', { contributionIds: ['k1'] }),
      influence('i3', 'd-unrecorded', { contributionIds: ['k1'] }),
    );
    const result = residentInfluenceShare.compute(facts, context);
    expect([result.value, result.n]).toEqual([50, 2]);
    expect(result.breakdown.map((c) => c.value)).toEqual([1, 1]);
    expect(result.statement).toBe('1 of 2 decisions (50%) shows documented influence from residents and communities.');
    expect(result.sourceEventIds).toEqual(['e7', 'e8', 'e9', 'e10', 'e11']);
  });

  it('agrees its verb with more than one decision', () => {
    const facts = given(
      person('r1', 'resident'),
      contribution('k1', ['r1']),
      decision('d1'),
      decision('d2'),
      ...['d1', 'd2'].map((d) => influence(`i-${d}`, d, { contributionIds: ['k1'] })),
    );
    expect(residentInfluenceShare.compute(facts, context).statement).toBe(
      '2 of 2 decisions (100%) show documented influence from residents and communities.',
    );
  });

  it('has no share when no decision is recorded', () => {
    const result = residentInfluenceShare.compute(given(person('r1', 'resident')), context);
    expect([result.value, result.n]).toEqual([null, 0]);
    expect(result.breakdown.map((c) => c.value)).toEqual([0, 0]);
    expect(result.statement).toBe('0 of 0 decisions (0%) show documented influence from residents and communities.');
  });
});

describe('you said, we did: each influence with what changed', () => {
  it('lists each influence with its decision, words, place in the recommendation and level', () => {
    const facts = given(
      person('r1', 'resident'),
      person('r2', 'carer'),
      contribution('k1', ['r1', 'r2']),
      decision('d1'),
      influence('i1', 'd1', { contributionIds: ['k1'], ladderLevel: 'co_production' }),
      influence('i2', 'd-unrecorded', { ladderLevel: 'consultation' }),
    );
    const result = youSaidWeDid.compute(facts, context);
    expect([result.value, result.n, result.unit, result.breakdown]).toEqual([2, 2, 'items', []]);
    expect(result.items).toEqual([
      {
        influenceId: 'i1',
        decisionId: 'd1',
        decision: 'Decision d1',
        reference: 'REF-d1',
        youSaid: 'Said i1',
        weDid: 'Did i1',
        whereInRecommendation: 'Paragraph of i1',
        level: 'Co-production',
        eventIds: ['e5', 'e4'],
      },
      // A decision not (yet) recorded is named by its id, with no reference to show and no event of its own.
      {
        influenceId: 'i2',
        decisionId: 'd-unrecorded',
        decision: 'd-unrecorded',
        reference: '',
        youSaid: 'Said i2',
        weDid: 'Did i2',
        whereInRecommendation: 'Paragraph of i2',
        level: 'Consultation',
        eventIds: ['e6'],
      },
    ]);
    expect(result.statement).toBe('2 changes can be traced to what people said.');
    expect(result.sourceEventIds).toEqual(['e5', 'e4', 'e6']);
  });

  it('agrees its words with one change, and with none', () => {
    expect(youSaidWeDid.compute(given(decision('d1'), influence('i1', 'd1', {})), context).statement).toBe(
      '1 change can be traced to what people said.',
    );
    const none = youSaidWeDid.compute(given(decision('d1')), context);
    expect([none.value, none.items, none.statement]).toEqual([0, [], '0 changes can be traced to what people said.']);
  });
});

describe('proposals not adopted: what did not change, and why', () => {
  it('lists each proposal with its decision and the reason given', () => {
    const facts = given(decision('d1'), notAdopted('p1', 'd1'), notAdopted('p2', 'd-unrecorded'));
    const result = proposalsNotAdopted.compute(facts, context);
    expect([result.value, result.n, result.unit, result.breakdown]).toEqual([2, 0, 'items', []]);
    expect(result.items).toEqual([
      { proposalId: 'p1', decisionId: 'd1', decision: 'Decision d1', proposal: 'Proposal p1', reason: 'Reason p1', eventIds: ['e2'] },
      { proposalId: 'p2', decisionId: 'd-unrecorded', decision: 'd-unrecorded', proposal: 'Proposal p2', reason: 'Reason p2', eventIds: ['e3'] },
    ]);
    expect(result.statement).toBe('2 proposals were not adopted; each has a recorded reason.');
    expect(result.sourceEventIds).toEqual(['e2', 'e3']);
  });

  it('lists a proposal turned down without a recorded decision, naming no decision', () => {
    const facts = given(decision('d1'));
    const onTheProject: NotAdoptedFact = {
      eventId: 'e-project',
      decisionId: null,
      proposalId: 'p9',
      contributionId: null,
      proposal: 'Open the hub on Sundays',
      reason: 'No staff on Sundays',
    };
    facts.notAdopted.push(onTheProject);
    const result = proposalsNotAdopted.compute(facts, context);
    expect(result.value).toBe(1);
    const [item] = result.items;
    expect(item).toMatchObject({
      proposalId: 'p9',
      decisionId: null,
      proposal: 'Open the hub on Sundays',
      reason: 'No staff on Sundays',
      eventIds: ['e-project'],
    });
    // Said in words, never another decision's title nor the word "null".
    expect(item.decision).toBe('Not linked to a decision');
    expect(result.statement).toBe('1 proposal was not adopted; each has a recorded reason.');
    expect(result.sourceEventIds).toEqual(['e-project']);
  });

  it('says every proposal was adopted or is open when none was turned down', () => {
    const result = proposalsNotAdopted.compute(given(decision('d1')), context);
    expect([result.value, result.items, result.sourceEventIds]).toEqual([0, [], []]);
    expect(result.statement).toBe('Every recorded proposal was adopted or is still open.');
  });
});
