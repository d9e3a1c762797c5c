import { join } from 'node:path';
import { INDICATOR_CATALOGUE, OutcomeFrameworkView, summariseOutcomes } from '@coprod/frameworks';
import { ProjectOutcomes } from '@coprod/application';
import { Digest, digest, merged, shown } from './support/indicator-digest';
import { beforeCorrections, beforeLateSession, endOfMarch, expectListingsNow, now } from './support/hand-checked-figures';
import { OutcomeApp, startOutcomeApp } from './support/outcome-app';
import { PROJECT, recordHandCheckedProject, ScenarioPoints } from './support/hand-checked-scenario';
import { expectRecordMatchesFixture } from './support/recorded-fixture';

const POPULATION = join(__dirname, '..', 'fixtures', 'population', 'example-borough.yaml');

function expectEveryIndicator(result: ProjectOutcomes, expected: Record<string, Digest>): void {
  expect(Object.keys(expected).sort()).toEqual([...INDICATOR_CATALOGUE.keys()].sort());
  const actual = Object.fromEntries(Object.keys(expected).map((id) => [id, digest(result.summary.indicators[id])]));
  expect(actual).toEqual(expected);
}

const quoteIdsByOutcome = (result: ProjectOutcomes) => Object.fromEntries(result.summary.outcomes.map((o) => [o.id, o.quoteIds]));

