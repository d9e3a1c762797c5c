import { ACTORS, SOUTHEND_TEAM } from '../actors';
import { instant } from '../demo-clock';
import { DemoStory, recordStory } from '../project-stories';
import { recordCancelledSession, recordSession, Session } from '../sessions';
import { Timeline } from '../timeline';

export const RECOVERY = 'p-recovery';
const common = { projectId: RECOVERY } as const;

const SESSIONS: Session[] = [
  {
    ...common, id: 'act-recovery-01', title: 'Co-planning: which courses students want next term',
    type: 'meeting', stage: 'co_planning', format: 'in_person', ladder: 'engagement',
    planned: '2026-01-15 10:00', held: '2026-01-22 13:00', minutes: 120,
    attendees: [{ id: 'part-014', capacity: 'chair' }, 'part-013', 'part-015', { id: 'part-016', format: 'phone', minutes: 60 }, 'part-017', 'part-018', 'part-019', 'part-022', 'part-023', 'part-024'],
    contributions: [
      { id: 'con-recovery-01-1', kind: 'idea', by: ['part-015'], summary: 'A course on managing anxiety in everyday life.' },
      { id: 'con-recovery-01-2', kind: 'idea', by: ['part-014'], summary: 'A course on money worries and mental health.' },
      { id: 'con-recovery-01-3', kind: 'proposal', by: ['part-019'], summary: 'Evening courses for people who work or care during the day.' },
    ],
  },
  {
    ...common, id: 'act-recovery-02', title: 'Introduction to co-production for students and staff',
    type: 'training', stage: 'co_planning', format: 'in_person', ladder: 'engagement',
    planned: '2026-01-26 10:00', held: '2026-02-05 10:00', minutes: 180,
    attendees: [{ id: 'part-022', capacity: 'co_trainer' }, { id: 'part-023', capacity: 'co_trainer' }, 'part-013', 'part-014', 'part-015', 'part-017', 'part-018', 'part-020', 'part-021', 'part-024', 'part-025', 'part-026'],
  },
  {
    ...common, id: 'act-recovery-03', title: 'Course design: Managing anxiety in everyday life',
    type: 'workshop', stage: 'co_design', format: 'in_person', ladder: 'co_design',
    planned: '2026-02-24 10:00', held: '2026-03-05 13:00', minutes: 150, signInSheetTypedUpAfterDays: 2,
    attendees: [{ id: 'part-022', capacity: 'co_facilitator' }, 'part-013', 'part-014', 'part-015', 'part-017', 'part-018', 'part-021', 'part-025'],
    contributions: [
      { id: 'con-recovery-03-1', kind: 'proposal', by: ['part-015', 'part-017'], summary: 'Six weekly sessions, each ending with one thing to try at home.' },
      { id: 'con-recovery-03-2', kind: 'feedback', by: ['part-021'], summary: 'Use the ground-floor room so that everyone can get in.' },
    ],
  },
  {
    ...common, id: 'act-recovery-04', title: 'Course design: Money and mental health',
    type: 'workshop', stage: 'co_design', format: 'online', ladder: 'co_design',
    planned: '2026-03-09 10:00', held: '2026-03-19 18:00', minutes: 120,
    attendees: ['part-014', { id: 'part-016', format: 'phone' }, 'part-018', 'part-019', 'part-020', { id: 'part-023', capacity: 'co_facilitator' }, 'part-024'],
    contributions: [
      { id: 'con-recovery-04-1', kind: 'proposal', by: ['part-014'], summary: 'Invite a debt adviser to co-deliver one session.' },
      { id: 'con-recovery-04-2', kind: 'idea', by: ['part-020'], summary: 'Handouts in plain English, and in other languages on request.' },
    ],
  },
  {
    ...common, id: 'act-recovery-05', title: 'Peer trainer training, day 1',
    type: 'training', stage: 'co_design', format: 'in_person', ladder: 'co_production',
    planned: '2026-03-23 10:00', held: '2026-04-09 10:00', minutes: 180,
    attendees: [{ id: 'part-022', capacity: 'co_trainer' }, 'part-013', 'part-014', 'part-017', 'part-021', 'part-025'],
  },
  {
    ...common, id: 'act-recovery-06', title: 'Peer trainer training, day 2',
    type: 'training', stage: 'co_design', format: 'in_person', ladder: 'co_production',
    planned: '2026-03-23 10:05', held: '2026-04-16 10:00', minutes: 180,
    attendees: [{ id: 'part-022', capacity: 'co_trainer' }, 'part-013', 'part-014', 'part-017', 'part-021', { id: 'part-025', minutes: 120 }],
  },
  {
    ...common, id: 'act-recovery-07', title: 'Co-delivered course: Managing anxiety in everyday life, week 1',
    type: 'co_delivery_shift', stage: 'co_delivery', format: 'in_person', ladder: 'co_production',
    planned: '2026-05-05 10:00', held: '2026-05-12 13:00', minutes: 120,
    attendees: [{ id: 'part-013', capacity: 'co_trainer' }, { id: 'part-017', capacity: 'co_trainer' }, 'part-022', 'part-015', 'part-018', 'part-021', 'part-025'],
    contributions: [
      { id: 'con-recovery-07-1', kind: 'co_delivery_work', by: ['part-013', 'part-017'], summary: 'Co-delivered the first session: what anxiety feels like, and a breathing exercise to try at home.' },
    ],
  },
  {
    ...common, id: 'act-recovery-08', title: 'Co-delivered course: Managing anxiety in everyday life, week 2',
    type: 'co_delivery_shift', stage: 'co_delivery', format: 'in_person', ladder: 'co_production',
    planned: '2026-05-05 10:05', held: '2026-05-19 13:00', minutes: 120,
    attendees: [{ id: 'part-013', capacity: 'co_trainer' }, { id: 'part-017', capacity: 'co_trainer' }, 'part-022', 'part-015', 'part-018', 'part-025'],
    contributions: [
      { id: 'con-recovery-08-1', kind: 'co_delivery_work', by: ['part-013', 'part-017'], summary: 'Led the session on noticing anxious thoughts, drawing on their own experience.' },
    ],
  },
  {
    ...common, id: 'act-recovery-09', title: 'Co-delivered course: Money and mental health',
    type: 'co_delivery_shift', stage: 'co_delivery', format: 'hybrid', ladder: 'co_production',
    planned: '2026-05-26 10:00', held: '2026-06-09 13:00', minutes: 120,
    attendees: [{ id: 'part-014', capacity: 'co_trainer' }, { id: 'part-023', capacity: 'co_facilitator' }, 'part-019', 'part-020', 'part-016', 'part-018'],
    contributions: [
      { id: 'con-recovery-09-1', kind: 'co_delivery_work', by: ['part-014'], summary: 'Co-delivered the session with a debt adviser and shared how he had dealt with arrears.' },
    ],
  },
  {
    ...common, id: 'act-recovery-10', title: 'Phone check-ins with students who missed sessions',
    type: 'co_delivery_shift', stage: 'co_delivery', format: 'phone', ladder: 'co_production',
    planned: '2026-06-10 10:00', held: '2026-06-16 10:00', minutes: 60,
    attendees: [{ id: 'part-021', capacity: 'co_trainer' }, 'part-016', 'part-019'],
    contributions: [
      { id: 'con-recovery-10-1', kind: 'co_delivery_work', by: ['part-021'], summary: 'Rang three students who had missed two sessions; two came back the next week.' },
    ],
  },
  {
    ...common, id: 'act-recovery-12', title: 'Co-evaluation: what worked in the spring and summer courses',
    type: 'workshop', stage: 'co_evaluation', format: 'in_person', ladder: 'co_production',
    planned: '2026-09-14 10:00', held: '2026-09-24 13:00', minutes: 150,
    attendees: [{ id: 'part-013', capacity: 'chair' }, 'part-014', 'part-015', 'part-017', 'part-018', 'part-019', 'part-021', 'part-022', 'part-024', 'part-025', 'part-026'],
    contributions: [
      { id: 'con-recovery-12-1', kind: 'feedback', by: 'part-018', words: 'Having peer trainers in the room made it feel safe to speak.' },
      { id: 'con-recovery-12-2', kind: 'feedback', by: ['part-024'], summary: 'More students finish the courses; keep the peer trainer model.' },
    ],
  },
  {
    ...common, id: 'act-recovery-13', title: 'Evaluation comments on paper',
    type: 'survey_round', stage: 'co_evaluation', format: 'paper', ladder: 'consultation',
    planned: '2026-09-25 10:00', held: '2026-10-01 10:00', minutes: 60,
    attendees: ['part-016', 'part-019', 'part-025'],
    contributions: [
      { id: 'con-recovery-13-1', kind: 'feedback', by: 'part-016', words: 'Please post the timetable; I do not use email.' },
    ],
  },
];

