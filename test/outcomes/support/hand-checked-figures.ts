import type { IndicatorResult } from '@coprod/frameworks/indicators/indicator';
import { count, Digest, hidden, merged, shown } from './indicator-digest';

/*
 * The figures of the hand-checked project, worked out by hand from hand-checked-scenario.ts.
 * Disclosure control is at the default threshold of 5 people, with the default sensitivity: residents,
 * officers and councillors are shown; people who draw on care and support and carers are protected and,
 * below 5, counted together in one merged row ("not shown separately") with the other protected roles.
 *
 * Held attendance, in minutes (format), once corrections apply and everything is known:
 *   a1 (co-planning, in person, 10 Feb): r1 120, r2 120, r3 90 (paper), c1 120, o1 120, k1 60          = 630
 *   a2 (co-planning, online, 10 Mar):    r1 90 (phone), r2 90, d1 90, o1 90                             = 360
 *   a3 (co-design, in person, 14 Apr):   r1 75 (amended from 150), c1 150, d1 100 (online), o1 150,
 *                                        r3 150 voided                                                 = 475
 *   a4 (co-delivery, phone, 12 May, recorded late): r2 180, c1 120, o1 60                              = 360
 *   a5 cancelled.
 */

const DISABLED = 'Disabled under the Equality Act';
const OLDER = 'Aged 65 and over';
export const MINORITIES = 'Ethnic minority groups';

/** Figures that do not move between the views compared here. */
export const steady: Record<string, Digest> = {
  // People at a held session: r1 r2 r3 c1 d1 o1 k1 = 7. Residents 3, officer 1, councillor 1 are public; d1 (care and
  // support) and c1 (carer) are protected and under 5: merged as 2, which any two of the four protected roles could make.
  people_involved_by_role: {
    value: 7,
    n: 7,
    breakdown: [shown('resident', 3, 3), shown('council_officer', 1, 1), shown('councillor', 1, 1), merged(2, 2)],
  },
  // Residents and communities: r1 r2 r3 c1 d1 = 5; staff o1 = 1; councillors k1 = 1. Who was in the room is public.
  people_by_role_group: {
    value: 5,
    n: 7,
    breakdown: [shown('residents_and_communities', 5, 5), shown('council_staff', 1, 1), shown('councillors', 1, 1)],
  },
  // Groups of the 7: carers {c1}, digitally_excluded {r3}, disabled {r1 d1}, older {r1 r3 c1 d1 k1}, young {r2}.
  // Reached (any group): everyone but o1 = 6. Groups under 5 are left out, not listed as hidden.
  reach_seldom_heard: {
    value: 6,
    n: 7,
    breakdown: [shown('older_people', 5, 5)],
  },
  // Disabled: 2 people, suppressed; older: 5/7 = 71.4% against 20%; ethnic minorities: 0/7 = 0% against 12%.
  reach_against_population: {
    value: null,
    n: 7,
    breakdown: [
      [DISABLED, null, null, true],
      [OLDER, 71.4, null, false],
      [MINORITIES, 0, null, false],
    ],
  },
  // Training a2: r1 r2 (residents), d1, o1 = 4 people; d1 alone in the merged row.
  training_completions: {
    value: 4,
    n: 4,
    breakdown: [shown('resident', 2, 2), shown('council_officer', 1, 1), merged(1, 1)],
  },
  // Paid: x1 r1 1250, x2 r2 800, x3 r3 900, x4 c1 700, x5 d1 1100 (travel 4750, 5 people) + x6 c1 3000 care cover.
  // Total 4750 + 3000 = 7750 to 5 people. Care cover rests on c1 alone; merged alone it would still be c1's 3000
  // (and 7750 - 4750 would give it), so travel joins the merged row, which then rests on 5 people: 7750.
  expenses: { value: 7750, n: 5, breakdown: [merged(7750, null)] },
  // Proposals not adopted rest on no count of people.
  proposals_not_adopted: { value: 1, n: 0, breakdown: [] },
};

