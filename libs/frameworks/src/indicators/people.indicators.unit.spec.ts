import { FactEvent, foldProjectFacts } from './project-facts';
import { IndicatorContext } from './indicator';
import { computeDisclosed } from './outcome-summary';

const disclosed = (id: string) => ({
  compute: (facts: ReturnType<typeof foldProjectFacts>, ctx: IndicatorContext) => computeDisclosed(id, facts, ctx),
});
const offlineShare = disclosed('offline_share');
const reachAgainstPopulation = disclosed('reach_against_population');
const retention = disclosed('retention');

const context: IndicatorContext = {
  suppressionThreshold: 5,
  framework: { id: 'west-berkshire', name: 'West Berkshire', version: '1', principles: [], setupActivities: [], notCoproduction: [] },
};
const population = {
  area: 'Example Borough',
  source: 'Census 2021, table TS038',
  groups: [
    { id: 'disabled_people', name: 'Disabled people', share: 0.17 },
    { id: 'older_people', name: 'Aged 65 and over', share: 0.2 },
    { id: 'ethnic_minorities', name: 'Ethnic minority groups', share: 0.12 },
  ],
};

type Given = [type: string, data: Record<string, unknown>];

function given(...events: Given[]) {
  return foldProjectFacts(
    events.map(([type, data], i): FactEvent => ({ eventId: `e${i + 1}`, type, data, position: i + 1, occurredAt: '2026-03-01T10:00:00.000Z' })),
  );
}
const person = (participantId: string, seldomHeardGroups: string[] = []): Given => [
  'ParticipantRegistered',
  { participantId, role: 'resident', seldomHeardGroups, preferredFormats: [] },
];
const held = (activityId: string, format = 'in_person'): Given[] => [
  ['ActivityPlanned', { activityId, title: activityId, activityType: 'meeting', stage: 'co_design', format }],
  ['ActivityHeld', { activityId, heldOn: '2026-03-01T10:00:00.000Z', durationMinutes: 120 }],
];
const attended = (activityId: string, participantId: string, format = 'in_person'): Given => [
  'AttendanceRecorded',
  { activityId, participantId, minutes: 60, capacity: 'member', format },
];

describe('reach_against_population', () => {
  it("sets each group's share of the people involved beside its share of the population, withholding small groups", () => {
    // 10 people: 6 older (60%), 2 disabled (suppressed), none from an ethnic minority (0% against 12%).
    const ids = Array.from({ length: 10 }, (_, i) => `p${i}`);
    const facts = given(
      ...ids.map((id, i) => person(id, [...(i < 6 ? ['older_people'] : []), ...(i >= 8 ? ['disabled_people'] : [])])),
      ...held('s1'),
      ...ids.map((id) => attended('s1', id)),
    );
    const result = reachAgainstPopulation.compute(facts, { ...context, population });
    expect(result.n).toBe(10);
    expect(result.items.map((i) => [i.group, i.populationShare, i.participantShare, i.suppressed])).toEqual([
      ['Disabled people', 17, null, true],
      ['Aged 65 and over', 20, 60, false],
      ['Ethnic minority groups', 12, 0, false],
    ]);
    expect(result.statement).toBe('Compared with Example Borough, these groups are under-represented: Ethnic minority groups.');
    expect(result.note).toBe('Population source: Census 2021, table TS038.');
  });

  it('counts only people who took part in a held session', () => {
    const facts = given(person('a', ['older_people']), person('b', ['older_people']), ...held('s1'), attended('s1', 'a'));
    expect(reachAgainstPopulation.compute(facts, { ...context, population, suppressionThreshold: 1 }).items[1]).toMatchObject({
      participantShare: 100,
    });
  });

  it('says a profile is needed when the council has not supplied one', () => {
    const result = reachAgainstPopulation.compute(given(person('a'), ...held('s1'), attended('s1', 'a')), context);
    expect([result.value, result.breakdown, result.note]).toEqual([
      null,
      [],
      'Supply a population profile file to compare reach with the local population.',
    ]);
  });
});

describe('retention', () => {
  it('is the share of people at two or more held sessions; cancelled or unheld sessions do not count', () => {
    const facts = given(
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => person(id)),
      ...held('s1'),
      ...held('s2'),
      ['ActivityPlanned', { activityId: 'planned', title: 'planned', activityType: 'meeting', stage: 'co_design', format: 'online' }],
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => attended('s1', id)),
      ...['a', 'b', 'c', 'd', 'e'].map((id) => attended('s2', id)),
      attended('planned', 'f'),
    );
    const result = retention.compute(facts, context);
    // 5 of 7 came back = 71.4%; f's attendance at a session never held does not make a second. Coming back is a fact about public meetings: shown.
    expect([result.value, result.n]).toEqual([71.4, 7]);
    expect(result.breakdown.map((c) => [c.key, c.value, c.n, c.suppressed])).toEqual([
      ['returning', 5, 5, false],
      ['once', 2, 2, false],
    ]);
    expect(result.statement).toBe('5 of 7 people (71.4%) took part in two or more sessions.');
  });
});

describe('offline_share', () => {
  it('counts paper, phone and in person as offline, by how each person took part, not how the session was held', () => {
    const facts = given(
      ...['a', 'b', 'c', 'd'].map((id) => person(id)),
      ...held('online-session', 'online'),
      attended('online-session', 'a', 'phone'),
      attended('online-session', 'b', 'online'),
      attended('online-session', 'c', 'hybrid'),
      attended('online-session', 'd', 'paper'),
    );
    const result = offlineShare.compute(facts, { ...context, suppressionThreshold: 1 });
    // a (phone) and d (paper) of 4 = 50%.
    expect([result.value, result.n]).toEqual([50, 4]);
    // The chart of people offline holds offline formats only.
    expect(result.breakdown.map((c) => [c.key, c.value])).toEqual([
      ['paper', 1],
      ['phone', 1],
    ]);
    expect(result.statement).toBe('2 of 4 people (50%) took part at least once on paper, by phone or in person.');
  });

  it('counts a person once however many offline sessions they came to; how people took part is not protected', () => {
    const facts = given(
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => person(id)),
      ...held('s1'),
      ...held('s2'),
      ...['a', 'b', 'c', 'd', 'e'].map((id) => attended('s1', id)),
      ...['a', 'b'].map((id) => attended('s2', id)),
      attended('s2', 'f', 'online'),
    );
    const result = offlineShare.compute(facts, context);
    // 5 of 6 offline = 83.3%.
    expect(result.value).toBe(83.3);
    expect(result.breakdown.map((c) => [c.key, c.value, c.n, c.suppressed])).toEqual([['in_person', 5, 5, false]]);
  });
});
