import { ACTORS } from '../actors';
import { instant } from '../demo-clock';
import { DemoStory, recordStory } from '../project-stories';
import { recordSession, Session, SessionTeam } from '../sessions';
import { Timeline } from '../timeline';

export const VOICE = 'p-voice';
const team: SessionTeam = { lead: ACTORS.sarah, recorder: ACTORS.amara };
const common = { projectId: VOICE } as const;

/** Key of a paper comment typed up twice from the same form; the second copy is voided. */
export const VOICE_DUPLICATE_CONTRIBUTION = 'voice-06-duplicate';

const SESSIONS: Session[] = [
  {
    ...common, id: 'act-voice-01', title: 'Co-planning: whose voices are missing from adult social care?',
    type: 'meeting', stage: 'co_planning', format: 'in_person', ladder: 'engagement',
    planned: '2026-03-02 10:00', held: '2026-03-12 13:00', minutes: 150,
    attendees: [{ id: 'part-042', capacity: 'chair' }, 'part-036', 'part-037', 'part-038', 'part-039', 'part-040', 'part-043', 'part-044', 'part-045', 'part-046'],
    contributions: [
      { id: 'con-voice-01-1', kind: 'idea', by: ['part-042'], summary: 'Map every route by which people are heard today: surveys, complaints, forums and reviews.' },
      { id: 'con-voice-01-2', kind: 'idea', by: ['part-038'], summary: 'Carers who work are missing: meet in the evening and online too.' },
    ],
  },
  {
    ...common, id: 'act-voice-02', title: 'What co-production is: a briefing for the group',
    type: 'training', stage: 'co_planning', format: 'hybrid', ladder: 'engagement',
    planned: '2026-03-13 10:00', held: '2026-03-26 14:00', minutes: 120,
    attendees: [{ id: 'part-044', capacity: 'co_trainer' }, { id: 'part-042', capacity: 'co_trainer' }, 'part-036', 'part-037', 'part-038', 'part-039', 'part-040', 'part-043', 'part-045', 'part-046'],
  },
  {
    ...common, id: 'act-voice-03', title: 'Telephone conversations with people who draw on care at home',
    type: 'survey_round', stage: 'co_planning', format: 'phone', ladder: 'consultation',
    planned: '2026-03-30 10:00', held: '2026-04-14 10:00', minutes: 60,
    attendees: ['part-036', 'part-040', 'part-041', 'part-047', { id: 'part-048', minutes: 45 }],
    contributions: [
      { id: 'con-voice-03-1', kind: 'feedback', by: 'part-041', words: 'Nobody has asked my opinion in my own language before.' },
      { id: 'con-voice-03-2', kind: 'feedback', by: 'part-047', words: 'Care reviews are done to me, not with me.' },
    ],
  },
  {
    ...common, id: 'act-voice-04', title: 'Mapping the service-user voice: where people are heard today',
    type: 'workshop', stage: 'co_design', format: 'in_person', ladder: 'co_design',
    planned: '2026-05-04 10:00', held: '2026-05-14 10:00', minutes: 180, signInSheetTypedUpAfterDays: 4,
    attendees: [{ id: 'part-042', capacity: 'co_facilitator' }, 'part-036', 'part-037', 'part-038', 'part-039', 'part-040', 'part-043', 'part-044', 'part-045', 'part-047', 'part-049', 'part-050'],
    contributions: [
      { id: 'con-voice-04-1', kind: 'proposal', by: ['part-037', 'part-042'], summary: 'A map of the eleven routes by which people are heard today, and who each one misses.' },
      { id: 'con-voice-04-2', kind: 'idea', by: ['part-039'], summary: 'Easy Read at every step, not only at the end.' },
    ],
  },
  {
    ...common, id: 'act-voice-05', title: 'Identifying gaps: carers and people with learning disabilities',
    type: 'workshop', stage: 'co_design', format: 'online', ladder: 'co_design',
    planned: '2026-05-18 10:00', held: '2026-06-11 18:00', minutes: 120,
    attendees: [{ id: 'part-038', capacity: 'chair' }, 'part-039', { id: 'part-043', capacity: 'co_facilitator' }, 'part-044', 'part-045', 'part-049', 'part-050'],
    contributions: [
      { id: 'con-voice-05-1', kind: 'proposal', by: ['part-038', 'part-049'], summary: "A carers' voice group that meets online in the evening." },
      { id: 'con-voice-05-2', kind: 'proposal', by: ['part-039'], summary: 'A self-advocacy group for people with learning disabilities, with paid support.' },
      { id: 'con-voice-05-3', kind: 'proposal', by: ['part-050'], summary: 'Independent advocacy offered at every care review.' },
    ],
  },
  {
    ...common, id: 'act-voice-06', title: 'Easy Read and paper feedback on the draft map',
    type: 'survey_round', stage: 'co_design', format: 'paper', ladder: 'consultation',
    planned: '2026-06-15 10:00', held: '2026-06-25 09:00', minutes: 60,
    attendees: ['part-036', 'part-039', 'part-040', 'part-047', 'part-048'],
    contributions: [
      { id: 'con-voice-06-1', kind: 'feedback', by: ['part-040'], summary: 'Found the map clear, but the print too small for her mother to read.' },
      { id: 'con-voice-06-2', kind: 'feedback', by: ['part-040'], summary: 'Found the map clear, but the print too small for her mother to read.', key: VOICE_DUPLICATE_CONTRIBUTION },
      { id: 'con-voice-06-3', kind: 'feedback', by: ['part-048'], summary: 'Put the carers’ group on the radio and in the parish magazine, not only online.' },
    ],
  },
  {
    ...common, id: 'act-voice-07', title: 'Designing the new involvement routes',
    type: 'workshop', stage: 'co_design', format: 'hybrid', ladder: 'co_production',
    planned: '2026-08-24 10:00', held: '2026-09-10 13:00', minutes: 150,
    attendees: [{ id: 'part-042', capacity: 'chair' }, 'part-037', 'part-038', 'part-039', 'part-043', 'part-044', 'part-045', 'part-046', 'part-047', 'part-049', 'part-050'],
    contributions: [
      { id: 'con-voice-07-1', kind: 'proposal', by: ['part-037', 'part-039'], summary: 'Group members co-host peer listening sessions where people already are, at day centres and by phone.' },
    ],
  },
  {
    ...common, id: 'act-voice-08', title: 'Peer listening session at a day centre',
    type: 'co_delivery_shift', stage: 'co_delivery', format: 'in_person', ladder: 'co_production',
    planned: '2026-10-06 10:00', held: '2026-10-20 10:00', minutes: 120,
    attendees: [{ id: 'part-037', capacity: 'co_facilitator' }, { id: 'part-039', capacity: 'co_facilitator' }, 'part-045', 'part-036'],
    contributions: [
      { id: 'con-voice-08-1', kind: 'co_delivery_work', by: ['part-037', 'part-039'], summary: 'Co-hosted a listening session with fourteen people at the day centre and wrote up what they heard.' },
    ],
  },
  {
    ...common, id: 'act-voice-09', title: 'Peer listening by phone with carers in rural villages',
    type: 'co_delivery_shift', stage: 'co_delivery', format: 'phone', ladder: 'co_production',
    planned: '2026-10-26 10:00', held: '2026-11-10 10:00', minutes: 90,
    attendees: [{ id: 'part-048', capacity: 'co_facilitator' }, 'part-041', 'part-047'],
    contributions: [
      { id: 'con-voice-09-1', kind: 'co_delivery_work', by: ['part-048'], summary: 'Called five carers in rural villages who had never been asked for their views.' },
    ],
  },
];

