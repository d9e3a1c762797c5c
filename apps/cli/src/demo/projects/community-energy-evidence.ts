import { ACTORS } from '../actors';
import { instant } from '../demo-clock';
import { recordDecision } from '../decision-records';
import { MILEAGE_PENCE_PER_MILE, recordClaim } from '../expense-claims';
import { captureQuote, COMMITTEE, DemoQuote, INTERNAL_ONLY, PUBLIC } from '../quote-captures';
import { recordMeasure } from '../service-measures';
import { recordSurveyRounds } from '../survey-rounds';
import { Timeline } from '../timeline';
import { ENERGY, ENERGY_CORRECTED_ATTENDANCE } from './community-energy';

const projectId = ENERGY;
const claims = { recorder: ACTORS.amara, approver: ACTORS.rhys, payer: ACTORS.tom };

/** What the community energy project changed, what it cost and what members said. */
export function recordCommunityEnergyEvidence(timeline: Timeline): void {
  recordDecision(timeline, ACTORS.rhys, {
    id: 'd-energy-structure', projectId, title: 'Structure and tone of the guidance note', maker: 'project_group',
    reference: 'CE-PG-2026-03', decided: '2026-03-24', recorded: '2026-03-25 10:00',
    recommendation: 'The note is organised around five questions residents ask, written in plain English, with case studies from West Berkshire villages and a one-page summary.',
    influences: [
      {
        influenceId: 'inf-energy-01', contributionIds: ['con-energy-05-1'], activityIds: ['act-energy-05'],
        youSaid: 'Build the note around the questions a group actually asks, in the order they ask them.',
        weDid: "The note's five chapters follow the five questions listed at the design workshop.",
        whereInRecommendation: 'Recommendation, first sentence', ladderLevel: 'co_design', needhamCarrLevel: 'intermediate', optionsAlreadyFormed: false,
      },
      {
        influenceId: 'inf-energy-02', contributionIds: ['con-energy-05-2', 'con-energy-05-4'], activityIds: [],
        youSaid: 'Show real examples from villages like ours, and give us a one-page version to share.',
        weDid: 'Three case studies were written with the village groups themselves, and a one-page summary was added.',
        whereInRecommendation: 'Recommendation, case studies and summary', ladderLevel: 'co_production', needhamCarrLevel: 'transformational', optionsAlreadyFormed: false,
      },
    ],
    notAdopted: [
      {
        proposalId: 'prop-energy-01', contributionId: 'con-energy-05-3', proposal: 'A section on council grants for community energy schemes.',
        reason: 'The council has no community energy grant scheme in 2026/27; the note points to national funding instead, and the group will be told if a local scheme is created.',
      },
    ],
  });
  recordDecision(timeline, ACTORS.rhys, {
    id: 'd-energy-publish', projectId, title: 'Publication of an introductory guidance note on community energy generation', maker: 'cabinet',
    reference: 'EX4521', decided: '2026-06-11', recorded: '2026-06-12 09:30',
    recommendation: 'That the Executive approves publication of the introductory guidance note on community energy generation, co-produced with residents, on the council website and in libraries in print and large print.',
    influences: [
      {
        influenceId: 'inf-energy-03', contributionIds: ['con-energy-06-1', 'con-energy-06-2'], activityIds: ['act-energy-06'],
        youSaid: 'Spell out the jargon, and make a large-print version for the library.',
        weDid: 'Every abbreviation is spelled out where it first appears, and the note is printed in large print for every library.',
        whereInRecommendation: 'Recommendation: "in print and large print"', ladderLevel: 'consultation', needhamCarrLevel: 'basic', optionsAlreadyFormed: false,
      },
      {
        influenceId: 'inf-energy-04', contributionIds: ['con-energy-08-1'], activityIds: ['act-energy-08'],
        youSaid: "Send the steering group's own summary to the Executive, unedited.",
        weDid: "The Executive report carries the steering group's summary as Appendix A, in members' own words.",
        whereInRecommendation: 'Report, Appendix A', ladderLevel: 'co_production', needhamCarrLevel: 'transformational', optionsAlreadyFormed: false,
      },
    ],
    commitments: [
      {
        id: 'com-energy-01', description: 'Report visits to the note and residents\u2019 feedback to the steering group at the evaluation workshop.', dueBy: '2026-09-30',
        met: { on: '2026-09-15 16:00', evidence: 'Figures for July and August presented at the evaluation workshop on 15 September 2026.' },
      },
      { id: 'com-energy-02', description: 'Translate the one-page summary into Polish and Welsh.', dueBy: '2026-12-31' },
    ],
  });

  recordClaim(timeline, claims, {
    claimId: 'exp-energy-01', projectId, participantId: 'part-001', activityId: 'act-energy-01', category: 'travel',
    amountPence: 14 * MILEAGE_PENCE_PER_MILE, description: 'Mileage, 14 miles return from Lambourn Woodlands', claimed: '2026-01-21 10:00',
    outcome: { paid: { approved: '2026-01-23 11:00', paid: '2026-01-30 14:00', method: 'bank_transfer', reference: 'WB-EXP-0001' } },
  });
  recordClaim(timeline, claims, {
    claimId: 'exp-energy-02', projectId, participantId: 'part-009', activityId: 'act-energy-03', category: 'care_cover',
    amountPence: 2400, description: 'Sitter for my husband, 2 hours at £12', claimed: '2026-02-11 10:00',
    amended: { on: '2026-02-12 09:15', amountPence: 3600, description: 'Sitter for my husband, 3 hours at £12', reason: "The sitter's invoice is for 3 hours; the claim had left out travelling time." },
    outcome: { paid: { approved: '2026-02-13 11:00', paid: '2026-02-20 14:00', method: 'bank_transfer', reference: 'WB-EXP-0002' } },
  });
  recordClaim(timeline, claims, {
    claimId: 'exp-energy-03', projectId, participantId: 'part-008', activityId: 'act-energy-06', category: 'voucher',
    amountPence: 2000, description: 'Shopping voucher for written comments on the first draft', claimed: '2026-04-14 10:00',
    outcome: { paid: { approved: '2026-04-15 11:00', paid: '2026-04-17 14:00', method: 'voucher', reference: 'Voucher 4417' } },
  });
  recordClaim(timeline, claims, {
    claimId: 'exp-energy-04', projectId, participantId: 'part-003', activityId: 'act-energy-07', category: 'recognition_payment',
    amountPence: 5000, description: 'Payment for time: drafting session, 2 hours at £25', claimed: '2026-04-22 10:00',
    outcome: { paid: { approved: '2026-04-24 11:00', paid: '2026-05-01 14:00', method: 'bank_transfer', reference: 'WB-EXP-0007' } },
  });
  recordClaim(timeline, claims, {
    claimId: 'exp-energy-05', projectId, participantId: 'part-002', activityId: 'act-energy-08', category: 'travel',
    amountPence: 4800, description: 'Taxi from Lambourn to Newbury and back', claimed: '2026-05-20 10:00',
    outcome: { rejected: { on: '2026-05-22 11:00', reason: 'No receipt, and the group agreed mileage or bus fares; please claim the bus fare or mileage with the date of travel.' } },
  });

  const quote = (q: Omit<DemoQuote, 'projectId'>) => captureQuote(timeline, ACTORS.amara, { projectId, ...q });
  quote({
    id: 'q-energy-01', participantId: 'part-002', activityId: 'act-energy-03', context: 'After chairing the meeting that agreed the working principles',
    outcomeIds: ['more_confident'], attribution: 'named', uses: PUBLIC, captured: '2026-02-11 11:00',
    words: 'I chaired a council meeting for the first time in my life, and nobody talked down to us.',
  });
  quote({
    id: 'q-energy-02', participantId: 'part-001', activityId: 'act-energy-04', context: 'Phone round on what residents want to know',
    outcomeIds: ['more_engaged'], attribution: 'role_only', uses: COMMITTEE, captured: '2026-02-17 11:00',
    words: 'They post me everything in large print and ring me after each meeting. Nobody had asked me before.',
    consentChanged: { on: '2026-06-01 10:00', attribution: 'named', uses: PUBLIC, reason: 'The participant saw the draft Executive report and asked to be named, and for the quote to be used publicly.' },
  });
  quote({
    id: 'q-energy-03', participantId: 'part-003', activityId: 'act-energy-05', context: 'Said in Polish at the design workshop; in English: "For the first time someone from the council asked my opinion before everything had been decided."',
    outcomeIds: ['increased_influence'], attribution: 'anonymous', uses: INTERNAL_ONLY, language: 'pl', captured: '2026-03-13 11:30',
    words: 'Pierwszy raz ktoś z urzędu zapytał mnie o zdanie, zanim wszystko zostało postanowione.',
  });
  quote({
    id: 'q-energy-04', participantId: 'part-002', activityId: 'act-energy-08', context: 'Written in Welsh on the sign-off meeting\u2019s feedback card; in English: "Now I understand how our village could generate its own energy."',
    outcomeIds: ['skills_and_knowledge'], attribution: 'named', uses: COMMITTEE, language: 'cy', captured: '2026-05-20 11:00',
    words: 'Rŵan dw i\u2019n deall sut gall ein pentref ni gynhyrchu ei ynni ei hun.',
  });
  quote({
    id: 'q-energy-05', participantId: 'part-005', decisionId: 'd-energy-publish', context: 'The councillor on the steering group, after the Executive decision',
    outcomeIds: ['more_confident', 'increased_influence'], attribution: 'role_only', uses: PUBLIC, captured: '2026-06-15 10:00',
    words: 'Seeing residents chair the steering group changed how I think about our role. We were there to listen first.',
  });
  quote({
    id: 'q-energy-06', participantId: 'part-007', activityId: 'act-energy-09', context: 'Evaluation workshop',
    outcomeIds: ['services_improved'], attribution: 'anonymous', uses: COMMITTEE, captured: '2026-09-16 10:00',
    words: 'My neighbours read the case studies and said: that could be us. That is what the note was for.',
    withdrawn: { on: '2026-11-03 10:00', reason: 'Asked that the quote is no longer used after moving out of the area.' },
  });

  recordSurveyRounds(timeline, ACTORS.amara, {
    projectId,
    pre: { on: '2026-01-21 09:00', source: 'paper', respondents: ['part-001', 'part-002', 'part-003', 'part-004', 'part-005', 'part-006', 'part-007', 'part-008', 'part-009', 'part-011'] },
    post: { on: '2026-09-16 09:00', respondents: ['part-001', 'part-002', 'part-003', 'part-004', 'part-006', 'part-007', 'part-009', 'part-011'] },
  });
  recordMeasure(timeline, ACTORS.rhys, {
    id: 'm-energy-visits', projectId, name: 'Visits to the community energy guidance page per month', unit: 'visits',
    baseline: 85, baselineOn: '2026-05-31', betterWhen: 'higher', outcomeId: 'services_improved', defined: '2026-06-15 11:00',
    readings: [
      { on: '2026-07-31', value: 240, note: 'First month after publication; featured in the residents\u2019 newsletter.' },
      { on: '2026-08-31', value: 198, note: null },
      { on: '2026-09-30', value: 265, note: 'After members spoke at two parish council meetings.' },
    ],
  });
  timeline.from(instant('2026-03-16 10:00'), ACTORS.rhys).correct(ENERGY_CORRECTED_ATTENDANCE, 'AmendAttendance', {
    activityId: 'act-energy-05',
    minutes: 95,
    reason: 'The sign-in sheet was typed up as the full 180 minutes; the participant left at lunch, after 95 minutes.',
  });
}
