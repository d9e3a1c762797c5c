import { ActivityType, AttendanceCapacity, ContributionKind, Format, LadderLevel, Stage } from '@coprod/domain';
import { daysAfter, instant, minutesAfter } from './demo-clock';
import { DemoActor } from './demo-step';
import { seededRandom, wholeBetween } from './seeded-random';
import { Timeline } from './timeline';

/** Someone at a session: a participant id alone means a member who stayed throughout, in the session's format. */
export type Attendee =
  | string
  | { id: string; capacity?: AttendanceCapacity; minutes?: number; format?: Format; key?: string };

/**
 * What was contributed at a session: mostly the recorder's summary, which quotes nobody and may name
 * several people; sometimes one participant's own words, recorded as their personal data.
 */
export type SessionContribution = { id: string; kind: ContributionKind; key?: string } & (
  | { by: string[]; summary: string }
  | { by: string; words: string }
);

/** One session of a project, from planning to who came and what they contributed. */
export interface Session {
  id: string;
  projectId: string;
  title: string;
  type: ActivityType;
  stage: Stage;
  format: Format;
  ladder: LadderLevel;
  /** The level it actually operated at, when different from the plan. */
  heldAt?: LadderLevel;
  /** When it was planned (recorded), `YYYY-MM-DD HH:MM`. */
  planned: string;
  /** When it started, `YYYY-MM-DD HH:MM`. */
  held: string;
  minutes: number;
  attendees: Attendee[];
  contributions?: SessionContribution[];
  /** Attendance was taken on a paper sign-in sheet and typed up this many days later. */
  signInSheetTypedUpAfterDays?: number;
}

/** Who plans and who types up: the project's lead and its council's recorder. */
export interface SessionTeam {
  lead: DemoActor;
  recorder: DemoActor;
}

/**
 * Records a session as it happens in practice: planned by the lead, recorded as held (with attendance
 * and contributions) by the recorder half an hour after it ends, or attendance typed up from the
 * paper sign-in sheet days later. Some people leave early; who and by how much is seeded by the id.
 */
export function recordSession(timeline: Timeline, team: SessionTeam, session: Session): void {
  const heldOn = instant(session.held);
  timeline.from(instant(session.planned), team.lead).record('PlanActivity', {
    activityId: session.id,
    projectId: session.projectId,
    title: session.title,
    activityType: session.type,
    stage: session.stage,
    format: session.format,
    plannedFor: heldOn,
    ladderLevel: session.ladder,
  });
  const afterwards = timeline.from(minutesAfter(heldOn, session.minutes + 30), team.recorder);
  afterwards.record('HoldActivity', {
    activityId: session.id,
    heldOn,
    durationMinutes: session.minutes,
    ladderLevel: session.heldAt ?? session.ladder,
  });
  const days = session.signInSheetTypedUpAfterDays;
  const attendance = days === undefined ? afterwards : timeline.from(daysAfter(instant(`${session.held.slice(0, 10)} 11:00`), days), team.recorder, 'paper');
  const random = seededRandom(session.id);
  session.attendees.forEach((attendee, index) => {
    const { id, capacity = 'member', minutes, format, key } = typeof attendee === 'string' ? { id: attendee } : attendee;
    attendance.record(
      'RecordAttendance',
      {
        activityId: session.id,
        participantId: id,
        minutes: minutes ?? minutesStayed(session.minutes, random),
        capacity,
        format: format ?? formatOf(session.format, index),
      },
      { key },
    );
  });
  for (const contribution of session.contributions ?? []) {
    const { id: contributionId, kind, key } = contribution;
    if ('words' in contribution) {
      const { by, words } = contribution;
      afterwards.record(
        'RecordContribution',
        { activityId: session.id, contributionId, participantIds: [by], kind, recordedAs: 'participant_words', personal: { subjectId: by, fields: { words } } },
        { key },
      );
    } else {
      afterwards.record(
        'RecordContribution',
        { activityId: session.id, contributionId, participantIds: [...contribution.by], kind, recordedAs: 'staff_summary', summary: contribution.summary },
        { key },
      );
    }
  }
}

/** Most stay to the end; about one in five leaves early, by half an hour or so. */
function minutesStayed(duration: number, random: () => number): number {
  if (random() >= 0.2) return duration;
  return Math.max(30, duration - wholeBetween(random, 2, 4) * 10);
}

/** In a hybrid session people alternate between the room and the screen. */
function formatOf(sessionFormat: Format, index: number): Format {
  if (sessionFormat !== 'hybrid') return sessionFormat;
  return index % 3 === 2 ? 'online' : 'in_person';
}

/** Plans a session that then has to be cancelled. */
export function recordCancelledSession(
  timeline: Timeline,
  team: SessionTeam,
  session: Omit<Session, 'attendees' | 'contributions' | 'minutes' | 'heldAt'> & { cancelled: string; reason: string },
): void {
  timeline.from(instant(session.planned), team.lead).record('PlanActivity', {
    activityId: session.id,
    projectId: session.projectId,
    title: session.title,
    activityType: session.type,
    stage: session.stage,
    format: session.format,
    plannedFor: instant(session.held),
    ladderLevel: session.ladder,
  });
  timeline.from(instant(session.cancelled), team.lead).record('CancelActivity', { activityId: session.id, reason: session.reason });
}