/**
 * West Berkshire adult social care's project from the framework testing events: map the
 * service-user voice, identify the gaps, then fill them with people who draw on care and carers.
 */
export function recordServiceUserVoice(timeline: Timeline): void {
  const lead = ACTORS.sarah;
  timeline
    .from(instant('2026-03-02 09:30'), lead)
    .record('RegisterProject', {
      projectId: VOICE,
      title: 'Adult social care: mapping the service-user voice',
      serviceArea: 'Adult social care',
      aim: 'Gather the experience of people who draw on care and support, starting with a map of the service-user voice, identifying the gaps and then filling them together.',
      frameworkId: 'care-act-nef-scie',
      improvementSought: 'People who draw on care and support, and carers, are heard through routes they designed, and care reviews happen sooner.',
      openToNewMembers: true,
    })
    .record('TailorOutcome', {
      projectId: VOICE,
      outcomeId: 'enabling_not_providing',
      wording: 'The council enables people who draw on care and support, and carers, to be heard through routes they designed, rather than deciding for them.',
    });
  const setup = (activity: 'steering_group_formed' | 'support_and_expenses_agreed' | 'members_briefed' | 'working_principles_agreed', on: string, note: string | null) =>
    timeline.from(instant(`${on} 18:00`), lead).record('RecordSetupActivity', { projectId: VOICE, activity, doneOn: instant(`${on} 13:00`), note });
  const stage = (to: 'co_design' | 'co_delivery', on: string) =>
    timeline.from(instant(`${on} 09:00`), lead).record('MoveProjectToStage', { projectId: VOICE, stage: to, enteredOn: instant(`${on} 09:00`), reason: null });
  const sessions = (stageId: Session['stage']) => {
    for (const session of SESSIONS.filter((s) => s.stage === stageId)) recordSession(timeline, team, session);
  };

  sessions('co_planning');
  setup('steering_group_formed', '2026-03-12', 'Chaired by Healthwatch; people who draw on care, carers, officers and the portfolio holder.');
  setup('support_and_expenses_agreed', '2026-03-12', 'Accessible taxis, care cover, interpreters and £25 an hour for co-hosting.');
  setup('members_briefed', '2026-03-26', null);
  setup('working_principles_agreed', '2026-03-26', 'Easy Read papers, a hearing loop and a break every hour.');
  stage('co_design', '2026-05-04');
  sessions('co_design');
  stage('co_delivery', '2026-10-05');
  sessions('co_delivery');

  const reflect = timeline.from(instant('2026-11-12 10:00'), lead);
  const reflection = (principleId: string, text: string, madeADifference: boolean) =>
    reflect.record('RecordPrincipleReflection', { projectId: VOICE, principleId, reflection: text, madeADifference, recordedOn: instant('2026-11-11 16:00') });
  reflection('equality', 'People who draw on care chaired two of the workshops; the councillor sat with the group rather than at the front.', true);
  reflection('accessibility', 'Easy Read papers and phone conversations with interpreters brought in people the old routes missed.', true);
  reflection('reciprocity', 'Co-hosts were paid for their time, but we have not yet found a way to recognise carers who cannot commit to fixed sessions.', false);
  recordStory(timeline, lead, VOICE, '2026-11-13 10:00', VOICE_STORY);
}

