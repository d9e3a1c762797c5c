import { Fact, FactFold } from '../core/fact';
import { ActivityEvent, staffSummaryOf } from './activity';

export interface ActivityFact {
  activityId: string;
  title: string;
  activityType: string;
  stage: string;
  format: string;
  plannedFor: string;
  heldOn: string | null;
  durationMinutes: number | null;
  ladderLevel: string;
  cancelled: boolean;
  eventIds: string[];
}

export interface AttendanceFact {
  eventId: string;
  activityId: string;
  participantId: string;
  minutes: number;
  capacity: string;
  format: string;
}

export interface ContributionFact {
  eventId: string;
  activityId: string;
  contributionId: string;
  participantIds: string[];
  kind: string;
  /** Whose words the record holds; null for contributions recorded before that was stated. */
  recordedAs: 'staff_summary' | 'participant_words' | null;
  /** The text a report may show: a staff summary's. Participant words stay sealed and unstated text unshown. */
  staffSummary: string | null;
}

/** Sessions, who attended them and what was contributed. */
export interface ActivityFacts {
  activities: Map<string, ActivityFact>;
  attendance: AttendanceFact[];
  contributions: ContributionFact[];
}

export const activityFacts: FactFold<ActivityEvent, ActivityFacts> = {
  empty: () => ({ activities: new Map(), attendance: [], contributions: [] }),
  eventTypes: { ActivityPlanned: true, ActivityHeld: true, ActivityCancelled: true, AttendanceRecorded: true, ContributionRecorded: true },
  apply(f: ActivityFacts, e: Fact<ActivityEvent>): void {
    switch (e.type) {
      case 'ActivityPlanned': {
        const { activityId, title, activityType, stage, format, plannedFor, ladderLevel } = e.data;
        f.activities.set(activityId, {
          activityId,
          title,
          activityType,
          stage,
          format,
          plannedFor,
          heldOn: null,
          durationMinutes: null,
          ladderLevel,
          cancelled: false,
          eventIds: [e.eventId],
        });
        return;
      }
      case 'ActivityHeld': {
        const activity = f.activities.get(e.data.activityId);
        if (!activity) return;
        activity.heldOn = e.data.heldOn;
        activity.durationMinutes = e.data.durationMinutes;
        activity.ladderLevel = e.data.ladderLevel ?? activity.ladderLevel;
        activity.eventIds.push(e.eventId);
        return;
      }
      case 'ActivityCancelled': {
        const activity = f.activities.get(e.data.activityId);
        if (!activity) return;
        activity.cancelled = true;
        activity.eventIds.push(e.eventId);
        return;
      }
      case 'AttendanceRecorded': {
        const { activityId, participantId, minutes, capacity, format } = e.data;
        f.attendance.push({ eventId: e.eventId, activityId, participantId, minutes, capacity, format });
        return;
      }
      case 'ContributionRecorded':
        f.contributions.push({
          eventId: e.eventId,
          activityId: e.data.activityId,
          contributionId: e.data.contributionId,
          participantIds: e.data.participantIds ?? [],
          kind: e.data.kind,
          recordedAs: e.data.recordedAs ?? null,
          staffSummary: staffSummaryOf(e.data),
        });
        return;
      default: {
        const unexpected: never = e;
        void unexpected;
      }
    }
  },
};
