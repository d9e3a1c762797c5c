import { Command } from '../core/event';
import { CorrectionCommand } from '../corrections/correctable';
import { conflict, notFound, requireCalendarDate, requireOneOf, ruleBroken } from '../core/errors';
import {
  ACTIVITY_TYPES,
  ActivityType,
  ATTENDANCE_CAPACITIES,
  AttendanceCapacity,
  CONTRIBUTION_KINDS,
  ContributionKind,
  Format,
  FORMATS,
  LADDER_LEVELS,
  LadderLevel,
  Stage,
  STAGES,
} from '../core/vocabulary';
import { ActivityEvent, ActivityState, ContributionText } from './activity';

export type PlanActivity = Command<
  'PlanActivity',
  {
    activityId: string;
    projectId: string;
    title: string;
    activityType: ActivityType;
    stage: Stage;
    format: Format;
    plannedFor: string;
    ladderLevel: LadderLevel;
  }
>;
export type HoldActivity = Command<'HoldActivity', { activityId: string; heldOn: string; durationMinutes: number; ladderLevel: LadderLevel }>;
export type CancelActivity = Command<'CancelActivity', { activityId: string; reason: string }>;
export type RecordAttendance = Command<
  'RecordAttendance',
  { activityId: string; participantId: string; minutes: number; capacity: AttendanceCapacity; format: Format }
>;
/** A contribution in one participant's own words names that participant alone; a group's is a staff summary. */
export type RecordContribution = Command<
  'RecordContribution',
  { activityId: string; contributionId: string; participantIds: string[]; kind: ContributionKind } & ContributionText
>;

export type ActivityCommand = PlanActivity | HoldActivity | CancelActivity | RecordAttendance | RecordContribution;

/** Corrections of a session's own events, decided under the rules of the commands that recorded them. */
type Correcting<Type extends string, Fields extends object = object> = CorrectionCommand<Type, { activityId: string }, Fields>;
export type AmendActivityPlan = Correcting<'AmendActivityPlan', Pick<PlanActivity['data'], 'title' | 'activityType' | 'stage' | 'format' | 'plannedFor' | 'ladderLevel'>>;
export type AmendSessionHeld = Correcting<'AmendSessionHeld', Pick<HoldActivity['data'], 'durationMinutes' | 'ladderLevel'>>;
export type VoidSessionHeld = Correcting<'VoidSessionHeld'>;
export type AmendAttendance = Correcting<'AmendAttendance', Pick<RecordAttendance['data'], 'minutes' | 'capacity' | 'format'>>;
export type VoidAttendance = Correcting<'VoidAttendance'>;
export type VoidContribution = Correcting<'VoidContribution'>;
export type ActivityCorrection = AmendActivityPlan | AmendSessionHeld | VoidSessionHeld | AmendAttendance | VoidAttendance | VoidContribution;

const MINUTES_IN_A_DAY = 24 * 60;
/** People arrive early and stay on: attendance may run this far past the session's length. */
const ATTENDANCE_OVERRUN_MINUTES = 60;

export function decideActivity(command: ActivityCommand, state: ActivityState): ActivityEvent[] {
  if (command.type === 'PlanActivity') return plan(command, state);
  const activity = existingActivity(state, command.data.activityId);
  switch (command.type) {
    case 'HoldActivity':
      return hold(command, activity);
    case 'CancelActivity':
      return cancel(command, activity);
    case 'RecordAttendance':
      return recordAttendance(command, heldActivity(activity));
    case 'RecordContribution':
      return recordContribution(command, heldActivity(activity));
    default: {
      const unexpected: never = command;
      throw new Error(`unknown activity command ${(unexpected as Command).type}`);
    }
  }
}

type ExistingActivity = Exclude<ActivityState, { status: 'unplanned' }>;
type HeldActivity = Extract<ActivityState, { status: 'held' }>;

function existingActivity(state: ActivityState, activityId: string): ExistingActivity {
  if (state.status === 'unplanned') {
    throw notFound('activity.not_found', `activity ${activityId} does not exist; plan it first`);
  }
  return state;
}

function notCancelled(activity: ExistingActivity, what: string): void {
  if (activity.status === 'cancelled') {
    throw conflict('activity.cancelled', `activity ${activity.activityId} (${activity.title}) was cancelled (${activity.reason}); ${what}`);
  }
}

function heldActivity(activity: ExistingActivity): HeldActivity {
  notCancelled(activity, 'nothing can be recorded against it');
  if (activity.status !== 'held') {
    throw conflict('activity.not_held', `record that activity ${activity.activityId} was held first`);
  }
  return activity;
}

function plan(command: PlanActivity, state: ActivityState): ActivityEvent[] {
  if (state.status !== 'unplanned') {
    throw conflict('activity.already_planned', `activity ${command.data.activityId} is already planned as "${state.title}"`);
  }
  if (command.data.title.trim() === '') {
    throw ruleBroken('activity.title_missing', `activity ${command.data.activityId} needs a title people will recognise`);
  }
  requireOneOf(command.data.activityType, ACTIVITY_TYPES, 'activityType');
  requireOneOf(command.data.stage, STAGES, 'stage');
  requireOneOf(command.data.format, FORMATS, 'format');
  requireOneOf(command.data.ladderLevel, LADDER_LEVELS, 'ladderLevel');
  requireCalendarDate(command.data.plannedFor, 'plannedFor');
  return [{ type: 'ActivityPlanned', data: { ...command.data } }];
}

