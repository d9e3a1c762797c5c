import { Command } from '../core/event';
import { conflict, notFound, ruleBroken } from '../core/errors';
import { ActivityType, AttendanceCapacity, ContributionKind, Format, LadderLevel, Stage } from '../core/vocabulary';
import { ActivityEvent, ActivityState } from './activity';

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
export type RecordContribution = Command<
  'RecordContribution',
  { activityId: string; contributionId: string; participantIds: string[]; kind: ContributionKind; summary: string }
>;

export type ActivityCommand = PlanActivity | HoldActivity | CancelActivity | RecordAttendance | RecordContribution;

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
  if (!Number.isInteger(durationMinutes) || durationMinutes <= 0) {
    throw ruleBroken('activity.duration_invalid', `durationMinutes must be a positive whole number of minutes; got ${durationMinutes}`);
  }
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
  const { contributionId } = command.data;
  if (activity.contributionIds.includes(contributionId)) {
    throw conflict(
      'activity.contribution_already_recorded',
      `contribution ${contributionId} is already recorded at activity ${activity.activityId}; use a new id or correct that event`,
    );
  }
  if (command.data.summary.trim() === '') {
    throw ruleBroken('activity.summary_missing', `contribution ${contributionId} needs a summary of what was said or done`);
  }
  return [
    {
      type: 'ContributionRecorded',
      data: { ...command.data, projectId: activity.projectId },
      occurredAt: activity.heldOn,
    },
  ];
}
