import { ACTORS } from '../actors';
import { instant } from '../demo-clock';
import { DemoStory, recordStory } from '../project-stories';
import { recordSession, Session, SessionTeam } from '../sessions';
import { Timeline } from '../timeline';

export const ENERGY = 'p-energy';
const team: SessionTeam = { lead: ACTORS.rhys, recorder: ACTORS.amara };
const common = { projectId: ENERGY } as const;

/** Key of the sign-in sheet line later corrected: this member left the design workshop at lunch. */
export const ENERGY_CORRECTED_ATTENDANCE = 'energy-05-part-003';

const SESSIONS: Session[] = [
  {
    ...common, id: 'act-energy-01', title: 'Steering group first meeting: aims, roles and whose voices are missing',
    type: 'meeting', stage: 'co_planning', format: 'in_person', ladder: 'engagement',
    planned: '2026-01-12 10:00', held: '2026-01-20 18:00', minutes: 120,
    attendees: ['part-001', { id: 'part-002', capacity: 'chair' }, 'part-003', 'part-004', 'part-005', 'part-006', 'part-007', 'part-008', 'part-009', 'part-011'],
    contributions: [
      { id: 'con-energy-01-1', kind: 'idea', by: ['part-001'], summary: 'Hold some meetings in daytime in village halls, for members who do not drive after dark.' },
      { id: 'con-energy-01-2', kind: 'idea', by: ['part-008'], summary: 'Post papers to members who are not online, a week ahead, in large print.' },
    ],
  },
  {
    ...common, id: 'act-energy-02', title: 'Briefing: what co-production is and how it works',
    type: 'training', stage: 'co_planning', format: 'hybrid', ladder: 'engagement',
    planned: '2026-01-21 10:00', held: '2026-02-03 14:00', minutes: 150,
    attendees: [{ id: 'part-004', capacity: 'co_trainer' }, { id: 'part-006', capacity: 'co_trainer' }, 'part-001', 'part-002', 'part-003', 'part-005', 'part-007', 'part-008', 'part-009', 'part-011'],
  },
  {
    ...common, id: 'act-energy-03', title: 'Agreeing working principles, support and expenses',
    type: 'meeting', stage: 'co_planning', format: 'online', ladder: 'co_design',
    planned: '2026-02-04 10:00', held: '2026-02-10 18:30', minutes: 90,
    attendees: [{ id: 'part-002', capacity: 'chair' }, 'part-003', 'part-004', 'part-005', 'part-006', 'part-007', 'part-009', 'part-011', { id: 'part-001', format: 'phone' }, { id: 'part-008', format: 'phone', minutes: 60 }],
    contributions: [
      { id: 'con-energy-03-1', kind: 'proposal', by: ['part-009'], summary: 'Pay for care cover so that carers can come to evening meetings.' },
    ],
  },
  {
    ...common, id: 'act-energy-04', title: 'Phone round: what residents want to know about community energy',
    type: 'survey_round', stage: 'co_planning', format: 'phone', ladder: 'consultation',
    planned: '2026-02-09 10:00', held: '2026-02-16 10:00', minutes: 60,
    attendees: ['part-001', 'part-003', 'part-008', 'part-009'],
    contributions: [
      { id: 'con-energy-04-1', kind: 'feedback', by: ['part-001'], summary: 'Explain who owns the panels and what happens if the group folds.' },
      { id: 'con-energy-04-2', kind: 'feedback', by: ['part-008'], summary: 'Say in plain pounds what it costs a household to join.' },
    ],
  },
  {
    ...common, id: 'act-energy-05', title: 'Design workshop: what the guidance note should cover',
    type: 'workshop', stage: 'co_design', format: 'in_person', ladder: 'co_design',
    planned: '2026-03-02 11:00', held: '2026-03-10 10:00', minutes: 180, signInSheetTypedUpAfterDays: 3,
    attendees: [
      { id: 'part-002', capacity: 'chair' }, { id: 'part-004', capacity: 'co_facilitator' }, 'part-001',
      { id: 'part-003', minutes: 180, key: ENERGY_CORRECTED_ATTENDANCE }, 'part-005', 'part-006', 'part-007', 'part-008', 'part-009', 'part-010', 'part-011', 'part-012',
    ],
    contributions: [
      { id: 'con-energy-05-1', kind: 'proposal', by: ['part-002', 'part-009'], summary: 'Build the note around the five questions a group asks, in order: what, where, who pays, who owns, what next.' },
      { id: 'con-energy-05-2', kind: 'idea', by: ['part-007'], summary: 'Case studies from villages that have already done it, in their own words.' },
      { id: 'con-energy-05-3', kind: 'proposal', by: ['part-004'], summary: 'A section on council grants for community energy schemes.' },
      { id: 'con-energy-05-4', kind: 'idea', by: ['part-010'], summary: 'A one-page summary that can be shared on social media and parish noticeboards.' },
    ],
  },
  {
    ...common, id: 'act-energy-06', title: 'Written comments on the first draft',
    type: 'survey_round', stage: 'co_design', format: 'paper', ladder: 'consultation',
    planned: '2026-03-30 10:00', held: '2026-04-07 09:00', minutes: 60,
    attendees: ['part-001', 'part-008', 'part-009', { id: 'part-012', minutes: 45 }],
    contributions: [
      { id: 'con-energy-06-1', kind: 'feedback', by: ['part-001'], summary: 'Too many abbreviations: spell out kWh, PPA and FiT.' },
      { id: 'con-energy-06-2', kind: 'feedback', by: ['part-008'], summary: 'Please make a large-print version for the library.' },
    ],
  },
  {
    ...common, id: 'act-energy-07', title: 'Drafting session: case studies and a jargon-free glossary',
    type: 'workshop', stage: 'co_design', format: 'online', ladder: 'co_production',
    planned: '2026-04-08 10:00', held: '2026-04-21 18:00', minutes: 120,
    attendees: [{ id: 'part-002', capacity: 'chair' }, 'part-003', { id: 'part-004', capacity: 'co_facilitator' }, 'part-006', 'part-007', 'part-010', 'part-011', 'part-012'],
    contributions: [
      { id: 'con-energy-07-1', kind: 'proposal', by: ['part-003', 'part-007'], summary: 'A glossary of twenty terms written by residents and tried out on neighbours.' },
    ],
  },
  {
    ...common, id: 'act-energy-08', title: 'Steering group: signing off the final draft',
    type: 'meeting', stage: 'co_design', format: 'hybrid', ladder: 'co_production',
    planned: '2026-05-05 10:00', held: '2026-05-19 18:00', minutes: 120,
    attendees: [{ id: 'part-002', capacity: 'chair' }, 'part-001', 'part-003', 'part-004', 'part-005', 'part-006', 'part-007', 'part-009', 'part-011', 'part-012'],
    contributions: [
      { id: 'con-energy-08-1', kind: 'proposal', by: ['part-005', 'part-002'], summary: "Send the steering group's own summary to the Executive with the report, unedited." },
    ],
  },
  {
    ...common, id: 'act-energy-09', title: 'Evaluation workshop: what difference has the note made?',
    type: 'workshop', stage: 'co_evaluation', format: 'in_person', ladder: 'co_production',
    planned: '2026-08-24 10:00', held: '2026-09-15 10:00', minutes: 150,
    attendees: [{ id: 'part-002', capacity: 'chair' }, 'part-001', 'part-003', 'part-004', 'part-005', 'part-006', 'part-007', 'part-009', 'part-011', 'part-012'],
    contributions: [
      { id: 'con-energy-09-1', kind: 'feedback', by: ['part-002', 'part-004'], summary: 'Two village groups have used the note to start feasibility studies.' },
      { id: 'con-energy-09-2', kind: 'feedback', by: ['part-004'], summary: 'Next time, involve parish councils from the start.' },
    ],
  },
  {
    ...common, id: 'act-energy-10', title: 'Evaluation phone calls with members who could not come',
    type: 'survey_round', stage: 'co_evaluation', format: 'phone', ladder: 'engagement',
    planned: '2026-09-16 10:00', held: '2026-09-22 10:00', minutes: 60,
    attendees: ['part-008', { id: 'part-010', minutes: 40 }],
    contributions: [
      { id: 'con-energy-10-1', kind: 'feedback', by: ['part-008'], summary: 'The large-print copy in Thatcham library was the first council paper he could read without help.' },
    ],
  },
];

