import { FrameworkRegistry, OutcomeFrameworkView, summariseOutcomes } from '@coprod/frameworks';
import { attack, isProtectedCell, truth } from '../disclosure/attack';
import { count, digest, shown } from './support/indicator-digest';
import { FINANCE, OutcomeApp, PAYER, startOutcomeApp } from './support/outcome-app';

const PROJECT = 'p-small';
const at = (day: string) => `${day}T10:00:00.000Z`;

/*
 * A small group worked out by hand, at threshold 1 (every figure shown).
 *
 * The project started on 5 January and was recorded on 10 January.
 * People (role; seldom-heard groups): r1 r2 r3 residents (r1 disabled_people, r3 digitally_excluded), c1 carer (carers),
 * d1 person who draws on care and support (disabled_people), o1 council officer, k1 councillor.
 *
 * Sessions, minutes (format where it differs from the session's):
 *   s1 co-planning workshop, in person, 3 Feb:   r1 120, r2 120, c1 120 (phone), o1 120, k1 60     = 540
 *   s2 co-planning training, online, 17 Feb:     r1 90, r3 90 (paper), d1 90, o1 90                 = 360
 *   s3 co-design meeting, in person, 3 Mar:      r1 150, r2 150, c1 150, d1 150 (online), o1 150     = 750
 *   s4 co-design meeting, online, 17 Mar:        r2 60, r3 60 (phone), o1 60, k1 60                  = 240
 *                                                                                              total 1890 min = 31.5 h
 * Decisions: dec1 cabinet (EX1, 20 Mar) influenced by s3 at co-production (transformational); dec2 committee (C-2, 24 Mar)
 * influenced by s1 at consultation (basic); dec3 an officer's delegated decision (OD-3, 25 Mar), no influence.
 * Claims: x1 r1 travel £12 paid; x2 c1 care cover £30 paid; x3 d1 travel £8 approved, awaiting payment; x4 r3 travel £5 claimed.
 * Surveys [confidence, skills, influence], pre -> post: r1 [2,2,1] -> [4,3,3]; r2 [3,2,2] -> [4,4,2]; c1 [1,2,2] -> [3,2,3];
 * d1 [2,3,1] -> [2,4,2]; o1 [3,3,3] -> [4,4,4]; k1 [4,3,3] -> [4,3,3]; r3 [2,2,2] before only.
 */
