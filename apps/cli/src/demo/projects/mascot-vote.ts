import { ACTORS, SOUTHEND_TEAM } from '../actors';
import { instant } from '../demo-clock';
import { DemoStory, recordStory } from '../project-stories';
import { recordDecision } from '../decision-records';
import { recordClaim } from '../expense-claims';
import { captureQuote, COMMITTEE, DemoQuote, PUBLIC } from '../quote-captures';
import { recordSession, Session } from '../sessions';
import { Timeline } from '../timeline';

const projectId = 'p-mascot';
const common = { projectId } as const;

const SESSIONS: Session[] = [
  {
    ...common, id: 'act-mascot-01', title: 'Mascot Group: how should the mascot get its name?',
    type: 'meeting', stage: 'co_planning', format: 'in_person', ladder: 'engagement',
    planned: '2026-02-02 10:00', held: '2026-02-10 10:00', minutes: 90,
    attendees: [{ id: 'part-027', capacity: 'chair' }, 'part-028', 'part-029', 'part-030', 'part-031', { id: 'part-032', capacity: 'co_facilitator' }, 'part-033', 'part-034', 'part-035'],
    contributions: [
      { id: 'con-mascot-01-1', kind: 'idea', by: ['part-027'], summary: 'Ask families to send in names, then let the public vote on a shortlist.' },
      { id: 'con-mascot-01-2', kind: 'idea', by: ['part-028'], summary: "Collect suggestions on paper slips at children's centres as well as online." },
      { id: 'con-mascot-01-3', kind: 'proposal', by: ['part-031'], summary: 'Give the mascot a name in several community languages.' },
    ],
  },
  {
    ...common, id: 'act-mascot-02', title: "Briefing: co-production and the Parent Champions' role",
    type: 'training', stage: 'co_planning', format: 'online', ladder: 'engagement',
    planned: '2026-02-11 10:00', held: '2026-02-17 19:30', minutes: 60,
    attendees: [{ id: 'part-032', capacity: 'co_trainer' }, 'part-027', 'part-029', 'part-031', 'part-033', { id: 'part-028', format: 'phone' }],
  },
  {
    ...common, id: 'act-mascot-03', title: "Shortlisting six names from the public's suggestions",
    type: 'workshop', stage: 'co_design', format: 'in_person', ladder: 'co_production',
    planned: '2026-03-02 10:00', held: '2026-03-10 10:00', minutes: 120, signInSheetTypedUpAfterDays: 2,
    attendees: [{ id: 'part-027', capacity: 'chair' }, 'part-028', 'part-029', 'part-030', 'part-031', 'part-032', 'part-033', 'part-034', 'part-035'],
    contributions: [
      { id: 'con-mascot-03-1', kind: 'proposal', by: ['part-027', 'part-028', 'part-029', 'part-031'], summary: "A shortlist of six names chosen from the public's suggestions, Pip among them." },
      { id: 'con-mascot-03-2', kind: 'idea', by: ['part-035'], summary: 'Picture cards for each name, so that children and people who do not read can vote.' },
    ],
  },
  {
    ...common, id: 'act-mascot-04', title: "Public vote: online and at the \u2018Who's the Expert\u2019 conference",
    type: 'vote', stage: 'co_delivery', format: 'hybrid', ladder: 'consultation',
    planned: '2026-04-01 10:00', held: '2026-04-25 09:00', minutes: 360,
    attendees: [
      { id: 'part-027', capacity: 'co_facilitator', minutes: 180 }, { id: 'part-028', capacity: 'co_facilitator', minutes: 180 },
      { id: 'part-029', capacity: 'co_facilitator', minutes: 180, format: 'in_person' }, { id: 'part-030', minutes: 120 },
      { id: 'part-032', minutes: 360, format: 'online' }, { id: 'part-033', minutes: 180 },
    ],
    contributions: [
      { id: 'con-mascot-04-1', kind: 'co_delivery_work', by: ['part-027', 'part-028', 'part-029'], summary: 'Ran the voting stall at the conference with picture cards, and helped families vote on the tablet.' },
      { id: 'con-mascot-04-2', kind: 'feedback', by: ['part-032'], summary: 'Result: the public vote closed with 236 votes, online and at the conference; Pip received the most.' },
    ],
  },
  {
    ...common, id: 'act-mascot-05', title: 'Looking back: how the naming went',
    type: 'meeting', stage: 'co_evaluation', format: 'online', ladder: 'co_production',
    planned: '2026-05-11 10:00', held: '2026-05-19 19:30', minutes: 90,
    attendees: [{ id: 'part-027', capacity: 'chair' }, { id: 'part-028', format: 'phone' }, 'part-029', 'part-031', 'part-032', 'part-033', 'part-034'],
    contributions: [
      { id: 'con-mascot-05-1', kind: 'feedback', by: ['part-029'], summary: 'The picture cards brought in families who would never have filled in a form.' },
    ],
  },
];