/**
 * Southend's REACH Recovery College example: students with lived experience of mental health
 * co-design courses with college staff, and some train as peer trainers and co-deliver them.
 */
export function recordRecoveryCollege(timeline: Timeline): void {
  const lead = ACTORS.niamh;
  timeline
    .from(instant('2026-01-14 09:30'), lead)
    .record('RegisterProject', {
      projectId: RECOVERY,
      title: 'REACH Recovery College: co-designed and co-delivered courses',
      serviceArea: 'Adult mental health and wellbeing',
      aim: 'Students with lived experience of mental health co-design Recovery College courses with college staff, and some co-deliver them as peer trainers.',
      frameworkId: 'southend',
      improvementSought: 'More students complete courses that they helped to shape.',
      openToNewMembers: true,
    })
    .record('TailorOutcome', {
      projectId: RECOVERY,
      outcomeId: 'better_services_for_the_community',
      wording: 'Recovery College courses are shaped and co-delivered by students with lived experience, so more students complete them.',
    });
  const setup = (activity: 'steering_group_formed' | 'members_briefed' | 'support_and_expenses_agreed', on: string, note: string) =>
    timeline.from(instant(`${on} 17:30`), lead).record('RecordSetupActivity', { projectId: RECOVERY, activity, doneOn: instant(`${on} 13:00`), note });
  const stage = (to: 'co_design' | 'co_delivery' | 'co_evaluation', on: string) =>
    timeline.from(instant(`${on} 09:00`), lead).record('MoveProjectToStage', { projectId: RECOVERY, stage: to, enteredOn: instant(`${on} 09:00`), reason: null });
  const sessions = (stageId: Session['stage']) => {
    for (const session of SESSIONS.filter((s) => s.stage === stageId)) recordSession(timeline, SOUTHEND_TEAM, session);
  };

  sessions('co_planning');
  setup('steering_group_formed', '2026-01-22', 'Students, a carer, Trust Links tutors and the council commissioner.');
  setup('members_briefed', '2026-02-05', 'Introduction to co-production, co-delivered by two Trust Links tutors.');
  setup('support_and_expenses_agreed', '2026-02-05', 'Bus fares, care cover, vouchers for design work and £25 an hour for peer trainers.');
  stage('co_design', '2026-02-23');
  sessions('co_design');
  stage('co_delivery', '2026-05-05');
  sessions('co_delivery');
  recordCancelledSession(timeline, SOUTHEND_TEAM, {
    ...common, id: 'act-recovery-11', title: 'Co-delivered course: Sleep and wellbeing',
    type: 'co_delivery_shift', stage: 'co_delivery', format: 'in_person', ladder: 'co_production',
    planned: '2026-06-15 10:00', held: '2026-07-07 13:00', cancelled: '2026-07-03 09:00',
    reason: 'The peer trainer was unwell and no cover could be found; the course moves to the autumn term.',
  });
  stage('co_evaluation', '2026-09-14');
  sessions('co_evaluation');

  const reflect = timeline.from(instant('2026-09-25 15:00'), lead);
  const reflection = (principleId: string, text: string) =>
    reflect.record('RecordPrincipleReflection', { projectId: RECOVERY, principleId, reflection: text, madeADifference: true, recordedOn: instant('2026-09-24 16:00') });
  reflection('reciprocity', 'Peer trainers were paid for their time at the same rate for every session, which students said showed their expertise was valued.');
  reflection('accessibility', 'Moving to the ground-floor room and posting timetables meant two students who had dropped out before could take part.');
  reflection('courage_with_compassion', 'Students who had never spoken in a group co-delivered sessions; staff stepped back and let them lead.');
  recordStory(timeline, lead, RECOVERY, '2026-09-28 15:00', RECOVERY_STORY);
}

