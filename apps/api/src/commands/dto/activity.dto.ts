import {
  ACTIVITY_TYPES,
  ActivityType,
  ATTENDANCE_CAPACITIES,
  AttendanceCapacity,
  CancelActivity,
  CONTRIBUTION_KINDS,
  CONTRIBUTION_RECORDED_AS,
  ContributionKind,
  ContributionRecordedAs,
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
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { ValidateBy, ValidateIf } from 'class-validator';
import { ChoiceField, CommandBody, DateField, IdField, IdListField, MinutesField, NestedField, TEXT_LIMITS, TextField } from './fields';
import { QuotePersonalDto } from './quote.dto';
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

/**
 * A field that belongs to one way of recording a contribution: required with that `recordedAs`,
 * refused with the other (so a participant's words can never arrive as plain text beside them).
 */
function RecordedAsOnly(recordedAs: ContributionRecordedAs): PropertyDecorator {
  const stated = (body: RecordContributionDto) => (CONTRIBUTION_RECORDED_AS as readonly string[]).includes(body.recordedAs);
  return applyDecorators(
    ApiPropertyOptional(),
    ValidateIf((body: RecordContributionDto, value: unknown) => body.recordedAs === recordedAs || value !== undefined),
    ValidateBy({
      name: 'recordedAsOnly',
      validator: {
        validate: (_value, args) => !stated(args?.object as RecordContributionDto) || (args?.object as RecordContributionDto).recordedAs === recordedAs,
        defaultMessage: () => `$property is given only when recordedAs is ${recordedAs}`,
      },
    }),
  );
}

/** Body of `POST /api/commands/RecordContribution`: a staff summary carries `summary`, participant words carry `personal`. */
export class RecordContributionDto implements Omit<CommandBody<RecordContribution>, 'summary' | 'personal'> {
  @IdField(REFERENCE_DOCS.activityId) activityId: string;
  @IdField({ description: 'Id of the contribution', example: 'con-energy-05-1' }) contributionId: string;
  @IdListField({ description: 'Who made the contribution; participant words name exactly one person', example: ['part-002', 'part-009'] }, { maxItems: MAX_CONTRIBUTORS })
  participantIds: string[];
  @ChoiceField(CONTRIBUTION_KINDS, { description: 'Kind of contribution', example: 'proposal' }) kind: ContributionKind;
  @ChoiceField(CONTRIBUTION_RECORDED_AS, {
    description:
      "Whose words the text is. staff_summary: the recorder's own account of what was said or done, quoting nobody, sent as summary and " +
      'shown in reports. participant_words: what one participant said in their own words, sent as personal, encrypted under their key, ' +
      'erased with them and never shown in a report (use a quote, with their consent, for that)',
    example: 'staff_summary',
  })
  recordedAs: ContributionRecordedAs;
  @RecordedAsOnly('staff_summary')
  @TextField(
    {
      description: "For a staff summary: what was said or done, in the recorder's own words; quote nobody",
      example: 'Build the note around the five questions a group asks: what, where, who pays, who owns, what next.',
    },
    TEXT_LIMITS.freeText,
  )
  declare summary?: string;
  @RecordedAsOnly('participant_words')
  @NestedField(() => QuotePersonalDto, {
    description: "For participant words: the words, as the participant's personal data; subjectId must be the one participant named",
    example: { subjectId: 'part-047', fields: { words: 'Care reviews are done to me, not with me.' } },
  })
  declare personal?: QuotePersonalDto;
}