/** Matched pairs (pre -> post) of r1 r2 c1 d1 o1; r3's pre has no post. */
const surveyAfterMay: Digest = {
  // Residents and communities r1 r2 c1 d1 = 4 pairs, staff o1 = 1: both under 5, so no mean is shown, and staff are never pooled
  // with residents. (The hand-worked means, with nothing hidden, are in the threshold-1 scenario's spec.)
  value: null,
  n: 4,
  breakdown: ['confidence_in_partnership', 'skills_and_knowledge', 'sense_of_influence'].map((item) => hidden(item, 4)),
  secondary: ['confidence_in_partnership', 'skills_and_knowledge', 'sense_of_influence'].flatMap((item) => [
    hidden(`${item}:residents_and_communities`, 4),
    hidden(`${item}:council_staff`, 1),
  ]),
};

/** Everything known, as of now. */
export const now: Record<string, Digest> = {
  ...steady,
  // 630 + 360 + 475 + 360 = 1825 min = 30.42 h. By role: resident 285+390+90 = 765 (12.75 h), o1 420 (7), k1 60 (1);
  // merged d1 190 + c1 390 = 580 (9.67 h).
  hours_by_role: {
    value: 30.4,
    n: 7,
    breakdown: [shown('resident', 12.8, 3), shown('council_officer', 7, 1), shown('councillor', 1, 1), merged(9.7, 2)],
  },
  sessions_by_stage: { value: 4, n: 7, breakdown: [count('co_planning', 2), count('co_design', 1), count('co_delivery', 1)] },
  sessions_by_format: { value: 4, n: 7, breakdown: [count('in_person', 2), count('online', 1), count('phone', 1)] },
  // Sessions each: r1 3, r2 3, r3 1, c1 3, d1 2, o1 4, k1 1 -> 5 of 7 came back = 71.4%. Coming back is public.
  retention: { value: 71.4, n: 7, breakdown: [shown('returning', 5, 5), shown('once', 2, 2)] },
  // Offline (paper, phone, in person) at least once: all but d1 (online twice) = 6/7 = 85.7%. How people took part is public;
  // the chart holds offline formats only. Paper {r3}; phone {r1 r2 c1 o1}; in person {r1 r2 c1 o1 k1}.
  offline_share: { value: 85.7, n: 7, breakdown: [shown('paper', 1, 1), shown('phone', 4, 4), shown('in_person', 5, 5)] },
  // inf2 (dec2, cabinet) rests on a2's attendees {r1 r2 d1 o1}; inf1 (dec1, project group) on k-a3-1 {r1 c1} and a3's {r1 c1 d1 o1}.
  // People behind either: r1 r2 c1 d1 o1 = 5.
  decisions_influenced: { value: 2, n: 5, breakdown: [count('cabinet', 1), count('project_group', 1)] },
  // A level, not a count: the highest rung is co-production (7th of 7); each decision once at its best: dec2 consultation, dec1 co-production.
  influence_levels: {
    value: 7,
    n: 5,
    breakdown: [count('consultation', 1), count('co_production', 1)],
    secondary: [count('basic', 1), count('intermediate', 0), count('transformational', 1)],
  },
  // dec2 and dec1 have residents behind them, dec3 has no influence: 2 of 3 = 66.7%. Residents behind: r1 r2 d1 c1 = 4.
  resident_influence_share: { value: 66.7, n: 4, breakdown: [count('with', 2), count('without', 1)] },
  you_said_we_did: { value: 2, n: 5, breakdown: [] },
  survey_change: surveyAfterMay,
  // Steering group (20 Jan), support (27 Jan), briefing (14 Apr); working principles not yet.
  setup_activities: { value: 3, n: 0, breakdown: [] },
  // Registered (co-planning), co-design 1 Apr, co-delivery 1 May.
  stage_history: { value: 3, n: 0, breakdown: [] },
  // Baseline 40, latest 90 (30 Jun): +50, higher is better.
  service_measures: { value: 1, n: 0, breakdown: [] },
  principle_reflections: { value: 2, n: 0, breakdown: [count('equality', 1), count('making_a_difference', 0), count('inclusive', 1)] },
  // West Berkshire lists nothing co-production is not, so nothing is flagged; n is the 5 people behind influences.
  not_coproduction_flags: { value: 0, n: 5, breakdown: [] },
};

