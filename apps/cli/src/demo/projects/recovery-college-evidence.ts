import { ACTORS } from '../actors';
import { recordDecision } from '../decision-records';
import { recordClaim } from '../expense-claims';
import { captureQuote, COMMITTEE, DemoQuote, INTERNAL_ONLY, PUBLIC } from '../quote-captures';
import { recordMeasure } from '../service-measures';
import { recordSurveyRounds } from '../survey-rounds';
import { Timeline } from '../timeline';
import { RECOVERY } from './recovery-college';

const projectId = RECOVERY;
const claims = { recorder: ACTORS.kofi, approver: ACTORS.niamh, payer: ACTORS.tom };

/** What students changed at the Recovery College, what it cost and what they said. */
export function recordRecoveryCollegeEvidence(timeline: Timeline): void {
  recordDecision(timeline, ACTORS.niamh, {
    id: 'd-recovery-programme', projectId, title: 'Spring and summer course programme', maker: 'project_group',
    reference: 'RC-PG-2026-02', decided: '2026-04-23', recorded: '2026-04-24 10:00',
    recommendation: 'Run "Managing anxiety in everyday life" and "Money and mental health" this term, co-delivered by peer trainers, in the ground-floor room.',
    influences: [
      {
        influenceId: 'inf-recovery-01', contributionIds: ['con-recovery-01-1', 'con-recovery-03-1'], activityIds: ['act-recovery-03'],
        youSaid: 'We want a course on anxiety: six weeks, each session ending with one thing to try at home.',
        weDid: '"Managing anxiety in everyday life" runs for six weeks as students designed it, co-delivered by two peer trainers.',
        whereInRecommendation: 'Programme, course 1', ladderLevel: 'co_production', needhamCarrLevel: 'transformational', optionsAlreadyFormed: false,
      },
      {
        influenceId: 'inf-recovery-02', contributionIds: ['con-recovery-04-1', 'con-recovery-03-2'], activityIds: [],
        youSaid: 'Bring in a debt adviser, and hold the courses where everyone can get in.',
        weDid: 'A debt adviser co-delivers the money course, and every course is in the ground-floor room.',
        whereInRecommendation: 'Programme, course 2 and venue', ladderLevel: 'co_design', needhamCarrLevel: 'intermediate', optionsAlreadyFormed: false,
      },
    ],
    notAdopted: [
      {
        proposalId: 'prop-recovery-01', contributionId: 'con-recovery-01-3', proposal: 'Evening courses for people who work or care during the day.',
        reason: 'The college building closes at 6pm and no step-free evening venue was found for this term; an evening pilot will be tried in the autumn if one is found.',
      },
    ],
    commitments: [{ id: 'com-recovery-01', description: 'Find a step-free evening venue for an autumn pilot course.', dueBy: '2026-09-30' }],
  });
  recordDecision(timeline, ACTORS.niamh, {
    id: 'd-recovery-payments', projectId, title: 'Recognition payments for peer trainers', maker: 'officer_delegation',
    reference: 'ODR-2026-017', decided: '2026-04-30', recorded: '2026-04-30 15:00',
    recommendation: 'Peer trainers are paid £25 an hour for co-delivering courses, from the public health grant, for the 2026/27 programme.',
    influences: [
      {
        influenceId: 'inf-recovery-03', contributionIds: [], activityIds: ['act-recovery-05', 'act-recovery-06'],
        youSaid: 'Peer trainers should be paid for their time, like the staff they teach alongside.',
        weDid: 'Peer trainers are paid £25 an hour for every session they co-deliver.',
        whereInRecommendation: 'Decision, paragraph 2', ladderLevel: 'engagement', needhamCarrLevel: 'intermediate', optionsAlreadyFormed: false,
      },
    ],
    commitments: [
      {
        id: 'com-recovery-02', description: 'Pay peer trainers within ten working days of each course.', dueBy: null,
        met: { on: '2026-06-02 10:00', evidence: 'Both peer trainers on the anxiety course were paid on 26 May 2026, five working days after it ended.' },
      },
    ],
  });

  const rate = (hours: number) => hours * 2500;
  recordClaim(timeline, claims, {
    claimId: 'exp-recovery-01', projectId, participantId: 'part-013', activityId: 'act-recovery-08', category: 'recognition_payment',
    amountPence: rate(4), description: 'Peer trainer: two sessions of two hours at £25 an hour', claimed: '2026-05-20 10:00',
    outcome: { paid: { approved: '2026-05-21 11:00', paid: '2026-05-26 14:00', method: 'bank_transfer', reference: 'SBC-RC-0101' } },
  });
  recordClaim(timeline, claims, {
    claimId: 'exp-recovery-02', projectId, participantId: 'part-017', activityId: 'act-recovery-08', category: 'recognition_payment',
    amountPence: rate(4), description: 'Peer trainer: two sessions of two hours at £25 an hour', claimed: '2026-05-20 10:05',
    outcome: { paid: { approved: '2026-05-21 11:05', paid: '2026-05-26 14:05', method: 'bank_transfer', reference: 'SBC-RC-0102' } },
  });
  recordClaim(timeline, claims, {
    claimId: 'exp-recovery-03', projectId, participantId: 'part-019', activityId: 'act-recovery-09', category: 'care_cover',
    amountPence: 3000, description: 'Sitter for my husband during the money course, 2.5 hours', claimed: '2026-06-10 10:00',
    outcome: { paid: { approved: '2026-06-12 11:00', paid: '2026-06-19 14:00', method: 'bank_transfer', reference: 'SBC-RC-0108' } },
  });
  recordClaim(timeline, claims, {
    claimId: 'exp-recovery-04', projectId, participantId: 'part-021', activityId: 'act-recovery-10', category: 'travel',
    amountPence: 4 * 450, description: 'Bus fares to four sessions at £4.50 return', claimed: '2026-06-17 10:00',
    outcome: { paid: { approved: '2026-06-18 11:00', paid: '2026-06-19 15:00', method: 'cash', reference: 'Petty cash slip 0612' } },
  });
  recordClaim(timeline, claims, {
    claimId: 'exp-recovery-05', projectId, participantId: 'part-014', activityId: 'act-recovery-04', category: 'voucher',
    amountPence: 1500, description: 'Voucher for designing "Money and mental health"', claimed: '2026-03-20 10:00',
    outcome: { paid: { approved: '2026-03-23 11:00', paid: '2026-03-24 14:00', method: 'voucher', reference: 'Voucher 2291' } },
  });

  const quote = (q: Omit<DemoQuote, 'projectId'>) => captureQuote(timeline, ACTORS.kofi, { projectId, ...q });
  quote({
    id: 'q-recovery-01', participantId: 'part-014', activityId: 'act-recovery-09', context: 'After co-delivering the money course',
    outcomeIds: ['personal_development'], attribution: 'named', uses: INTERNAL_ONLY, captured: '2026-06-10 11:00',
    words: 'Standing at the front with a tutor, not sitting in the back row, changed something in me.',
  });
  quote({
    id: 'q-recovery-02', participantId: 'part-019', activityId: 'act-recovery-10', context: 'A carer, during a phone check-in',
    outcomeIds: ['better_services_for_the_community'], attribution: 'role_only', uses: INTERNAL_ONLY, captured: '2026-06-17 11:00',
    words: 'My husband finished a course for the first time. The peer trainers understood him.',
  });
  quote({
    id: 'q-recovery-03', participantId: 'part-018', activityId: 'act-recovery-12', context: 'Co-evaluation workshop',
    outcomeIds: ['better_services_for_the_community'], attribution: 'anonymous', uses: PUBLIC, captured: '2026-09-25 10:00',
    words: 'Having peer trainers in the room made it feel safe to speak.',
  });
  quote({
    id: 'q-recovery-04', participantId: 'part-013', activityId: 'act-recovery-12', context: 'Said in Polish at the co-evaluation workshop; in English: "Thanks to this course I believed again that I can teach others."',
    outcomeIds: ['personal_development'], attribution: 'named', uses: PUBLIC, language: 'pl', captured: '2026-09-25 10:30',
    words: 'Dzięki temu kursowi znów uwierzyłam, że mogę uczyć innych.',
  });
  quote({
    id: 'q-recovery-05', participantId: 'part-022', activityId: 'act-recovery-12', context: 'A Recovery College tutor at the co-evaluation workshop',
    outcomeIds: ['tangible_impact_on_the_community'], attribution: 'role_only', uses: COMMITTEE, captured: '2026-09-25 11:00',
    words: 'Designing courses with students made them better, and made my job more rewarding.',
  });

  recordSurveyRounds(timeline, ACTORS.kofi, {
    projectId,
    pre: { on: '2026-02-05 16:30', respondents: ['part-013', 'part-014', 'part-015', 'part-016', 'part-017', 'part-018', 'part-020', 'part-021', 'part-025'] },
    post: { on: '2026-09-25 16:30', respondents: ['part-013', 'part-014', 'part-015', 'part-017', 'part-018', 'part-021', 'part-025'] },
  });
  recordMeasure(timeline, ACTORS.niamh, {
    id: 'm-recovery-completion', projectId, name: 'Course completion rate', unit: '%',
    baseline: 58, baselineOn: '2026-01-31', betterWhen: 'higher', outcomeId: 'better_services_for_the_community', defined: '2026-02-24 10:30',
    readings: [
      { on: '2026-06-30', value: 64, note: 'Spring and summer term: first co-delivered courses.' },
      { on: '2026-08-31', value: 69, note: null },
      { on: '2026-10-31', value: 72, note: 'Includes the phone check-ins with students who missed sessions.' },
    ],
  });
}