async function recordSmallGroup(app: OutcomeApp): Promise<void> {
  const r = (type: string, data: Record<string, unknown>, day: string, actor?: typeof FINANCE) => app.record(type, data, { now: at(day), actor });
  await r(
    'RegisterProject',
    {
      projectId: PROJECT,
      title: 'Small group, by hand',
      serviceArea: 'Libraries',
      aim: 'Plan the library with readers',
      frameworkId: 'west-berkshire',
      improvementSought: 'More readers',
      openToNewMembers: true,
      startedOn: '2026-01-05',
    },
    '2026-01-10',
  );
  const people: [string, string, string[]][] = [
    ['r1', 'resident', ['disabled_people']],
    ['r2', 'resident', []],
    ['r3', 'resident', ['digitally_excluded']],
    ['c1', 'carer', ['carers']],
    ['d1', 'person_drawing_on_care', ['disabled_people']],
    ['o1', 'council_officer', []],
    ['k1', 'councillor', []],
  ];
  for (const [participantId, role, seldomHeardGroups] of people) {
    await r(
      'RegisterParticipant',
      {
        participantId,
        role,
        seldomHeardGroups,
        preferredFormats: ['in_person'],
        personal: { subjectId: participantId, fields: { name: `Person ${participantId}` } },
      },
      '2026-01-11',
    );
  }
  const sessions: [string, string, string, string, string, number, [string, number, string?][]][] = [
    [
      's1',
      'workshop',
      'co_planning',
      'in_person',
      '2026-02-03',
      120,
      [
        ['r1', 120],
        ['r2', 120],
        ['c1', 120, 'phone'],
        ['o1', 120],
        ['k1', 60],
      ],
    ],
    [
      's2',
      'training',
      'co_planning',
      'online',
      '2026-02-17',
      90,
      [
        ['r1', 90],
        ['r3', 90, 'paper'],
        ['d1', 90],
        ['o1', 90],
      ],
    ],
    [
      's3',
      'meeting',
      'co_design',
      'in_person',
      '2026-03-03',
      150,
      [
        ['r1', 150],
        ['r2', 150],
        ['c1', 150],
        ['d1', 150, 'online'],
        ['o1', 150],
      ],
    ],
    [
      's4',
      'meeting',
      'co_design',
      'online',
      '2026-03-17',
      60,
      [
        ['r2', 60],
        ['r3', 60, 'phone'],
        ['o1', 60],
        ['k1', 60],
      ],
    ],
  ];
  for (const [activityId, activityType, stage, format, day, minutes, attendees] of sessions) {
    await r(
      'PlanActivity',
      { activityId, projectId: PROJECT, title: `Session ${activityId}`, activityType, stage, format, plannedFor: at(day), ladderLevel: 'co_design' },
      '2026-01-20',
    );
    await r('HoldActivity', { activityId, heldOn: at(day), durationMinutes: minutes, ladderLevel: 'co_design' }, day);
    for (const [participantId, mins, how] of attendees) {
      await r('RecordAttendance', { activityId, participantId, minutes: mins, capacity: 'member', format: how ?? format }, day);
    }
  }
  const decisions: [string, string, string, string, string][] = [
    ['dec1', 'Library layout', 'cabinet', 'EX1', '2026-03-20'],
    ['dec2', 'Opening hours', 'committee', 'C-2', '2026-03-24'],
    ['dec3', 'Shelving contract', 'officer_delegation', 'OD-3', '2026-03-25'],
  ];
  for (const [decisionId, title, decisionMaker, reference, day] of decisions) {
    await r(
      'RecordDecision',
      { decisionId, projectId: PROJECT, title, decisionMaker, reference, decidedOn: at(day), recommendation: `Agree the ${title.toLowerCase()}` },
      day,
    );
  }
  const influence = (decisionId: string, influenceId: string, activityId: string, ladderLevel: string, needhamCarrLevel: string, day: string) =>
    r(
      'LinkInfluence',
      {
        decisionId,
        influenceId,
        contributionIds: [],
        activityIds: [activityId],
        youSaid: 'Said',
        weDid: 'Did',
        whereInRecommendation: 'Paragraph 2',
        ladderLevel,
        needhamCarrLevel,
        optionsAlreadyFormed: false,
      },
      day,
    );
  await influence('dec1', 'inf1', 's3', 'co_production', 'transformational', '2026-03-21');
  await influence('dec2', 'inf2', 's1', 'consultation', 'basic', '2026-03-25');
  const claim = (claimId: string, participantId: string, category: string, amountPence: number) =>
    r(
      'ClaimExpense',
      { claimId, projectId: PROJECT, participantId, activityId: null, category, amountPence, description: category, claimedOn: at('2026-03-18') },
      '2026-03-18',
    );
  const approve = (claimId: string) => r('ApproveExpense', { claimId, approvedOn: at('2026-03-19') }, '2026-03-19', FINANCE);
  const pay = (claimId: string, amountPence: number) =>
    r('PayExpense', { claimId, paidOn: at('2026-03-20'), amountPence, method: 'bank_transfer', reference: null }, '2026-03-20', PAYER);
  await claim('x1', 'r1', 'travel', 1200);
  await claim('x2', 'c1', 'care_cover', 3000);
  await claim('x3', 'd1', 'travel', 800);
  await claim('x4', 'r3', 'travel', 500);
  for (const id of ['x1', 'x2', 'x3']) await approve(id);
  await pay('x1', 1200);
  await pay('x2', 3000);
  const answers: Record<string, [number, number, number][]> = {
    r1: [
      [2, 2, 1],
      [4, 3, 3],
    ],
    r2: [
      [3, 2, 2],
      [4, 4, 2],
    ],
    c1: [
      [1, 2, 2],
      [3, 2, 3],
    ],
    d1: [
      [2, 3, 1],
      [2, 4, 2],
    ],
    o1: [
      [3, 3, 3],
      [4, 4, 4],
    ],
    k1: [
      [4, 3, 3],
      [4, 3, 3],
    ],
    r3: [[2, 2, 2]],
  };
  for (const [participantId, phases] of Object.entries(answers)) {
    for (const [i, [c, s, inf]] of phases.entries()) {
      const phase = i === 0 ? 'pre' : 'post';
      const day = i === 0 ? '2026-02-03' : '2026-03-17';
      await r(
        'RecordSurveyResponse',
        {
          projectId: PROJECT,
          participantId,
          responseId: `${phase}-${participantId}`,
          phase,
          answers: { confidence_in_partnership: c, skills_and_knowledge: s, sense_of_influence: inf },
          respondedOn: at(day),
        },
        day,
      );
    }
  }
}

