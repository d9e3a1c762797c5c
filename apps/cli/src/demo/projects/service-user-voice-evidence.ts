import { ACTORS } from '../actors';
import { instant } from '../demo-clock';
import { recordDecision } from '../decision-records';
import { MILEAGE_PENCE_PER_MILE, recordClaim } from '../expense-claims';
import { captureQuote, COMMITTEE, DemoQuote, INTERNAL_ONLY, PUBLIC } from '../quote-captures';
import { recordMeasure } from '../service-measures';
import { Timeline } from '../timeline';
import { VOICE, VOICE_DUPLICATE_CONTRIBUTION } from './service-user-voice';

const projectId = VOICE;
const claims = { recorder: ACTORS.amara, approver: ACTORS.sarah, payer: ACTORS.tom };

/** What the service user voice project changed, what it cost and what people said. */
export function recordServiceUserVoiceEvidence(timeline: Timeline): void {
  timeline.from(instant('2026-07-01 10:00'), ACTORS.sarah).correct(VOICE_DUPLICATE_CONTRIBUTION, 'VoidContribution', {
    activityId: 'act-voice-06',
    reason: "The same comment was typed up twice, from the feedback form and from the covering letter that came with it; it counts once.",
  });
  recordDecision(timeline, ACTORS.sarah, {
    id: 'd-voice-plan', projectId, title: 'Adult social care involvement plan', maker: 'committee',
    reference: 'C-2026-041', decided: '2026-07-16', recorded: '2026-07-17 10:00',
    recommendation: "That the committee approves the adult social care involvement plan co-designed with people who draw on care and support and carers: (a) interpreters for review conversations, (b) a carers' voice group, (c) a self-advocacy group, with Easy Read at every step.",
    influences: [
      {
        influenceId: 'inf-voice-01', contributionIds: ['con-voice-04-1'], activityIds: ['act-voice-04'],
        youSaid: 'Start from a map of every route by which people are heard today, and who each one misses.',
        weDid: "The plan is built on the group's map of eleven routes and the gaps it found.",
        whereInRecommendation: 'Report, paragraph 3.1', ladderLevel: 'co_design', needhamCarrLevel: 'intermediate', optionsAlreadyFormed: false,
      },
      {
        influenceId: 'inf-voice-02', contributionIds: ['con-voice-05-1', 'con-voice-05-2'], activityIds: ['act-voice-05'],
        youSaid: "Carers need an evening group online; people with learning disabilities need their own self-advocacy group.",
        weDid: 'Both groups are in the plan, with a budget for paid support.',
        whereInRecommendation: 'Recommendation (b) and (c)', ladderLevel: 'co_production', needhamCarrLevel: 'transformational', optionsAlreadyFormed: false,
      },
      {
        influenceId: 'inf-voice-03', contributionIds: ['con-voice-03-1', 'con-voice-03-2'], activityIds: ['act-voice-03'],
        youSaid: 'Ask us in our own language, and do reviews with us, not to us.',
        weDid: 'An interpreter is offered for every review conversation, and people see their review notes before they are final.',
        whereInRecommendation: 'Recommendation (a)', ladderLevel: 'consultation', needhamCarrLevel: 'basic', optionsAlreadyFormed: false,
      },
    ],
    notAdopted: [
      {
        proposalId: 'prop-voice-01', contributionId: 'con-voice-05-3', proposal: 'Independent advocacy offered at every care review.',
        reason: 'Advocacy is already offered wherever the Care Act requires it; offering it at every review costs more than the 2026/27 budget allows. The committee asked for it to be costed for 2027/28.',
      },
    ],
    commitments: [
      {
        id: 'com-voice-01', description: 'Publish an Easy Read version of the involvement plan.', dueBy: '2026-09-30',
        met: { on: '2026-09-08 10:00', evidence: 'Easy Read plan checked by the self-advocacy group and published on 7 September 2026.' },
      },
      { id: 'com-voice-02', description: 'Report waiting times for care reviews to the group every quarter.', dueBy: null },
      { id: 'com-voice-03', description: 'Cost independent advocacy at every care review for the 2027/28 budget.', dueBy: '2027-01-31' },
    ],
  });
  recordDecision(timeline, ACTORS.sarah, {
    id: 'd-voice-listening', projectId, title: 'Peer listening sessions in day centres and by phone', maker: 'officer_delegation',
    reference: 'ODR-ASC-2026-09', decided: '2026-09-24', recorded: '2026-09-25 10:00',
    recommendation: 'Run peer listening sessions at two day centres and by phone, co-hosted by group members paid £25 an hour, from October 2026.',
    influences: [
      {
        influenceId: 'inf-voice-04', contributionIds: ['con-voice-07-1'], activityIds: ['act-voice-07'],
        youSaid: 'Let us co-host listening sessions where people already are.',
        weDid: 'Group members co-host paid peer listening sessions at two day centres and by phone.',
        whereInRecommendation: 'Decision, paragraph 1', ladderLevel: 'co_production', needhamCarrLevel: 'transformational', optionsAlreadyFormed: false,
      },
    ],
  });

  recordClaim(timeline, claims, {
    claimId: 'exp-voice-01', projectId, participantId: 'part-036', activityId: 'act-voice-04', category: 'travel',
    amountPence: 2200, description: 'Wheelchair-accessible taxi to the mapping workshop and back', claimed: '2026-05-15 10:00',
    outcome: { paid: { approved: '2026-05-18 11:00', paid: '2026-05-22 14:00', method: 'bank_transfer', reference: 'WB-ASC-0012' } },
  });
  recordClaim(timeline, claims, {
    claimId: 'exp-voice-02', projectId, participantId: 'part-038', activityId: 'act-voice-05', category: 'care_cover',
    amountPence: 3600, description: 'Care for my son during the evening workshop, 3 hours at £12', claimed: '2026-06-12 10:00',
    outcome: { paid: { approved: '2026-06-15 11:00', paid: '2026-06-19 14:30', method: 'bank_transfer', reference: 'WB-ASC-0019' } },
  });
  recordClaim(timeline, claims, {
    claimId: 'exp-voice-03', projectId, participantId: 'part-039', activityId: 'act-voice-08', category: 'recognition_payment',
    amountPence: 5000, description: 'Co-hosting the day centre listening session, 2 hours at £25', claimed: '2026-10-21 10:00',
    outcome: { paid: { approved: '2026-10-22 11:00', paid: '2026-10-30 14:00', method: 'bank_transfer', reference: 'WB-ASC-0031' } },
  });
  recordClaim(timeline, claims, {
    claimId: 'exp-voice-04', projectId, participantId: 'part-048', activityId: 'act-voice-09', category: 'travel',
    amountPence: 22 * MILEAGE_PENCE_PER_MILE, description: 'Mileage, 22 miles to the carers\u2019 centre to use its phones', claimed: '2026-11-24 10:00',
    outcome: 'awaiting_approval',
  });

  const quote = (q: Omit<DemoQuote, 'projectId'>) => captureQuote(timeline, ACTORS.amara, { projectId, ...q });
  quote({
    id: 'q-voice-01', participantId: 'part-038', activityId: 'act-voice-05', context: 'A carer, after the workshop on gaps',
    outcomeIds: ['reciprocal_relationships'], attribution: 'role_only', uses: COMMITTEE, captured: '2026-06-12 11:00',
    words: "For once the carers' view was on the table from the start, not added at the end.",
  });
  quote({
    id: 'q-voice-02', participantId: 'part-047', activityId: 'act-voice-03', context: 'Said through an interpreter during a phone conversation',
    outcomeIds: ['people_recognised_as_assets'], attribution: 'anonymous', uses: INTERNAL_ONLY, captured: '2026-04-15 11:00',
    words: 'Care reviews are done to me, not with me. This is the first time someone asked how they should be done.',
  });
  quote({
    id: 'q-voice-03', participantId: 'part-050', activityId: 'act-voice-07', context: 'Written in Welsh after the design workshop; in English: "For the first time, my experience counted as much as theirs."',
    outcomeIds: ['people_recognised_as_assets'], attribution: 'named', uses: COMMITTEE, language: 'cy', captured: '2026-09-11 11:00',
    words: 'Am y tro cyntaf, roedd fy mhrofiad i\u2019n cyfrif cymaint â\u2019u profiad nhw.',
  });
  quote({
    id: 'q-voice-04', participantId: 'part-037', activityId: 'act-voice-08', context: 'After co-hosting the day centre listening session',
    outcomeIds: ['boundaries_blurred'], attribution: 'anonymous', uses: PUBLIC, captured: '2026-10-21 11:00',
    words: 'Co-hosting the listening session, I was on the other side of the table for once.',
  });
  quote({
    id: 'q-voice-05', participantId: 'part-042', decisionId: 'd-voice-plan', context: 'The Healthwatch representative who chaired the group',
    outcomeIds: ['enabling_not_providing'], attribution: 'named', uses: INTERNAL_ONLY, captured: '2026-07-20 10:00',
    words: 'The map showed how many people we were not hearing. That was uncomfortable, and useful.',
  });
  quote({
    id: 'q-voice-06', participantId: 'part-048', activityId: 'act-voice-09', context: 'A carer in a rural village, after the phone listening round',
    outcomeIds: ['peer_networks_grow'], attribution: 'role_only', uses: INTERNAL_ONLY, captured: '2026-11-11 11:00',
    words: 'Calling other carers, I found I was not the only one struggling out here.',
  });

  recordMeasure(timeline, ACTORS.sarah, {
    id: 'm-voice-review-wait', projectId, name: 'Waiting time for a care review', unit: 'days',
    baseline: 84, baselineOn: '2026-03-31', betterWhen: 'lower', outcomeId: 'enabling_not_providing', defined: '2026-04-20 10:00',
    readings: [
      { on: '2026-06-30', value: 79, note: null },
      { on: '2026-09-30', value: 71, note: 'First quarter with interpreters offered for review conversations.' },
      { on: '2026-11-30', value: 66, note: 'Two months of figures, reported early for the group.' },
    ],
  });
}
