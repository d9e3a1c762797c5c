import { FactEvent, foldProjectFacts } from './project-facts';
import { IndicatorContext } from './indicator';
import { decisionsInfluenced, peopleBehind, residentInfluenceShare } from './decisions.indicators';

const context: IndicatorContext = {
  suppressionThreshold: 5,
  framework: { id: 'west-berkshire', name: 'West Berkshire', version: '1', principles: [], setupActivities: [], notCoproduction: [] },
};

type Given = [type: string, data: Record<string, unknown>];

function given(...events: Given[]) {
  return foldProjectFacts(
    events.map(([type, data], i): FactEvent => ({ eventId: `e${i + 1}`, type, data, position: i + 1, occurredAt: '2026-03-01T10:00:00.000Z' })),
  );
}
const person = (participantId: string, role: string): Given => [
  'ParticipantRegistered',
  { participantId, role, seldomHeardGroups: [], preferredFormats: [] },
];
const session: Given[] = [
  [
    'ActivityPlanned',
    {
      activityId: 's1',
      title: 'Workshop',
      activityType: 'workshop',
      stage: 'co_design',
      format: 'in_person',
      plannedFor: '2026-03-01T10:00:00.000Z',
    },
  ],
  ['ActivityHeld', { activityId: 's1', heldOn: '2026-03-01T10:00:00.000Z', durationMinutes: 120 }],
];
const attended = (participantId: string): Given => [
  'AttendanceRecorded',
  { activityId: 's1', participantId, minutes: 120, capacity: 'member', format: 'in_person' },
];
const contribution = (contributionId: string, participantIds: string[]): Given => [
  'ContributionRecorded',
  { activityId: 's1', contributionId, participantIds, kind: 'idea', recordedAs: null },
];
const decision = (decisionId: string): Given => [
  'DecisionRecorded',
  {
    decisionId,
    title: `Decision ${decisionId}`,
    decisionMaker: 'cabinet',
    reference: `CAB-${decisionId}`,
    decidedOn: '2026-04-01',
    recommendation: 'Adopt it',
  },
];
const influence = (influenceId: string, decisionId: string, links: { contributionIds?: string[]; activityIds?: string[] }): Given => [
  'InfluenceLinked',
  {
    influenceId,
    decisionId,
    contributionIds: links.contributionIds ?? [],
    activityIds: links.activityIds ?? [],
    youSaid: 'Open on Saturdays',
    weDid: 'Opened on Saturdays',
    whereInRecommendation: 'Paragraph 3',
    ladderLevel: 'co_design',
    needhamCarrLevel: 'intermediate',
  },
];

describe('resident influence counts residents and communities only', () => {
  it('does not count a decision influenced only by council staff and councillors as resident influence', () => {
    const facts = given(
      person('officer', 'council_officer'),
      person('cllr', 'councillor'),
      ...session,
      attended('officer'),
      attended('cllr'),
      contribution('c1', ['officer']),
      decision('d1'),
      influence('i1', 'd1', { contributionIds: ['c1'], activityIds: ['s1'] }),
    );
    const share = residentInfluenceShare.compute(facts, context);
    expect([share.value, share.n]).toEqual([0, 0]);
    expect(share.breakdown.map((cell) => [cell.key, cell.value])).toEqual([
      ['with', 0],
      ['without', 1],
    ]);
    // The decision was still influenced, by staff: it counts there, with the people behind it.
    const influenced = decisionsInfluenced.compute(facts, context);
    expect([influenced.value, influenced.n]).toEqual([1, 2]);
  });

  it.each(['resident', 'person_drawing_on_care', 'carer', 'family_member', 'community_organisation_rep'])(
    'counts a %s behind an influence as resident influence',
    (role) => {
      const facts = given(
        person('p1', role),
        person('officer', 'council_officer'),
        ...session,
        contribution('c1', ['p1', 'officer']),
        decision('d1'),
        decision('d2'),
        influence('i1', 'd1', { contributionIds: ['c1'] }),
      );
      const share = residentInfluenceShare.compute(facts, context);
      expect([share.value, share.n]).toEqual([50, 1]);
      expect(share.breakdown.map((cell) => [cell.key, cell.value])).toEqual([
        ['with', 1],
        ['without', 1],
      ]);
    },
  );

  it('finds residents behind an influence through the sessions it names, counting only those who attended', () => {
    const facts = given(
      person('r1', 'resident'),
      person('r2', 'resident'),
      ...session,
      attended('r1'),
      decision('d1'),
      influence('i1', 'd1', { activityIds: ['s1'] }),
    );
    expect(peopleBehind(facts, facts.influences[0])).toEqual(['r1']);
    expect(residentInfluenceShare.compute(facts, context)).toMatchObject({ value: 100, n: 1 });
  });

  it('leaves out a person whose role is not known, and an influence on a decision not recorded', () => {
    const facts = given(
      ...session,
      attended('stranger'),
      decision('d1'),
      influence('i1', 'd1', { activityIds: ['s1'] }),
      influence('i2', 'd-missing', { activityIds: ['s1'] }),
    );
    expect(residentInfluenceShare.compute(facts, context)).toMatchObject({ value: 0, n: 0 });
    expect(decisionsInfluenced.compute(facts, context).value).toBe(1);
  });
});