/**
 * A Better Start Southend's mascot: the Mascot Group, Parent Champions among them, shortlisted six
 * names from the public's suggestions and the public chose Pip in a vote of well over 200.
 */
export function recordMascotVote(timeline: Timeline): void {
  const lead = ACTORS.niamh;
  timeline.from(instant('2026-02-02 09:30'), lead).record('RegisterProject', {
    projectId,
    title: 'Naming the A Better Start Southend mascot',
    serviceArea: 'Early years and families',
    aim: 'Parents and the public choose a name for the A Better Start Southend mascot, led by the Mascot Group and its Parent Champions.',
    frameworkId: 'southend',
    improvementSought: 'Families recognise and feel ownership of the mascot used in early years services.',
    openToNewMembers: false,
  });
  const stage = (to: 'co_design' | 'co_delivery' | 'co_evaluation', on: string) =>
    timeline.from(instant(`${on} 09:00`), lead).record('MoveProjectToStage', { projectId, stage: to, enteredOn: instant(`${on} 09:00`), reason: null });
  const sessions = (stageId: Session['stage']) => {
    for (const session of SESSIONS.filter((s) => s.stage === stageId)) recordSession(timeline, SOUTHEND_TEAM, session);
  };
  sessions('co_planning');
  timeline.from(instant('2026-02-17 21:30'), lead)
    .record('RecordSetupActivity', { projectId, activity: 'steering_group_formed', doneOn: instant('2026-02-10 10:00'), note: 'The ABSS Mascot Group, including Parent Champions.' })
    .record('RecordSetupActivity', { projectId, activity: 'members_briefed', doneOn: instant('2026-02-17 19:30'), note: null });
  stage('co_design', '2026-03-02');
  sessions('co_design');
  stage('co_delivery', '2026-04-01');
  sessions('co_delivery');

  recordDecision(timeline, lead, {
    id: 'd-mascot-name', projectId, title: 'Naming the A Better Start Southend mascot', maker: 'project_group',
    reference: 'ABSS-MG-2026-04', decided: '2026-04-28', recorded: '2026-04-28 15:00',
    recommendation: "The mascot is named Pip, the public's choice from the Mascot Group's shortlist of six names.",
    influences: [
      {
        influenceId: 'inf-mascot-01', contributionIds: ['con-mascot-03-1', 'con-mascot-03-2'], activityIds: ['act-mascot-03'],
        youSaid: 'These six names, with picture cards so that everyone can vote.',
        weDid: "The public vote offered exactly the Mascot Group's six names, with picture cards at the conference.",
        whereInRecommendation: 'Recommendation: "shortlist of six names"', ladderLevel: 'co_production', needhamCarrLevel: 'transformational', optionsAlreadyFormed: false,
      },
      {
        influenceId: 'inf-mascot-02', contributionIds: ['con-mascot-04-2'], activityIds: ['act-mascot-04'],
        youSaid: 'The public voted for Pip.',
        weDid: 'The mascot is named Pip.',
        whereInRecommendation: 'Recommendation: "the public\u2019s choice"', ladderLevel: 'consultation', needhamCarrLevel: 'basic', optionsAlreadyFormed: true,
      },
    ],
    notAdopted: [
      {
        proposalId: 'prop-mascot-01', contributionId: 'con-mascot-01-3', proposal: 'Give the mascot a name in several community languages.',
        reason: "The group agreed one name is easier for young children to learn; Pip's welcome card is printed in six community languages instead.",
      },
    ],
    commitments: [
      {
        id: 'com-mascot-01', description: "Unveil Pip's name at every children's centre with the Parent Champions.", dueBy: '2026-05-31',
        met: { on: '2026-05-20 10:00', evidence: "Parent Champions unveiled the name at all five children's centres between 5 and 19 May." },
      },
    ],
  });
  const claims = { recorder: ACTORS.kofi, approver: ACTORS.niamh, payer: ACTORS.tom };
  recordClaim(timeline, claims, {
    claimId: 'exp-mascot-01', projectId, participantId: 'part-028', activityId: 'act-mascot-04', category: 'voucher',
    amountPence: 1500, description: 'Voucher for running the voting stall', claimed: '2026-04-27 10:00',
    outcome: { paid: { approved: '2026-04-28 11:00', paid: '2026-04-29 14:00', method: 'voucher', reference: 'Voucher 3310' } },
  });
  recordClaim(timeline, claims, {
    claimId: 'exp-mascot-02', projectId, participantId: 'part-029', activityId: 'act-mascot-04', category: 'care_cover',
    amountPence: 2400, description: 'Childminder for my baby during my stall shift, 3 hours', claimed: '2026-04-27 10:05',
    outcome: { paid: { approved: '2026-04-28 11:05', paid: '2026-05-05 14:00', method: 'bank_transfer', reference: 'SBC-ABSS-0044' } },
  });

  stage('co_evaluation', '2026-05-11');
  sessions('co_evaluation');
  const quote = (q: Omit<DemoQuote, 'projectId'>) => captureQuote(timeline, ACTORS.kofi, { projectId, ...q });
  quote({
    id: 'q-mascot-01', participantId: 'part-027', decisionId: 'd-mascot-name', context: 'A Parent Champion, after the vote',
    outcomeIds: ['personal_development'], attribution: 'named', uses: PUBLIC, captured: '2026-05-20 11:00',
    words: 'We started with a drawing and ended up with a name the whole town chose.',
  });
  quote({
    id: 'q-mascot-02', participantId: 'part-035', activityId: 'act-mascot-05', context: 'Told to her supporter after the vote',
    outcomeIds: ['better_services_for_the_community'], attribution: 'anonymous', uses: COMMITTEE, captured: '2026-05-20 11:30',
    words: 'I voted with the picture cards. I liked choosing.',
  });
  quote({
    id: 'q-mascot-03', participantId: 'part-032', activityId: 'act-mascot-05', context: 'A Better Start Southend staff member, looking back',
    outcomeIds: ['tangible_impact_on_the_community'], attribution: 'role_only', uses: PUBLIC, captured: '2026-05-20 12:00',
    words: 'The Parent Champions drove this every step of the way; we followed their lead.',
  });
  const reflect = timeline.from(instant('2026-05-21 10:00'), lead);
  reflect.record('RecordPrincipleReflection', {
    projectId, principleId: 'inclusivity', madeADifference: true, recordedOn: instant('2026-05-19 21:00'),
    reflection: "Paper suggestion slips at children's centres and picture cards at the stall brought in families who do not go online.",
  });
  reflect.record('RecordPrincipleReflection', {
    projectId, principleId: 'transparency', madeADifference: true, recordedOn: instant('2026-05-19 21:00'),
    reflection: 'The vote count was shared with the Parent Champions on the day, before anything was announced.',
  });
  recordStory(timeline, lead, projectId, '2026-05-29 14:00', MASCOT_STORY);
  timeline.from(instant('2026-06-02 10:00'), lead).record('CloseProject', {
    projectId, closedOn: instant('2026-06-02 10:00'),
    summary: 'Pip was named by the public from the Mascot Group\u2019s shortlist of six (ABSS-MG-2026-04) and unveiled at every children\u2019s centre.',
  });
}