describe('a small group worked out by hand, at threshold 1', () => {
  let app: OutcomeApp;
  beforeAll(async () => {
    app = await startOutcomeApp({ COPROD_SUPPRESSION_THRESHOLD: '1' });
    await recordSmallGroup(app);
  }, 60_000);
  afterAll(() => app.close());

  it('counts people, roles, hours and sessions exactly, each with its unit', async () => {
    const { indicators } = (await app.outcomes({ projectId: PROJECT })).summary;
    // 7 people: residents r1 r2 r3, carer c1, d1, officer o1, councillor k1.
    expect(digest(indicators.people_involved_by_role)).toEqual({
      value: 7,
      n: 7,
      breakdown: [
        shown('resident', 3, 3),
        shown('person_drawing_on_care', 1, 1),
        shown('carer', 1, 1),
        shown('council_officer', 1, 1),
        shown('councillor', 1, 1),
      ],
    });
    expect(digest(indicators.people_by_role_group).breakdown).toEqual([
      shown('residents_and_communities', 5, 5),
      shown('council_staff', 1, 1),
      shown('councillors', 1, 1),
    ]);
    // Minutes: residents 360 + 330 + 150 = 840 (14 h), c1 270 (4.5), d1 240 (4), o1 420 (7), k1 120 (2); 1890 = 31.5 h.
    expect(digest(indicators.hours_by_role)).toEqual({
      value: 31.5,
      n: 7,
      breakdown: [
        shown('resident', 14, 3),
        shown('person_drawing_on_care', 4, 1),
        shown('carer', 4.5, 1),
        shown('council_officer', 7, 1),
        shown('councillor', 2, 1),
      ],
    });
    expect(indicators.hours_by_role.statement).toBe('7 people gave 31.5 hours to the project across 4 sessions.');
    expect(digest(indicators.sessions_by_stage).breakdown).toEqual([count('co_planning', 2), count('co_design', 2)]);
    expect(indicators.sessions_by_format.statement).toBe('4 sessions were held (in person: 2 sessions, online: 2 sessions).');
    // Everyone came to two or more sessions (r1 3, r2 3, r3 2, c1 2, d1 2, o1 4, k1 2).
    expect([indicators.retention.value, indicators.retention.statement]).toEqual([100, '7 of 7 people (100%) took part in two or more sessions.']);
    // Offline: all but d1 (online at s2 and s3) = 6 of 7 = 85.7%; paper {r3}, phone {c1 r3}, in person {r1 r2 o1 k1 c1}. No online bar.
    expect(digest(indicators.offline_share)).toEqual({
      value: 85.7,
      n: 7,
      breakdown: [shown('paper', 1, 1), shown('phone', 2, 2), shown('in_person', 5, 5)],
    });
    // Training (s2): r1 r3 d1 o1.
    expect(digest(indicators.training_completions).breakdown).toEqual([
      shown('resident', 2, 2),
      shown('person_drawing_on_care', 1, 1),
      shown('council_officer', 1, 1),
    ]);
    // Reached: r1 r3 c1 d1 = 4; disabled {r1 d1} 2, carers {c1} 1, digitally excluded {r3} 1.
    expect(digest(indicators.reach_seldom_heard)).toEqual({
      value: 4,
      n: 7,
      breakdown: [shown('carers', 1, 1), shown('digitally_excluded', 1, 1), shown('disabled_people', 2, 2)],
    });
  });

  it('reports decisions as decisions and influence as a level', async () => {
    const { indicators } = (await app.outcomes({ projectId: PROJECT })).summary;
    // dec1 and dec2 of 3; behind them s3's {r1 r2 c1 d1 o1} and s1's {r1 r2 c1 o1 k1} = 6 people.
    expect(indicators.decisions_influenced.statement).toBe(
      '2 of 3 decisions recorded were influenced by the people involved (6 people behind the influences).',
    );
    // Highest: co-production, rung 7 of 7. Each decision once, at its best: dec1 co-production, dec2 consultation.
    expect([indicators.influence_levels.unit, indicators.influence_levels.value, indicators.influence_levels.valueLabel]).toEqual([
      'level',
      7,
      'Co-production',
    ]);
    expect(digest(indicators.influence_levels).breakdown).toEqual([count('consultation', 1), count('co_production', 1)]);
    expect(indicators.influence_levels.breakdownUnit).toBe('decisions');
    expect(indicators.influence_levels.statement).toBe(
      'The highest level reached was co-production (rung 7 of 7); 1 of 2 decisions influenced reached co-design or co-production.',
    );
    // Both influenced decisions have residents behind them (r1 r2 c1 d1): 2 of 3 = 66.7%.
    expect([indicators.resident_influence_share.value, indicators.resident_influence_share.n]).toEqual([66.7, 4]);
  });

  it("gives the residents' survey change alone, matched pairs only, and staff and councillors apart", async () => {
    const survey = (await app.outcomes({ projectId: PROJECT })).summary.indicators.survey_change;
    // Residents and communities r1 r2 c1 d1 (r3 answered before only). Confidence +2 +1 +2 0 = 5 / 4 = 1.25;
    // before (2+3+1+2)/4 = 2, after (4+4+3+2)/4 = 3.25. Skills +1 +2 0 +1 = 4/4 = 1. Influence +2 0 +1 +1 = 4/4 = 1.
    // Pooled with o1 (+1) and k1 (0) it would read 6/6 = +1: never shown.
    expect([survey.value, survey.n]).toEqual([1.25, 4]);
    expect(
      survey.items.filter((i) => i.groupId === 'residents_and_communities').map((i) => [i.itemId, i.pairs, i.meanBefore, i.meanAfter, i.meanChange]),
    ).toEqual([
      ['confidence_in_partnership', 4, 2, 3.25, 1.25],
      ['skills_and_knowledge', 4, 2.25, 3.25, 1],
      ['sense_of_influence', 4, 1.5, 2.5, 1],
    ]);
    // Staff o1: +1 on each item; councillors k1: 0.
    expect(survey.secondaryBreakdown!.filter((c) => c.key.startsWith('confidence_in_partnership:')).map((c) => [c.key, c.value, c.n])).toEqual([
      ['confidence_in_partnership:residents_and_communities', 1.25, 4],
      ['confidence_in_partnership:council_staff', 1, 1],
      ['confidence_in_partnership:councillors', 0, 1],
    ]);
    expect(survey.statement).toBe(
      'Among 4 people from residents and communities who answered before and after, confidence working in partnership changed by +1.25 on a 1 to 5 scale.',
    );
    expect(survey.note).toBe('1 response without a matching before or after response is not counted.');
  });

  it('shows the whole expenses ledger, including the claim approved and awaiting payment', async () => {
    const expenses = (await app.outcomes({ projectId: PROJECT })).summary.indicators.expenses;
    // Paid x1 1200 (r1, travel) + x2 3000 (c1, care cover) = 4200 to 2 people; x3 800 awaits payment; x4 500 awaits approval.
    expect([expenses.value, expenses.n]).toEqual([4200, 2]);
    expect(digest(expenses).breakdown).toEqual([shown('travel', 1200, 1), shown('care_cover', 3000, 1)]);
    expect(expenses.items.map((i) => [i.key, i.claims ?? i.people, i.amountPence ?? null])).toEqual([
      ['paid', 2, 4200],
      ['approved_awaiting_payment', 1, 800],
      ['awaiting_approval', 1, 500],
      ['rejected', 0, 0],
      ['corrected', 0, null],
      ['people_paid', 2, null],
    ]);
    expect(expenses.statement).toBe(
      '£42.00 was paid to 2 people in expenses and recognition; 1 claim is approved and awaiting payment (£8.00); 1 claim awaits approval (£5.00); 0 claims were rejected.',
    );
  });

  it('counts the project from its start date, not the day it was recorded', async () => {
    const early = await app.outcomes({ projectId: PROJECT, asOf: '2026-01-07' });
    expect(early.summary.indicators.stage_history.items.map((i) => [i.stage, i.enteredOn])).toEqual([['Co-planning', '2026-01-05']]);
    expect(early.summary.indicators.stage_history.statement).toBe('The project is in co-planning.');
  });

  it('at threshold 5 the same record gives an attacker no protected cell, and still shows the public facts', async () => {
    const result = await app.outcomes({ projectId: PROJECT });
    const framework = FrameworkRegistry.load().get('west-berkshire') as unknown as OutcomeFrameworkView;
    const at = (threshold: number) =>
      JSON.parse(JSON.stringify(summariseOutcomes(result.facts, { suppressionThreshold: threshold, framework }).indicators));
    const real = truth(at(1));
    const five = at(5);
    expect(attack(five).filter((r) => isProtectedCell(r.cell) && (real.get(r.cell) ?? 0) !== 0)).toEqual([]);
    // Public: who was in the room, sessions by format and stage, totals.
    expect(digest(five.people_involved_by_role).breakdown).toEqual([
      shown('resident', 3, 3),
      shown('council_officer', 1, 1),
      shown('councillor', 1, 1),
      ['not_shown_separately', 2, 2, false],
    ]);
    expect(five.sessions_by_format.breakdown).toEqual(at(1).sessions_by_format.breakdown);
    // The carer and the person who draws on care are not named anywhere in the figures.
    expect(JSON.stringify(five)).not.toMatch(/Carers|People who draw on care/);
  });
});