/** Known up to the last event before the corrections: r1 at a3 still 150 minutes, r3 at a3 counted, a4 unknown. */
export const beforeCorrections: Record<string, Digest> = {
  ...now,
  // 630 + 360 + (150 + 150 + 100 + 150 + 150 = 700) = 1690 min = 28.17 h. Residents 360 + 210 + 240 = 810 (13.5 h); o1 360 (6);
  // merged c1 270 + d1 190 = 460 (7.67 h).
  hours_by_role: {
    value: 28.2,
    n: 7,
    breakdown: [shown('resident', 13.5, 3), shown('council_officer', 6, 1), shown('councillor', 1, 1), merged(7.7, 2)],
  },
  sessions_by_stage: { value: 3, n: 7, breakdown: [count('co_planning', 2), count('co_design', 1)] },
  sessions_by_format: { value: 3, n: 7, breakdown: [count('in_person', 2), count('online', 1)] },
  // Sessions each: r1 3, r2 2, r3 2 (a1, a3), c1 2, d1 2, o1 3, k1 1 -> 6 of 7 = 85.7%.
  retention: { value: 85.7, n: 7, breakdown: [shown('returning', 6, 6), shown('once', 1, 1)] },
  // Phone {r1}; in person {r1 r2 c1 o1 k1 r3}.
  offline_share: { value: 85.7, n: 7, breakdown: [shown('paper', 1, 1), shown('phone', 1, 1), shown('in_person', 6, 6)] },
  // r3 now stands behind inf1 too: r1 r2 c1 d1 o1 r3 = 6; residents r1 r2 c1 d1 r3 = 5.
  decisions_influenced: { ...now.decisions_influenced, n: 6 },
  influence_levels: { ...now.influence_levels, n: 6 },
  resident_influence_share: { ...now.resident_influence_share, n: 5 },
  you_said_we_did: { ...now.you_said_we_did, n: 6 },
  not_coproduction_flags: { ...now.not_coproduction_flags, n: 6 },
};

/** Known up to the corrections, before a4 was recorded. */
export const beforeLateSession: Record<string, Digest> = {
  ...now,
  // 630 + 360 + 475 = 1465 min = 24.42 h. Residents 285 + 210 + 90 = 585 (9.75 h); o1 360 (6); merged c1 270 + d1 190 = 460 (7.67 h).
  hours_by_role: {
    value: 24.4,
    n: 7,
    breakdown: [shown('resident', 9.8, 3), shown('council_officer', 6, 1), shown('councillor', 1, 1), merged(7.7, 2)],
  },
  sessions_by_stage: beforeCorrections.sessions_by_stage,
  sessions_by_format: beforeCorrections.sessions_by_format,
  // Sessions each: r1 3, r2 2, r3 1, c1 2, d1 2, o1 3, k1 1 -> 5 of 7 = 71.4%.
  retention: { value: 71.4, n: 7, breakdown: [shown('returning', 5, 5), shown('once', 2, 2)] },
  offline_share: { value: 85.7, n: 7, breakdown: [shown('paper', 1, 1), shown('phone', 1, 1), shown('in_person', 5, 5)] },
};

