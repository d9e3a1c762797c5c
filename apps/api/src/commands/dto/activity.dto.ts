import {
  ACTIVITY_TYPES,
  ActivityType,
  ATTENDANCE_CAPACITIES,
  AttendanceCapacity,
  CancelActivity,
  CONTRIBUTION_KINDS,
  ContributionKind,
  Format,
  FORMATS,
  HoldActivity,
  LADDER_LEVELS,
  LadderLevel,
  PlanActivity,
  RecordAttendance,
  RecordContribution,
  Stage,
  STAGES,
} from '@coprod/domain';
import { ChoiceField, CommandBody, DateField, IdField, IdListField, MinutesField, TEXT_LIMITS, TextField } from './fields';
import { REFERENCE_DOCS } from './reference-docs';

/** A contribution made by a whole room (a vote, a table's ideas) can name everyone present. */
const MAX_CONTRIBUTORS = 500;

/** Body of `POST /api/commands/PlanActivity`. */
export class PlanActivityDto implements CommandBody<PlanActivity> {
  @IdField(REFERENCE_DOCS.activityId) activityId: string;
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @TextField({ description: 'Title people will recognise', example: 'Design workshop: what the guidance note should cover' }, TEXT_LIMITS.title)
  title: string;
  @ChoiceField(ACTIVITY_TYPES, { description: 'Kind of activity', example: 'workshop' }) activityType: ActivityType;
  @ChoiceField(STAGES, { description: 'Project stage the activity belongs to', example: 'co_design' }) stage: Stage;
  @ChoiceField(FORMATS, { description: 'How the activity is run', example: 'in_person' }) format: Format;
  @DateField({ description: 'When it is planned for', example: '2026-03-10T10:00:00Z' }) plannedFor: string;
  @ChoiceField(LADDER_LEVELS, { description: 'Rung of the ladder of co-production it aims for', example: 'co_design' }) ladderLevel: LadderLevel;
}

/** Body of `POST /api/commands/HoldActivity`. */
export class HoldActivityDto implements CommandBody<HoldActivity> {
  @IdField(REFERENCE_DOCS.activityId) activityId: string;
  @DateField({ description: 'When it was held', example: '2026-03-10T10:00:00Z' }) heldOn: string;
  @MinutesField({ description: 'How long it ran, in minutes', example: 180 }) durationMinutes: number;
  @ChoiceField(LADDER_LEVELS, { description: 'Rung of the ladder it actually operated at', example: 'co_design' }) ladderLevel: LadderLevel;
}

/** Body of `POST /api/commands/CancelActivity`. */
export class CancelActivityDto implements CommandBody<CancelActivity> {
  @IdField(REFERENCE_DOCS.activityId) activityId: string;
  @TextField({ description: 'Why it was cancelled', example: 'Village hall closed by flooding; rearranged for the following week' }, TEXT_LIMITS.freeText)
  reason: string;
}

/** Body of `POST /api/commands/RecordAttendance`. */
export class RecordAttendanceDto implements CommandBody<RecordAttendance> {
  @IdField(REFERENCE_DOCS.activityId) activityId: string;
  @IdField(REFERENCE_DOCS.participantId) participantId: string;
  @MinutesField({ description: 'Minutes the person took part', example: 120 }) minutes: number;
  @ChoiceField(ATTENDANCE_CAPACITIES, { description: 'Capacity the person took part in', example: 'member' }) capacity: AttendanceCapacity;
  @ChoiceField(FORMATS, { description: 'How this person took part (e.g. paper in an in-person session)', example: 'in_person' }) format: Format;
}

/** Body of `POST /api/commands/RecordContribution`. */
export class RecordContributionDto implements CommandBody<RecordContribution> {
  @IdField(REFERENCE_DOCS.activityId) activityId: string;
  @IdField({ description: 'Id of the contribution', example: 'con-energy-05-1' }) contributionId: string;
  @IdListField({ description: 'Who made the contribution', example: ['part-002', 'part-009'] }, { maxItems: MAX_CONTRIBUTORS })
  participantIds: string[];
  @ChoiceField(CONTRIBUTION_KINDS, { description: 'Kind of contribution', example: 'proposal' }) kind: ContributionKind;
  @TextField(
    { description: 'What was said or done', example: 'Build the note around the five questions a group asks: what, where, who pays, who owns, what next.' },
    TEXT_LIMITS.freeText,
  )
  summary: string;
}
