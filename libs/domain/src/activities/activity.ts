import { Event, PersonalData } from '../core/event';
import { ActivityType, AttendanceCapacity, ContributionKind, Format, LadderLevel, Stage } from '../core/vocabulary';

export type ActivityPlanned = Event<
  'ActivityPlanned',
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
/** `ladderLevel` is the level the session actually operated at, which may differ from the plan. */
export type ActivityHeld = Event<
  'ActivityHeld',
  { activityId: string; projectId: string; heldOn: string; durationMinutes: number; ladderLevel: LadderLevel }
>;
export type ActivityCancelled = Event<'ActivityCancelled', { activityId: string; projectId: string; reason: string }>;
/** `format` is how this person took part, e.g. on paper in an in-person session. */
export type AttendanceRecorded = Event<
  'AttendanceRecorded',
  { activityId: string; projectId: string; participantId: string; minutes: number; capacity: AttendanceCapacity; format: Format }
>;
/**
 * Whose words a contribution is recorded in. `staff_summary`: the recorder's own account, quoting
 * nobody, kept as plain text. `participant_words`: what one participant said, in their own words,
 * kept as their personal data.
 */
export const CONTRIBUTION_RECORDED_AS = ['staff_summary', 'participant_words'] as const;
export type ContributionRecordedAs = (typeof CONTRIBUTION_RECORDED_AS)[number];

/** What was said or done: a staff summary in plain text, or one participant's words sealed under their key. */
export type ContributionText =
  | { recordedAs: 'staff_summary'; summary: string }
  | { recordedAs: 'participant_words'; personal: PersonalData<{ words: string }> };

/**
 * Recorded before contributions said whose words they were: the summary may be someone's own
 * words, so it is counted like any contribution but its text is never shown beyond their record.
 */
type UnstatedContributionText = { recordedAs?: undefined; summary: string };

export type ContributionRecorded = Event<
  'ContributionRecorded',
  { activityId: string; projectId: string; contributionId: string; participantIds: string[]; kind: ContributionKind } & (
    | ContributionText
    | UnstatedContributionText
  )
>;

/** The text of a contribution that may be shown beyond the contributor's own record: a staff summary's, and no other. */
export function staffSummaryOf(data: ContributionRecorded['data']): string | null {
  return data.recordedAs === 'staff_summary' ? data.summary : null;
}

export type ActivityEvent = ActivityPlanned | ActivityHeld | ActivityCancelled | AttendanceRecorded | ContributionRecorded;

type PlannedActivity = { activityId: string; projectId: string; title: string; plannedFor: string };

export type ActivityState =
  | { status: 'unplanned' }
  | ({ status: 'planned' } & PlannedActivity)
  | ({ status: 'cancelled'; reason: string } & PlannedActivity)
  | ({
      status: 'held';
      heldOn: string;
      durationMinutes: number;
      /** participantId -> minutes recorded */
      attendance: Record<string, number>;
      contributionIds: string[];
    } & PlannedActivity);

export const initialActivityState = (): ActivityState => ({ status: 'unplanned' });

export function evolveActivity(state: ActivityState, event: ActivityEvent): ActivityState {
  switch (event.type) {
    case 'ActivityPlanned':
      return {
        status: 'planned',
        activityId: event.data.activityId,
        projectId: event.data.projectId,
        title: event.data.title,
        plannedFor: event.data.plannedFor,
      };
    case 'ActivityHeld':
      if (state.status === 'unplanned') return state;
      return {
        activityId: state.activityId,
        projectId: state.projectId,
        title: state.title,
        plannedFor: state.plannedFor,
        status: 'held',
        heldOn: event.data.heldOn,
        durationMinutes: event.data.durationMinutes,
        attendance: {},
        contributionIds: [],
      };
    case 'ActivityCancelled':
      if (state.status === 'unplanned') return state;
      return {
        activityId: state.activityId,
        projectId: state.projectId,
        title: state.title,
        plannedFor: state.plannedFor,
        status: 'cancelled',
        reason: event.data.reason,
      };
    case 'AttendanceRecorded':
      if (state.status !== 'held') return state;
      return { ...state, attendance: { ...state.attendance, [event.data.participantId]: event.data.minutes } };
    case 'ContributionRecorded':
      if (state.status !== 'held') return state;
      return { ...state, contributionIds: [...state.contributionIds, event.data.contributionId] };
    default: {
      // Events this aggregate does not know (a correction sharing the stream) leave it unchanged.
      const ignored: never = event;
      void ignored;
      return state;
    }
  }
}