describe('a hand-checked project: every indicator, under both clocks', () => {
  let app: OutcomeApp;
  let points: ScenarioPoints;

  beforeAll(async () => {
    app = await startOutcomeApp({ COPROD_POPULATION_FILE: POPULATION });
    points = await recordHandCheckedProject(app);
  }, 60_000);
  afterAll(() => app.close());

  it('records the very events of the fixture the figures unit spec computes the same figures from', async () => {
    expectRecordMatchesFixture('hand-checked.events.json', { points, events: await app.store.readAll() });
  });

  it('now: every figure, its breakdown and n, with the late session and the corrections', async () => {
    const result = await app.outcomes({ projectId: PROJECT });
    expect(result.clocks.knownAtPosition).toBe(points.head);
    expectEveryIndicator(result, now);
  });

  it('now: the listings behind the figures', async () => {
    const { indicators } = (await app.outcomes({ projectId: PROJECT })).summary;
    expectListingsNow(indicators);
  });

  it('now, with suppression off: the hidden cells hold the hand-worked figures', async () => {
    const result = await app.outcomes({ projectId: PROJECT });
    const { indicators } = summariseOutcomes(result.facts, {
      suppressionThreshold: 1,
      framework: result.framework as unknown as OutcomeFrameworkView,
    });
    // Minutes: resident 285 + 390 + 90 = 765 (12.75 h), d1 190 (3.17), c1 390 (6.5), o1 420 (7), k1 60 (1).
    expect(digest(indicators.hours_by_role).breakdown).toEqual([
      shown('resident', 12.8, 3),
      shown('person_drawing_on_care', 3.2, 1),
      shown('carer', 6.5, 1),
      shown('council_officer', 7, 1),
      shown('councillor', 1, 1),
    ]);
    expect(digest(indicators.offline_share).breakdown).toEqual([shown('paper', 1, 1), shown('phone', 4, 4), shown('in_person', 5, 5)]);
    expect(digest(indicators.expenses).breakdown).toEqual([shown('travel', 4750, 5), shown('care_cover', 3000, 1)]);
  });

  it('an earlier asOf (31 March) leaves out what happened later, however early it was recorded', async () => {
    const result = await app.outcomes({ projectId: PROJECT, asOf: '2026-03-31' });
    expect(result.clocks.asOf).toBe('2026-03-31T23:59:59.999Z');
    expectEveryIndicator(result, endOfMarch);
    const { indicators } = result.summary;
    expect(indicators.service_measures.items).toEqual([expect.objectContaining({ latest: 55, change: 15 })]);
    // x8 is claimed after March; x7 (rejected) is: awaiting approval 0, rejected 1, people paid 5.
    expect(indicators.expenses.items.filter((i) => ['awaiting_approval', 'rejected', 'people_paid'].includes(String(i.key))).map((i) => i.claims ?? i.people)).toEqual([0, 1, 5]);
    expect(indicators.survey_change.note).toBe('6 responses without a matching before or after response are not counted.');
  });

  it('knownAt before the late session leaves a4 out; after it, a4 counts', async () => {
    const before = await app.outcomes({ projectId: PROJECT, knownAt: String(points.beforeLateSession) });
    expect(before.clocks.knownAtPosition).toBe(points.beforeLateSession);
    expect(before.rows.every((row) => row.position <= points.beforeLateSession)).toBe(true);
    expectEveryIndicator(before, beforeLateSession);
  });

  it('knownAt before the correction shows the old minutes and the voided attendance; after it, the new', async () => {
    const old = await app.outcomes({ projectId: PROJECT, knownAt: String(points.beforeCorrections) });
    expectEveryIndicator(old, beforeCorrections);
    expect(old.facts.attendance.find((a) => a.activityId === 'a3' && a.participantId === 'r1')?.minutes).toBe(150);
    const corrected = await app.outcomes({ projectId: PROJECT, knownAt: String(points.beforeLateSession) });
    expect(corrected.facts.attendance.find((a) => a.activityId === 'a3' && a.participantId === 'r1')?.minutes).toBe(75);
    expect(corrected.facts.attendance.some((a) => a.activityId === 'a3' && a.participantId === 'r3')).toBe(false);
  });

  it('a session recorded late counts in an asOf after it happened, though it was planned on paper afterwards', async () => {
    // a4 happened on 12 May; its plan, hold and attendance were recorded on 2 July. As of 31 May: a1-a4 held,
    // the same 1825 minutes as now (the corrections speak about 14 April).
    const result = await app.outcomes({ projectId: PROJECT, asOf: '2026-05-31' });
    expect(digest(result.summary.indicators.sessions_by_stage)).toEqual(now.sessions_by_stage);
    expect(digest(result.summary.indicators.hours_by_role)).toEqual(now.hours_by_role);
  });

  it('a withdrawn quote is listed under no outcome, even as known before the withdrawal', async () => {
    for (const knownAt of [undefined, String(points.beforeCorrections)]) {
      const result = await app.outcomes({ projectId: PROJECT, knownAt });
      expect(quoteIdsByOutcome(result)).toMatchObject({ increased_influence: ['q1'], more_confident: [] });
      expect(result.facts.quotes.get('q2')?.withdrawn).toBe(true);
    }
  });

  it('a person registered from the paper sheet after the session is counted in their role as of the session', async () => {
    const at = (day: string) => `${day}T10:00:00.000Z`;
    await app.record('RegisterProject', { projectId: 'p-paper', title: 'Paper sign-ins', serviceArea: 'Libraries', aim: 'Hear from readers', frameworkId: 'west-berkshire', improvementSought: 'Longer opening', openToNewMembers: true }, { now: at('2026-05-01') });
    await app.record('PlanActivity', { activityId: 'lib-1', projectId: 'p-paper', title: 'Readers meeting', activityType: 'meeting', stage: 'co_planning', format: 'in_person', plannedFor: at('2026-05-12'), ladderLevel: 'engagement' }, { now: at('2026-05-01') });
    await app.record('HoldActivity', { activityId: 'lib-1', heldOn: at('2026-05-12'), durationMinutes: 60, ladderLevel: 'engagement' }, { now: at('2026-05-12') });
    // Registered on 10 July from the sheet signed on 12 May.
    await app.record('RegisterParticipant', { participantId: 'reader-1', role: 'carer', seldomHeardGroups: [], preferredFormats: ['paper'], personal: { subjectId: 'reader-1', fields: { name: 'A reader' } } }, { now: at('2026-07-10') });
    await app.record('RecordAttendance', { activityId: 'lib-1', participantId: 'reader-1', minutes: 60, capacity: 'member', format: 'paper' }, { now: at('2026-07-10') });
    const result = await app.outcomes({ projectId: 'p-paper', asOf: '2026-05-31' });
    // A carer alone: counted in the merged row, which any of the four protected roles could make; the role groups are public.
    expect(digest(result.summary.indicators.people_involved_by_role)).toEqual({ value: 1, n: 1, breakdown: [merged(1, 1)] });
    expect(digest(result.summary.indicators.people_by_role_group).breakdown).toEqual([shown('residents_and_communities', 1, 1), ['council_staff', 0, 0, false], ['councillors', 0, 0, false]]);
  });

  it("under Bracknell Forest's framework, the consultation on formed options is flagged", async () => {
    const result = await app.outcomes({ projectId: PROJECT, frameworkId: 'bracknell-forest' });
    const flags = result.summary.indicators.not_coproduction_flags;
    // dec2's only input (inf2) was on options already formed; dec1 reached co-production; dec3 had no input.
    // Every held session had a resident; a4 (co-delivery shift) has r2 and c1's contribution.
    expect(digest(flags)).toEqual({ value: 1, n: 5, breakdown: [] });
    expect(flags.items).toEqual([expect.objectContaining({ subject: 'Opening hours of the energy advice desk (EX4321)' })]);
  });
});