/** The project's story so far, as its lead wrote it once the new routes began. */
const VOICE_STORY: DemoStory = {
  background:
    'People who draw on care and support, and carers, told Healthwatch that they did not know how to have a say in adult social care, and that the same few voices were heard each time. Before adding anything new, the council wanted to know where people are already heard, and where they are not.',
  reach:
    'We asked through Healthwatch, carers\u2019 groups, day centres and care workers, and held telephone conversations, with interpreters where needed, with people who draw on care at home. Papers were in Easy Read, and meetings had a hearing loop and a break every hour.\n\n' +
    'Carers in rural villages and people with learning disabilities who live with their families were the hardest to reach, so the group designed peer listening by phone and at day centres to reach them.',
  lessons:
    'Mapping first stopped us building routes that already existed. Paying co-hosts for their time made the work feel equal, but we have not yet found a fair way to recognise carers who cannot come to fixed sessions. Easy Read papers helped everyone, not only the people who asked for them.',
  next_steps:
    'We are trying out the new ways to be heard from October 2026. The group will look at what people say through peer listening in spring 2027 and report to the portfolio holder on whether care reviews are happening sooner.',
  thanks:
    'Thank you to the people who draw on care and support and the carers who shared their experience, to Healthwatch for chairing the group, and to the day centres that welcomed the peer listening sessions.',
  contact: 'Adult Social Care Engagement Team, West Berkshire Council: asc.voice@westberks.example, 01632 960672',
};