function hold(command: HoldActivity, activity: ExistingActivity): ActivityEvent[] {
  notCancelled(activity, 'plan a new activity if it took place after all');
  if (activity.status === 'held') {
    throw conflict(
      'activity.already_held',
      `activity ${activity.activityId} was already recorded as held on ${activity.heldOn}; correct that event instead`,
    );
  }
  const { durationMinutes } = command.data;
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0 || durationMinutes > MINUTES_IN_A_DAY) {
    throw ruleBroken('activity.duration_invalid', `durationMinutes must be a positive whole number of minutes; got ${durationMinutes} (a session runs at most a day, ${MINUTES_IN_A_DAY})`);
  }
  requireOneOf(command.data.ladderLevel, LADDER_LEVELS, 'ladderLevel');
  requireCalendarDate(command.data.heldOn, 'heldOn');
  return [
    {
      type: 'ActivityHeld',
      data: { ...command.data, projectId: activity.projectId },
      occurredAt: command.data.heldOn,
    },
  ];
}

function cancel(command: CancelActivity, activity: ExistingActivity): ActivityEvent[] {
  notCancelled(activity, 'it is already cancelled');
  if (activity.status === 'held') {
    throw conflict(
      'activity.already_held',
      `activity ${activity.activityId} was held on ${activity.heldOn} and cannot be cancelled; void that event with a correction if it did not take place`,
    );
  }
  if (command.data.reason.trim() === '') {
    throw ruleBroken('activity.reason_missing', `cancelling activity ${activity.activityId} needs a reason`);
  }
  return [{ type: 'ActivityCancelled', data: { ...command.data, projectId: activity.projectId } }];
}

function recordAttendance(command: RecordAttendance, activity: HeldActivity): ActivityEvent[] {
  const { participantId, minutes } = command.data;
  if (Object.hasOwn(activity.attendance, participantId)) {
    throw conflict(
      'activity.attendance_already_recorded',
      `participant ${participantId} is already recorded at activity ${activity.activityId} (${activity.attendance[participantId]} minutes); correct that event instead`,
    );
  }
  checkMinutes(minutes, activity);
  requireOneOf(command.data.capacity, ATTENDANCE_CAPACITIES, 'capacity');
  requireOneOf(command.data.format, FORMATS, 'format');
  return [
    {
      type: 'AttendanceRecorded',
      data: { ...command.data, projectId: activity.projectId },
      occurredAt: activity.heldOn,
    },
  ];
}

function checkMinutes(minutes: number, activity: HeldActivity): void {
  if (!Number.isInteger(minutes) || minutes <= 0) {
    throw ruleBroken('activity.minutes_invalid', `attendance minutes must be a whole number above 0; got ${minutes}`);
  }
  if (minutes > MINUTES_IN_A_DAY) {
    throw ruleBroken('activity.minutes_over_a_day', `attendance of ${minutes} minutes is more than a day (${MINUTES_IN_A_DAY}); record each day as its own activity`);
  }
  const longest = activity.durationMinutes + ATTENDANCE_OVERRUN_MINUTES;
  if (minutes > longest) {
    throw ruleBroken(
      'activity.minutes_over_duration',
      `attendance of ${minutes} minutes is more than activity ${activity.activityId} lasted (${activity.durationMinutes} minutes, up to ${longest} with arriving early and staying on); check the minutes`,
    );
  }
}

function recordContribution(command: RecordContribution, activity: HeldActivity): ActivityEvent[] {
  requireOneOf(command.data.kind, CONTRIBUTION_KINDS, 'kind');
  const { activityId, contributionId, participantIds, kind } = command.data;
  if (activity.contributionIds.includes(contributionId)) {
    throw conflict(
      'activity.contribution_already_recorded',
      `contribution ${contributionId} is already recorded at activity ${activity.activityId}; use a new id or correct that event`,
    );
  }
  const text = command.data.recordedAs === 'participant_words' ? participantWords(command.data) : staffSummary(command.data);
  return [
    {
      type: 'ContributionRecorded',
      data: { activityId, projectId: activity.projectId, contributionId, participantIds, kind, ...text },
      occurredAt: activity.heldOn,
    },
  ];
}

type ContributionData<As extends ContributionText['recordedAs']> = Extract<RecordContribution['data'], { recordedAs: As }>;

/**
 * The recorder's own account, kept as plain text. A contribution recorded before `recordedAs`
 * existed reaches here without it when a correction re-decides its stream, and stays unstated.
 */
function staffSummary(data: ContributionData<'staff_summary'>) {
  const { contributionId, summary } = data;
  if (typeof summary !== 'string' || summary.trim() === '') {
    throw ruleBroken('activity.summary_missing', `contribution ${contributionId} needs a summary of what was said or done, in the recorder's own words`);
  }
  return { ...(data.recordedAs ? { recordedAs: data.recordedAs } : {}), summary };
}

/** One participant's own words: their personal data, sealed under their key before the event is stored. */
function participantWords(data: ContributionData<'participant_words'>): ContributionText {
  const { contributionId, participantIds, personal } = data;
  if (participantIds.length !== 1) {
    throw ruleBroken(
      'activity.words_of_several',
      `contribution ${contributionId} is recorded as participant words but names ${participantIds.length === 0 ? 'nobody' : participantIds.join(', ')}; ` +
        "one person's own words name that person alone: record each person's words as their own contribution, or a staff summary for the group",
    );
  }
  const [participantId] = participantIds;
  if (personal.subjectId !== participantId) {
    throw ruleBroken(
      'activity.words_subject',
      `the words of contribution ${contributionId} are recorded as ${personal.subjectId}'s but the contribution is by ${participantId}; words belong to the person who said them`,
    );
  }
  // No fields: the words were sealed when first recorded and a correction is re-deciding the stream.
  if (personal.fields !== undefined && !personal.fields.words?.trim()) {
    throw ruleBroken('activity.words_missing', `contribution ${contributionId} has no words; record what ${participantId} said, or record a staff summary instead`);
  }
  return { recordedAs: 'participant_words', personal };
}
