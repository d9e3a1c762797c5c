import { join } from 'node:path';
import { INDICATOR_CATALOGUE } from '@coprod/frameworks/indicators/catalogue';
import type { IndicatorItem } from '@coprod/frameworks/indicators/indicator';
import { OutcomeFrameworkView, summariseOutcomes } from '@coprod/frameworks/indicators/outcome-summary';
import type { ProjectOutcomes } from '@coprod/application/queries/project-outcomes.service';
import { Digest, digest, shown } from './support/indicator-digest';
import { beforeCorrections, beforeLateSession, endOfMarch, expectListingsNow, now } from './support/hand-checked-figures';
import { FixtureOutcomes, outcomesOverFixture } from './support/fixture-outcomes';
import { readRecordedFixture } from './support/recorded-fixture';
import type { ScenarioPoints } from './support/hand-checked-scenario';

/*
 * The hand-checked figures of hand-checked.e2e.spec.ts, computed by the application's own outcomes query from the
 * record that scenario makes (captured in fixtures/hand-checked.events.json; the end-to-end suite fails when the
 * scenario records anything else). The same expectations, in milliseconds rather than an application's start: quick
 * enough to run against every mutant of the figures code (`npm run mutate -- figures`).
 */

const PROJECT = 'p-hand';
/** The instant the end-to-end suite asks at (its QUERY_NOW): after everything the scenario records happened. */
const QUERY_NOW = '2026-08-01T00:00:00.000Z';
const POPULATION = join(__dirname, '..', 'fixtures', 'population', 'example-borough.yaml');

function expectEveryIndicator(result: ProjectOutcomes, expected: Record<string, Digest>): void {
  expect(Object.keys(expected).sort()).toEqual([...INDICATOR_CATALOGUE.keys()].sort());
  const actual = Object.fromEntries(Object.keys(expected).map((id) => [id, digest(result.summary.indicators[id])]));
  expect(actual).toEqual(expected);
}

const quoteIdsByOutcome = (result: ProjectOutcomes) => Object.fromEntries(result.summary.outcomes.map((o) => [o.id, o.quoteIds]));