/**
 * West Berkshire's test project from its framework: a guidance note on community energy generation,
 * co-planned and co-designed with residents, published after an Executive decision and evaluated.
 * Co-delivery was skipped (the council publishes the note) and the project closed after evaluation.
 */
export function recordCommunityEnergy(timeline: Timeline): void {
  timeline
    .from(instant('2026-01-12 09:30'), ACTORS.rhys)
    .record('RegisterProject', {
      projectId: ENERGY,
      title: 'An introductory guidance note on community energy generation',
      serviceArea: 'Environment: climate and energy',
      aim: 'For residents and West Berkshire Council to work together in equal partnership to develop an introductory guidance note on community energy generation in West Berkshire.',
      frameworkId: 'west-berkshire',
      improvementSought: 'Residents and community groups can find and understand clear guidance on starting a community energy scheme.',
      openToNewMembers: true,
    })
    .record('TailorOutcome', {
      projectId: ENERGY,
      outcomeId: 'services_improved',
      wording: 'Residents and community groups can find, understand and use an introductory guidance note on community energy generation that residents helped to write.',
    });
  const setup = (activity: 'steering_group_formed' | 'support_and_expenses_agreed' | 'members_briefed' | 'working_principles_agreed', on: string, note: string | null) =>
    timeline.from(instant(`${on} 21:30`), ACTORS.rhys).record('RecordSetupActivity', { projectId: ENERGY, activity, doneOn: instant(`${on} 18:00`), note });
  const stage = (to: 'co_design' | 'co_evaluation', on: string, reason: string | null) =>
    timeline.from(instant(`${on} 09:00`), ACTORS.rhys).record('MoveProjectToStage', { projectId: ENERGY, stage: to, enteredOn: instant(`${on} 09:00`), reason });

  for (const session of SESSIONS.filter((s) => s.stage === 'co_planning')) recordSession(timeline, team, session);
  setup('steering_group_formed', '2026-01-20', 'Ten members: residents, a community energy co-operative, a councillor and two officers.');
  setup('members_briefed', '2026-02-03', 'Everyone attended the briefing, in the room or online.');
  setup('working_principles_agreed', '2026-02-10', 'Residents chair; papers go out a week ahead, in large print on request.');
  setup('support_and_expenses_agreed', '2026-02-10', 'Mileage at the HMRC rate, care cover, and a voucher or payment for time.');
  stage('co_design', '2026-03-02', null);
  for (const session of SESSIONS.filter((s) => s.stage === 'co_design')) recordSession(timeline, team, session);
  stage(
    'co_evaluation',
    '2026-07-06',
    'The council publishes the note on its website and in libraries; the group agreed at co-design that publication is not co-delivered, and members will evaluate how it is used.',
  );
  for (const session of SESSIONS.filter((s) => s.stage === 'co_evaluation')) recordSession(timeline, team, session);

  const reflect = timeline.from(instant('2026-09-16 14:00'), ACTORS.rhys);
  const reflection = (principleId: string, text: string, madeADifference: boolean) =>
    reflect.record('RecordPrincipleReflection', { projectId: ENERGY, principleId, reflection: text, madeADifference, recordedOn: instant('2026-09-15 12:30') });
  reflection('equality', 'Residents chaired every meeting and officers took the notes; members said this was the first time they felt like equals.', true);
  reflection('inclusive', 'Posting large-print papers and phoning members after meetings kept two people involved who do not use the internet.', true);
  reflection('making_a_difference', 'We were realistic: the grants section could not happen, and members were told why at the time.', true);
  recordStory(timeline, ACTORS.rhys, ENERGY, '2026-10-16 15:00', ENERGY_STORY);
  timeline.from(instant('2026-10-20 10:00'), ACTORS.rhys).record('CloseProject', {
    projectId: ENERGY,
    closedOn: instant('2026-10-20 10:00'),
    summary: 'The guidance note was co-designed with residents, approved for publication by the Executive (EX4521) in June 2026 and evaluated in September; two village groups are using it.',
  });
}