/**
 * The project's story as its lead wrote it during co-evaluation. Its lessons are left for the students
 * and staff to write once the evaluation is done: the case study says plainly that they are not recorded.
 */
const RECOVERY_STORY: DemoStory = {
  background:
    'Students told the Recovery College that its courses were designed for them rather than with them, and too many people stopped coming after the first week. The college and the council\u2019s commissioner agreed to co-design the next courses with students who have lived experience of mental health, and to train some of them to co-deliver as peer trainers.',
  reach:
    'Places on the planning group were offered to every current and former student, through tutors, the college newsletter and posters at the community hubs. Students could join in person or by phone, and bus fares and care cover were paid.\n\n' +
    'Most of the group already knew the college well. We did not reach young men, or students who had stopped coming, as well as we hoped; phone check-ins with students who missed sessions are one way we are trying to change that.',
  next_steps:
    'The Sleep and wellbeing course will run in the autumn term. It was cancelled in July, and will now have two peer trainers so that it can go ahead if one is unwell. Students and staff will evaluate the spring and summer courses together before the next term is planned.',
  thanks:
    'Thank you to the students who designed and co-delivered the courses, to the Trust Links tutors who stepped back and let them lead, and to everyone who answered our phone calls and paper forms.',
  contact: 'REACH Recovery College, Southend: recovery.college@southend.example, 01632 960455',
};