describe('the hand-checked project from its recorded events: every indicator, under both clocks', () => {
  const { points, events } = readRecordedFixture<ScenarioPoints>('hand-checked.events.json');
  let app: FixtureOutcomes;

  beforeAll(() => {
    app = outcomesOverFixture(events, { COPROD_POPULATION_FILE: POPULATION }, QUERY_NOW);
  });
  afterAll(() => app.close());

  it('now: every figure, its breakdown and n, with the late session and the corrections', () => {
    const result = app.outcomes({ projectId: PROJECT });
    expect(result.clocks.knownAtPosition).toBe(points.head);
    expectEveryIndicator(result, now);
  });

  it('now: the listings behind the figures', () => {
    const { indicators } = app.outcomes({ projectId: PROJECT }).summary;
    expectListingsNow(indicators);
  });

  it('now, with suppression off: the hidden cells hold the hand-worked figures', () => {
    const result = app.outcomes({ projectId: PROJECT });
    const { indicators } = summariseOutcomes(result.facts, {
      suppressionThreshold: 1,
      framework: result.framework as unknown as OutcomeFrameworkView,
    });
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

  it('an earlier asOf (31 March) leaves out what happened later, however early it was recorded', () => {
    const result = app.outcomes({ projectId: PROJECT, asOf: '2026-03-31' });
    expect(result.clocks.asOf).toBe('2026-03-31T23:59:59.999Z');
    expectEveryIndicator(result, endOfMarch);
    const { indicators } = result.summary;
    expect(indicators.service_measures.items).toEqual([expect.objectContaining({ latest: 55, change: 15 })]);
    expect(
      indicators.expenses.items
        .filter((i) => ['awaiting_approval', 'rejected', 'people_paid'].includes(String(i.key)))
        .map((i) => i.claims ?? i.people),
    ).toEqual([0, 1, 5]);
    expect(indicators.survey_change.note).toBe('6 responses without a matching before or after response are not counted.');
  });

  it('knownAt before the late session leaves a4 out; after it, a4 counts', () => {
    const before = app.outcomes({ projectId: PROJECT, knownAt: String(points.beforeLateSession) });
    expect(before.clocks.knownAtPosition).toBe(points.beforeLateSession);
    expect(before.rows.every((row) => row.position <= points.beforeLateSession)).toBe(true);
    expectEveryIndicator(before, beforeLateSession);
  });

  it('knownAt before the correction shows the old minutes and the voided attendance; after it, the new', () => {
    const old = app.outcomes({ projectId: PROJECT, knownAt: String(points.beforeCorrections) });
    expectEveryIndicator(old, beforeCorrections);
    expect(old.facts.attendance.find((a) => a.activityId === 'a3' && a.participantId === 'r1')?.minutes).toBe(150);
    const corrected = app.outcomes({ projectId: PROJECT, knownAt: String(points.beforeLateSession) });
    expect(corrected.facts.attendance.find((a) => a.activityId === 'a3' && a.participantId === 'r1')?.minutes).toBe(75);
    expect(corrected.facts.attendance.some((a) => a.activityId === 'a3' && a.participantId === 'r3')).toBe(false);
  });

  it('a session recorded late counts in an asOf after it happened, though it was planned on paper afterwards', () => {
    const result = app.outcomes({ projectId: PROJECT, asOf: '2026-05-31' });
    expect(digest(result.summary.indicators.sessions_by_stage)).toEqual(now.sessions_by_stage);
    expect(digest(result.summary.indicators.hours_by_role)).toEqual(now.hours_by_role);
  });

  it('a withdrawn quote is listed under no outcome, even as known before the withdrawal', () => {
    for (const knownAt of [undefined, String(points.beforeCorrections)]) {
      const result = app.outcomes({ projectId: PROJECT, knownAt });
      expect(quoteIdsByOutcome(result)).toMatchObject({ increased_influence: ['q1'], more_confident: [] });
      expect(result.facts.quotes.get('q2')?.withdrawn).toBe(true);
    }
  });

  it("under Bracknell Forest's framework, the consultation on formed options is flagged", () => {
    const result = app.outcomes({ projectId: PROJECT, frameworkId: 'bracknell-forest' });
    const flags = result.summary.indicators.not_coproduction_flags;
    expect(digest(flags)).toEqual({ value: 1, n: 5, breakdown: [] });
    expect(flags.items).toEqual([expect.objectContaining({ subject: 'Opening hours of the energy advice desk (EX4321)' })]);
  });
});

/*
 * Beyond the end-to-end suite: what every figure says in words (reports, pages and alt text print these), read against
 * the hand-worked figures above. A statement is written from the figure as shown, so a hidden number is never told.
 */
describe('the hand-checked project in words: every statement, written from the figures as shown', () => {
  const { points, events } = readRecordedFixture<ScenarioPoints>('hand-checked.events.json');
  let app: FixtureOutcomes;

  beforeAll(() => {
    app = outcomesOverFixture(events, { COPROD_POPULATION_FILE: POPULATION }, QUERY_NOW);
  });
  afterAll(() => app.close());

  const statements = (result: ProjectOutcomes) => Object.fromEntries(Object.entries(result.summary.indicators).map(([id, i]) => [id, i.statement]));

  it('now', () => {
    expect(statements(app.outcomes({ projectId: PROJECT }))).toEqual({
      people_involved_by_role: '7 people took part in at least one session.',
      people_by_role_group: '5 of the 7 people involved were residents or community members (71.4%).',
      hours_by_role: '7 people gave 30.4 hours to the project across 4 sessions.',
      sessions_by_stage: '4 sessions were held (co-planning: 2 sessions, co-design: 1 session, co-delivery: 1 session).',
      sessions_by_format: '4 sessions were held (in person: 2 sessions, online: 1 session, phone: 1 session).',
      retention: '5 of 7 people (71.4%) took part in two or more sessions.',
      offline_share: '6 of 7 people (85.7%) took part at least once on paper, by phone or in person.',
      reach_seldom_heard: '6 of the 7 people involved identify with at least one seldom-heard group.',
      reach_against_population: 'Compared with Example Borough (fictional), these groups are under-represented: Ethnic minority groups.',
      decisions_influenced: '2 of 3 decisions recorded were influenced by the people involved (5 people behind the influences).',
      influence_levels: 'The highest level reached was co-production (rung 7 of 7); 1 of 2 decisions influenced reached co-design or co-production.',
      resident_influence_share: '2 of 3 decisions (66.7%) show documented influence from residents and communities.',
      you_said_we_did: '2 changes can be traced to what people said.',
      proposals_not_adopted: '1 proposal was not adopted; each has a recorded reason.',
      survey_change: "The residents' change in confidence is not shown: too few residents and community members answered both before and after.",
      training_completions: '4 people completed a briefing or training session on co-production.',
      setup_activities: '3 of 4 set-up activities have been done.',
      stage_history: 'The project is in co-delivery.',
      service_measures: '1 of 1 service measure has moved in the better direction since its baseline.',
      expenses:
        '£77.50 was paid to 5 people in expenses and recognition; 0 claims are approved and awaiting payment; 1 claim awaits approval; 1 claim was rejected.',
      principle_reflections: "Reflections cover 2 of the framework's 3 principles.",
      not_coproduction_flags: 'No part of the record matches what co-production is not.',
    });
    expect(app.outcomes({ projectId: PROJECT }).summary.indicators.reach_against_population.note).toBe(
      'Population source: Invented figures for tests; a real profile cites its census tables.',
    );
  });

  it('as of 31 March, what differs from now', () => {
    const asNow = statements(app.outcomes({ projectId: PROJECT }));
    expect(statements(app.outcomes({ projectId: PROJECT, asOf: '2026-03-31' }))).toEqual({
      ...asNow,
      hours_by_role: '7 people gave 16.5 hours to the project across 2 sessions.',
      sessions_by_stage: '2 sessions were held (co-planning: 2 sessions).',
      sessions_by_format: '2 sessions were held (in person: 1 session, online: 1 session).',
      retention: '3 of 7 people (42.9%) took part in two or more sessions.',
      decisions_influenced: '1 of 2 decisions recorded was influenced by the people involved (4 people behind the influences).',
      influence_levels: 'The highest level reached was consultation (rung 4 of 7); 0 of 1 decision influenced reached co-design or co-production.',
      resident_influence_share: '1 of 2 decisions (50%) shows documented influence from residents and communities.',
      you_said_we_did: '1 change can be traced to what people said.',
      proposals_not_adopted: 'Every recorded proposal was adopted or is still open.',
      survey_change: 'No resident or community member has answered both before and after, so no change can be reported.',
      setup_activities: '2 of 4 set-up activities have been done.',
      stage_history: 'The project is in co-planning.',
      expenses:
        '£77.50 was paid to 5 people in expenses and recognition; 0 claims are approved and awaiting payment; 0 claims await approval; 1 claim was rejected.',
      principle_reflections: "Reflections cover 0 of the framework's 3 principles.",
    });
  });

  it('as known before the corrections, what differs from now', () => {
    const asNow = statements(app.outcomes({ projectId: PROJECT }));
    expect(statements(app.outcomes({ projectId: PROJECT, knownAt: String(points.beforeCorrections) }))).toEqual({
      ...asNow,
      hours_by_role: '7 people gave 28.2 hours to the project across 3 sessions.',
      sessions_by_stage: '3 sessions were held (co-planning: 2 sessions, co-design: 1 session).',
      sessions_by_format: '3 sessions were held (in person: 2 sessions, online: 1 session).',
      retention: '6 of 7 people (85.7%) took part in two or more sessions.',
      decisions_influenced: '2 of 3 decisions recorded were influenced by the people involved (6 people behind the influences).',
    });
  });
});

/*
 * Beyond the end-to-end suite: every figure names the events it came from (a report's provenance lists them), each
 * event written here as its type and what it is about. Held attendance is every attendance at a1-a4 but r3's at a3,
 * which a correction voided; the amended r1 at a3 is still the attendance recorded then.
 */
describe('the hand-checked project: the events behind every figure', () => {
  const { events } = readRecordedFixture<ScenarioPoints>('hand-checked.events.json');
  const byId = new Map(events.map((e) => [e.id, e]));
  let app: FixtureOutcomes;

  beforeAll(() => {
    app = outcomesOverFixture(events, { COPROD_POPULATION_FILE: POPULATION }, QUERY_NOW);
  });
  afterAll(() => app.close());

  const about = (id: string) => {
    const { type, data } = byId.get(id)!;
    const keys = [
      'activityId',
      'participantId',
      'claimId',
      'decisionId',
      'influenceId',
      'proposalId',
      'measureId',
      'activity',
      'stage',
      'principleId',
      'phase',
    ];
    return [type, ...keys.map((k) => data[k]).filter((v) => typeof v === 'string')].join(' ');
  };
  const sources = (id: string) => [...new Set(app.outcomes({ projectId: PROJECT }).summary.indicators[id].sourceEventIds.map(about))].sort();

  const HELD = [
    'a1 c1',
    'a1 k1',
    'a1 o1',
    'a1 r1',
    'a1 r2',
    'a1 r3',
    'a2 d1',
    'a2 o1',
    'a2 r1',
    'a2 r2',
    'a3 c1',
    'a3 d1',
    'a3 o1',
    'a3 r1',
    'a4 c1',
    'a4 o1',
    'a4 r2',
  ];
  const attendance = HELD.map((a) => `AttendanceRecorded ${a}`);
  const registrations = ['c1', 'd1', 'k1', 'o1', 'r1', 'r2', 'r3'].map((p) => `ParticipantRegistered ${p}`);
  const sessions = ['a1 co_planning', 'a2 co_planning', 'a3 co_design', 'a4 co_delivery']
    .flatMap((a) => [`ActivityHeld ${a.split(' ')[0]}`, `ActivityPlanned ${a}`])
    .sort();
  const decisions = (...ids: string[]) => ids.map((id) => `DecisionRecorded ${id}`);
  const influences = ['InfluenceLinked dec1 inf1', 'InfluenceLinked dec2 inf2'];

  it('the people, their hours and how they took part: the attendance at held sessions (and, for who they are, their registrations)', () => {
    for (const id of ['people_by_role_group', 'hours_by_role', 'retention', 'offline_share']) expect([id, sources(id)]).toEqual([id, attendance]);
    expect(sources('people_involved_by_role')).toEqual([...attendance, ...registrations].sort());
    for (const id of ['reach_seldom_heard', 'reach_against_population']) expect([id, sources(id)]).toEqual([id, registrations]);
    expect(sources('training_completions')).toEqual(attendance.filter((a) => a.includes(' a2 ')));
  });

  it('the sessions: their plans and holding, never the cancelled a5', () => {
    expect(sources('sessions_by_stage')).toEqual(sessions);
    expect(sources('sessions_by_format')).toEqual(sessions);
  });

  it('the decisions and the influences on them', () => {
    expect(sources('decisions_influenced')).toEqual([...decisions('dec1', 'dec2'), ...influences]);
    expect(sources('influence_levels')).toEqual(influences);
    // The share is of every decision recorded, dec3 (with no influence) too.
    expect(sources('resident_influence_share')).toEqual([...decisions('dec1', 'dec2', 'dec3'), ...influences]);
    expect(sources('you_said_we_did')).toEqual([...decisions('dec1', 'dec2'), ...influences]);
    expect(sources('proposals_not_adopted')).toEqual(['ProposalNotAdopted dec1 prop1']);
    expect(sources('not_coproduction_flags')).toEqual([]);
  });

  it('the matched survey responses only: r3 answered before and never after', () => {
    expect(sources('survey_change')).toEqual(
      ['c1', 'd1', 'o1', 'r1', 'r2'].flatMap((p) => [`SurveyResponseRecorded ${p} post`, `SurveyResponseRecorded ${p} pre`]),
    );
  });

  it("the project's own record: set-up, stages, measure readings and reflections", () => {
    expect(sources('setup_activities')).toEqual(
      ['members_briefed', 'steering_group_formed', 'support_and_expenses_agreed'].map((a) => `SetupActivityRecorded ${a}`),
    );
    expect(sources('stage_history')).toEqual(['ProjectRegistered', 'StageEntered co_delivery', 'StageEntered co_design']);
    // The measure and its two readings (March and June), each written the same here.
    expect(sources('service_measures')).toEqual(['ServiceMeasureDefined m1', 'ServiceMeasureReadingRecorded m1']);
    expect(sources('principle_reflections')).toEqual(['PrincipleReflectionRecorded equality', 'PrincipleReflectionRecorded inclusive']);
  });

  it('the expense claims with every step of each, x8 (awaiting approval) and x7 (rejected) too', () => {
    const claims: [string, string, string[]][] = [
      ['x1', 'r1', ['ExpenseApproved', 'ExpensePaid']],
      ['x2', 'r2', ['ExpenseApproved', 'ExpensePaid']],
      ['x3', 'r3', ['ExpenseApproved', 'ExpensePaid']],
      ['x4', 'c1', ['ExpenseApproved', 'ExpensePaid']],
      ['x5', 'd1', ['ExpenseApproved', 'ExpensePaid']],
      ['x6', 'c1', ['ExpenseApproved', 'ExpensePaid']],
      ['x7', 'r2', ['ExpenseRejected']],
      ['x8', 'd1', []],
    ];
    expect(sources('expenses')).toEqual(
      claims.flatMap(([claim, person, steps]) => [`ExpenseClaimed ${person} ${claim}`, ...steps.map((s) => `${s} ${claim}`)]).sort(),
    );
  });
});

/*
 * Beyond the end-to-end suite: every listing behind the figures, line by line as a report prints it, with how many
 * events each line names (the amounts on fewer than 5 people withheld, as the figures above).
 */
describe('the hand-checked project: every listing, in full', () => {
  const { events } = readRecordedFixture<ScenarioPoints>('hand-checked.events.json');
  let app: FixtureOutcomes;

  beforeAll(() => {
    app = outcomesOverFixture(events, { COPROD_POPULATION_FILE: POPULATION }, QUERY_NOW);
  });
  afterAll(() => app.close());

  const lines = (items: IndicatorItem[]) => items.map(({ eventIds, ...line }) => ({ ...line, events: eventIds.length }));

  it('now', () => {
    const { indicators } = app.outcomes({ projectId: PROJECT }).summary;
    expect(lines(indicators.reach_against_population.items)).toEqual([
      { group: 'Disabled under the Equality Act', populationShare: 17, participantShare: null, suppressed: true, events: 0 },
      { group: 'Aged 65 and over', populationShare: 20, participantShare: 71.4, suppressed: false, events: 0 },
      { group: 'Ethnic minority groups', populationShare: 12, participantShare: 0, suppressed: false, events: 0 },
    ]);
    expect(lines(indicators.decisions_influenced.items)).toEqual([
      { decisionId: 'dec2', title: 'Opening hours of the energy advice desk', reference: 'EX4321', decidedOn: '2026-03-25', events: 1 },
      { decisionId: 'dec1', title: 'Structure of the guidance note', reference: 'PG-01', decidedOn: '2026-04-20', events: 1 },
    ]);
    expect(lines(indicators.you_said_we_did.items)).toEqual([
      {
        influenceId: 'inf2',
        decisionId: 'dec2',
        decision: 'Opening hours of the energy advice desk',
        reference: 'EX4321',
        youSaid: 'Saturdays suit working people',
        weDid: 'Chose the Saturday option of the two offered',
        whereInRecommendation: 'Paragraph 3',
        level: 'Consultation',
        events: 2,
      },
      {
        influenceId: 'inf1',
        decisionId: 'dec1',
        decision: 'Structure of the guidance note',
        reference: 'PG-01',
        youSaid: 'Add a section on grants',
        weDid: 'Section 4 is now about grants',
        whereInRecommendation: 'Section 4',
        level: 'Co-production',
        events: 2,
      },
    ]);
    expect(lines(indicators.proposals_not_adopted.items)).toEqual([
      {
        proposalId: 'prop1',
        decisionId: 'dec1',
        decision: 'Structure of the guidance note',
        proposal: 'Publish it in Welsh too',
        reason: 'West Berkshire publishes in English; a translation can be requested',
        events: 1,
      },
    ]);
    expect(lines(indicators.survey_change.items)).toEqual([
      {
        item: 'Confidence working in partnership',
        itemId: 'confidence_in_partnership',
        group: 'Residents and communities',
        groupId: 'residents_and_communities',
        pairs: 4,
        meanBefore: null,
        meanAfter: null,
        meanChange: null,
        suppressed: true,
        events: 8,
      },
      {
        item: 'Confidence working in partnership',
        itemId: 'confidence_in_partnership',
        group: 'Council staff',
        groupId: 'council_staff',
        pairs: 1,
        meanBefore: null,
        meanAfter: null,
        meanChange: null,
        suppressed: true,
        events: 2,
      },
      {
        item: 'Skills and knowledge',
        itemId: 'skills_and_knowledge',
        group: 'Residents and communities',
        groupId: 'residents_and_communities',
        pairs: 4,
        meanBefore: null,
        meanAfter: null,
        meanChange: null,
        suppressed: true,
        events: 8,
      },
      {
        item: 'Skills and knowledge',
        itemId: 'skills_and_knowledge',
        group: 'Council staff',
        groupId: 'council_staff',
        pairs: 1,
        meanBefore: null,
        meanAfter: null,
        meanChange: null,
        suppressed: true,
        events: 2,
      },
      {
        item: 'Sense of influence',
        itemId: 'sense_of_influence',
        group: 'Residents and communities',
        groupId: 'residents_and_communities',
        pairs: 4,
        meanBefore: null,
        meanAfter: null,
        meanChange: null,
        suppressed: true,
        events: 8,
      },
      {
        item: 'Sense of influence',
        itemId: 'sense_of_influence',
        group: 'Council staff',
        groupId: 'council_staff',
        pairs: 1,
        meanBefore: null,
        meanAfter: null,
        meanChange: null,
        suppressed: true,
        events: 2,
      },
    ]);
    expect(lines(indicators.setup_activities.items)).toEqual([
      {
        activity: 'Set up a steering group or co-production group.',
        activityId: 'steering_group_formed',
        doneOn: '2026-01-20',
        done: true,
        events: 1,
      },
      {
        activity: 'Agree support and expenses for members of the group.',
        activityId: 'support_and_expenses_agreed',
        doneOn: '2026-01-27',
        done: true,
        events: 1,
      },
      {
        activity: 'Ensure all members of the group understand what co-production is and how it works.',
        activityId: 'members_briefed',
        doneOn: '2026-04-14',
        done: true,
        events: 1,
      },
      {
        activity: 'Agree working principles for the co-production group.',
        activityId: 'working_principles_agreed',
        doneOn: null,
        done: false,
        events: 0,
      },
    ]);
    expect(lines(indicators.stage_history.items)).toEqual([
      { stage: 'Co-planning', enteredOn: '2026-01-05', skipped: [], reason: null, events: 1 },
      { stage: 'Co-design', enteredOn: '2026-04-01', skipped: [], reason: null, events: 1 },
      { stage: 'Co-delivery', enteredOn: '2026-05-01', skipped: [], reason: null, events: 1 },
    ]);
    expect(lines(indicators.service_measures.items)).toEqual([
      {
        measure: 'Visits to the guidance page',
        unit: 'visits per month',
        baseline: 40,
        baselineOn: '2026-01-31',
        latest: 90,
        latestOn: '2026-06-30',
        change: 50,
        improved: true,
        events: 3,
      },
    ]);
    expect(lines(indicators.expenses.items)).toEqual([
      { measure: 'Paid', key: 'paid', claims: 6, amountPence: 7750, people: 5, events: 18 },
      { measure: 'Approved, awaiting payment', key: 'approved_awaiting_payment', claims: 0, amountPence: 0, people: 0, events: 0 },
      { measure: 'Awaiting approval', key: 'awaiting_approval', claims: 1, amountPence: null, people: 1, suppressed: true, events: 1 },
      { measure: 'Rejected', key: 'rejected', claims: 1, amountPence: null, people: 1, suppressed: true, events: 2 },
      {
        measure: 'Corrected (approvals withdrawn, payments reversed)',
        key: 'corrected',
        claims: 0,
        approvalsWithdrawn: 0,
        paymentsReversed: 0,
        reversedPence: 0,
        events: 0,
      },
      { measure: 'People paid', key: 'people_paid', people: 5, events: 0 },
    ]);
    expect(lines(indicators.principle_reflections.items)).toEqual([
      { principle: 'Equality', reflection: 'Residents chaired half the meeting', madeADifference: true, recordedOn: '2026-04-20', events: 1 },
      { principle: 'Inclusive', reflection: 'Paper packs let r3 take part', madeADifference: true, recordedOn: '2026-05-20', events: 1 },
    ]);
  });

  it("under Bracknell Forest's framework, the flag with its rule and finding", () => {
    const flags = app.outcomes({ projectId: PROJECT, frameworkId: 'bracknell-forest' }).summary.indicators.not_coproduction_flags;
    expect(lines(flags.items)).toEqual([
      {
        subject: 'Opening hours of the energy advice desk (EX4321)',
        finding: 'The only input was consultation on options that were already formed.',
        rule: 'Public participation in events or online surveys where proposals are already formed or the options are limited.',
        events: 2,
      },
    ]);
    expect(flags.statement).toBe('1 part of the record looks like something co-production is not; see the flags.');
  });
});
