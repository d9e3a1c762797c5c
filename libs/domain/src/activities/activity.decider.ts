import { Decider, referencesTo } from '../core/decider';
import { CorrectionsOf } from '../corrections/correctable';
import { ActivityEvent, ActivityState, evolveActivity, initialActivityState } from './activity';
import { ActivityCommand, ActivityCorrection, decideActivity } from './activity.decide';

/**
 * A session's details are amended, not its date (its events are dated by it: void and record the
 * session again). A contribution is voided and recorded again, since its words may be sealed.
 */
const corrections: CorrectionsOf<ActivityCorrection['type'], ActivityEvent['type'], ActivityCommand['type']> = {
  rules: {
    AmendActivityPlan: { corrects: 'ActivityPlanned', kind: 'amend', fields: ['title', 'activityType', 'stage', 'format', 'plannedFor', 'ladderLevel'] },
    AmendSessionHeld: { corrects: 'ActivityHeld', kind: 'amend', fields: ['durationMinutes', 'ladderLevel'] },
    VoidSessionHeld: { corrects: 'ActivityHeld', kind: 'void' },
    AmendAttendance: { corrects: 'AttendanceRecorded', kind: 'amend', fields: ['minutes', 'capacity', 'format'] },
    VoidAttendance: { corrects: 'AttendanceRecorded', kind: 'void' },
    VoidContribution: { corrects: 'ContributionRecorded', kind: 'void' },
  },
  recordedBy: {
    ActivityPlanned: 'PlanActivity',
    ActivityHeld: 'HoldActivity',
    ActivityCancelled: 'CancelActivity',
    AttendanceRecorded: 'RecordAttendance',
    ContributionRecorded: 'RecordContribution',
  },
};

/** A session of a project: planned, held (or cancelled), with who attended and what they contributed. */
export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  name: 'activity',
  commandTypes: ['PlanActivity', 'HoldActivity', 'CancelActivity', 'RecordAttendance', 'RecordContribution'],
  initialState: initialActivityState,
  decide: decideActivity,
  evolve: evolveActivity,
  streamIdOf: (command) => command.data.activityId,
  references: {
    PlanActivity: (data) => referencesTo('project', [data.projectId]),
    RecordAttendance: (data) => referencesTo('participant', [data.participantId]),
    RecordContribution: (data) => referencesTo('participant', data.participantIds ?? []),
  },
  corrections,
};