/** The project's story as its lead wrote it, with the Parent Champions, before the project closed. */
const MASCOT_STORY: DemoStory = {
  background:
    "A Better Start Southend uses a mascot at its children's centres and on its leaflets, but the mascot had no name. The Parent Champions asked that families, not staff, should choose it, and the Mascot Group took the idea on.",
  reach:
    "Suggestions were collected online, on paper slips at every children's centre and at the stall at the \u2018Who's the Expert\u2019 conference, where picture cards let young children and people who do not read English vote too. We reached families already in touch with children's centres.\n\n" +
    'We did not reach many fathers, or families who do not use early years services. The vote did not ask who was voting, so we cannot say how far beyond the centres it went.',
  lessons:
    'Picture cards were the simplest thing we did and brought in the most new voices. Sharing the count with the Parent Champions before any announcement built trust.\n\n' +
    'A public vote is consultation, not co-production: the co-production was the Mascot Group setting the rules and drawing up the shortlist.',
  next_steps:
    "Pip will be on the new welcome pack for families from September 2026. The Mascot Group will help plan Pip's first birthday at the children's centres, and the Parent Champions will use what worked here when the next piece of branding is designed.",
  thanks:
    "Thank you to the Parent Champions and the Mascot Group for leading this from start to finish, to the children's centre staff who collected the suggestion slips, and to every family who suggested a name or voted.",
  contact: 'A Better Start Southend, Parent Champions team: parent.champions@abss.example, 01632 960318',
};
