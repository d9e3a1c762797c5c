import { Decider } from '../core/decider';
import { ActivityEvent, ActivityState, evolveActivity, initialActivityState } from './activity';
import { ActivityCommand, decideActivity } from './activity.decide';

/** A session of a project: planned, held (or cancelled), with who attended and what they contributed. */
export const activityDecider: Decider<ActivityCommand, ActivityEvent, ActivityState> = {
  name: 'activity',
  commandTypes: ['PlanActivity', 'HoldActivity', 'CancelActivity', 'RecordAttendance', 'RecordContribution'],
  initialState: initialActivityState,
  decide: decideActivity,
  evolve: evolveActivity,
  streamIdOf: (command) => command.data.activityId,
};