/** The project's story as its lead wrote it before the project closed. */
const ENERGY_STORY: DemoStory = {
  background:
    'Village groups and parish councils had been asking the council the same questions about community energy for several years: where to start, who pays, who owns the panels and what happens if the group folds. The advice the council had was written for developers, not for residents.\n\n' +
    'The climate and energy team proposed that residents who had asked those questions should help write the answer, as equal partners with officers and a councillor.',
  reach:
    'We wrote to every parish council and to the local community energy co-operative, put posters up in village halls and libraries, and asked members to bring a neighbour. Papers went out a week ahead in large print to members who are not online, and members could take part by phone. Most of the people who took part live in rural villages.\n\n' +
    'We did not reach younger residents or people who rent their homes. Tenants are the people least able to put panels on their roof, so their questions may be missing from the note.',
  lessons:
    'Residents chairing the meetings changed the tone from the first evening: officers listened more and explained less. Posting papers a week ahead, in large print, mattered more than any online tool.\n\n' +
    'We should have said sooner that the council has no community energy grant scheme; the grants section took up time at the design workshop that could have gone elsewhere.',
  next_steps:
    'We will look at the guidance note again with the steering group in spring 2027. The climate and energy team will use the visits to the web page and what village groups tell us to decide what to change. If the council creates a local community energy grant scheme, the group will be told first and the note will be updated.',
  thanks:
    'Thank you to every member of the steering group, who gave their evenings and their weekends, to the village halls that hosted us, and to the community energy co-operative for sharing what it has learned. Thank you also to the neighbours who read the draft and told us where it did not make sense.',
  contact: 'Climate and Energy Team, West Berkshire Council: climate.energy@westberks.example, 01632 960241',
};