/** As of 31 March: a1, a2, dec3, dec2 with inf2, the pre surveys, the March reading, every claim but x8. */
export const endOfMarch: Record<string, Digest> = {
  ...steady,
  // 630 + 360 = 990 min = 16.5 h. Residents 210 + 210 + 90 = 510 (8.5 h); o1 210 (3.5); k1 60; merged c1 120 + d1 90 = 210 (3.5 h).
  hours_by_role: {
    value: 16.5,
    n: 7,
    breakdown: [shown('resident', 8.5, 3), shown('council_officer', 3.5, 1), shown('councillor', 1, 1), merged(3.5, 2)],
  },
  sessions_by_stage: { value: 2, n: 7, breakdown: [count('co_planning', 2)] },
  sessions_by_format: { value: 2, n: 7, breakdown: [count('in_person', 1), count('online', 1)] },
  // Sessions each: r1 2, r2 2, o1 2, the other four 1 -> 3 of 7 = 42.9%.
  retention: { value: 42.9, n: 7, breakdown: [shown('returning', 3, 3), shown('once', 4, 4)] },
  // Offline all but d1: 6 of 7; paper {r3}, phone {r1}, in person {r1 r2 r3 c1 o1 k1 less d1's online} = 5.
  offline_share: { value: 85.7, n: 7, breakdown: [shown('paper', 1, 1), shown('phone', 1, 1), shown('in_person', 5, 5)] },
  // Only dec2 (25 Mar) is influenced, by a2's {r1 r2 d1 o1}; dec1 is decided on 20 Apr.
  decisions_influenced: { value: 1, n: 4, breakdown: [count('cabinet', 1)] },
  // Highest rung consultation, the 4th of 7.
  influence_levels: {
    value: 4,
    n: 4,
    breakdown: [count('consultation', 1)],
    secondary: [count('basic', 1), count('intermediate', 0), count('transformational', 0)],
  },
  // 1 of 2 decisions (dec3, dec2) = 50%; residents behind: r1 r2 d1 = 3.
  resident_influence_share: { value: 50, n: 3, breakdown: [count('with', 1), count('without', 1)] },
  you_said_we_did: { value: 1, n: 4, breakdown: [] },
  proposals_not_adopted: { value: 0, n: 0, breakdown: [] },
  // No post response yet (20 May): no pairs, no change.
  survey_change: { value: null, n: 0, breakdown: [], secondary: [] },
  setup_activities: { value: 2, n: 0, breakdown: [] },
  stage_history: { value: 1, n: 0, breakdown: [] },
  // Baseline 40, latest 55 (31 Mar): +15.
  service_measures: { value: 1, n: 0, breakdown: [] },
  principle_reflections: { value: 0, n: 0, breakdown: [count('equality', 0), count('making_a_difference', 0), count('inclusive', 0)] },
  not_coproduction_flags: { value: 0, n: 4, breakdown: [] },
};

/**
 * The listings behind the figures as of now, worked by hand: the same expectations for the e2e suite, which records
 * the scenario over HTTP, and for the fast spec, which folds the recorded fixture.
 */
export function expectListingsNow(indicators: Record<string, IndicatorResult>): void {
  expect(indicators.setup_activities.items.map((i) => [i.activityId, i.doneOn])).toEqual([
    ['steering_group_formed', '2026-01-20'],
    ['support_and_expenses_agreed', '2026-01-27'],
    ['members_briefed', '2026-04-14'],
    ['working_principles_agreed', null],
  ]);
  expect(indicators.stage_history.items.map((i) => [i.stage, i.enteredOn])).toEqual([
    ['Co-planning', '2026-01-05'],
    ['Co-design', '2026-04-01'],
    ['Co-delivery', '2026-05-01'],
  ]);
  expect(indicators.service_measures.items).toEqual([
    expect.objectContaining({ baseline: 40, latest: 90, latestOn: '2026-06-30', change: 50, improved: true }),
  ]);
  expect(indicators.expenses.items.map((i) => [i.key, i.claims ?? i.people, i.amountPence ?? null])).toEqual([
    ['paid', 6, 7750],
    ['approved_awaiting_payment', 0, 0],
    ['awaiting_approval', 1, null],
    ['rejected', 1, null],
    ['corrected', 0, null],
    ['people_paid', 5, null],
  ]);
  expect(indicators.survey_change.items.map((i) => [i.itemId, i.groupId, i.pairs, i.meanBefore, i.meanAfter])).toEqual([
    ['confidence_in_partnership', 'residents_and_communities', 4, null, null],
    ['confidence_in_partnership', 'council_staff', 1, null, null],
    ['skills_and_knowledge', 'residents_and_communities', 4, null, null],
    ['skills_and_knowledge', 'council_staff', 1, null, null],
    ['sense_of_influence', 'residents_and_communities', 4, null, null],
    ['sense_of_influence', 'council_staff', 1, null, null],
  ]);
  expect(indicators.survey_change.note).toBe('1 response without a matching before or after response is not counted.');
  expect(indicators.you_said_we_did.items.map((i) => i.influenceId)).toEqual(['inf2', 'inf1']);
  expect(indicators.proposals_not_adopted.items).toEqual([
    expect.objectContaining({ proposalId: 'prop1', decision: 'Structure of the guidance note' }),
  ]);
  expect(indicators.reach_against_population.statement).toBe(
    `Compared with Example Borough (fictional), these groups are under-represented: ${MINORITIES}.`,
  );
}
