import { IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { CorrectionData } from '@coprod/domain';
import { RecordAttendanceDto, HoldActivityDto, PlanActivityDto } from './activity.dto';
import { LinkInfluenceDto, RecordDecisionDto } from './decision.dto';
import { CommandBody, IdField, TEXT_LIMITS, TextField } from './fields';
import { DefineServiceMeasureDto, RecordServiceMeasureReadingDto } from './measure.dto';
import { RecordPrincipleReflectionDto, RecordSetupActivityDto } from './project.dto';
import { RecordSurveyResponseDto } from './survey.dto';

/** What every correction says: which event, and why the record changes. */
class CorrectionDto implements CommandBody<{ type: string; data: Pick<CorrectionData, 'eventId' | 'reason'>; metadata: never }> {
  @IdField({ description: 'Id of the event to correct (from the record\'s history)', example: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40' }) eventId: string;
  @TextField({ description: 'Why the record changes', example: 'Sign-in sheet typed up wrongly: he left the workshop at lunch' }, TEXT_LIMITS.freeText)
  reason: string;
}

/*
 * Each correction's fields are the original command's fields, with the original DTO's validation:
 * the id fields that find the record, and for an amendment the fields it may change, each optional.
 */
export class AmendActivityPlanDto extends IntersectionType(
  PickType(PlanActivityDto, ['activityId'] as const),
  PartialType(PickType(PlanActivityDto, ['title', 'activityType', 'stage', 'format', 'plannedFor', 'ladderLevel'] as const)),
  CorrectionDto,
) {}
export class AmendSessionHeldDto extends IntersectionType(
  PickType(HoldActivityDto, ['activityId'] as const),
  PartialType(PickType(HoldActivityDto, ['durationMinutes', 'ladderLevel'] as const)),
  CorrectionDto,
) {}
export class VoidSessionHeldDto extends IntersectionType(PickType(HoldActivityDto, ['activityId'] as const), CorrectionDto) {}
export class AmendAttendanceDto extends IntersectionType(
  PickType(RecordAttendanceDto, ['activityId'] as const),
  PartialType(PickType(RecordAttendanceDto, ['minutes', 'capacity', 'format'] as const)),
  CorrectionDto,
) {}
export class VoidAttendanceDto extends IntersectionType(PickType(RecordAttendanceDto, ['activityId'] as const), CorrectionDto) {}
export class VoidContributionDto extends IntersectionType(PickType(RecordAttendanceDto, ['activityId'] as const), CorrectionDto) {}

export class AmendDecisionDto extends IntersectionType(
  PickType(RecordDecisionDto, ['decisionId'] as const),
  PartialType(PickType(RecordDecisionDto, ['title', 'decisionMaker', 'reference', 'recommendation'] as const)),
  CorrectionDto,
) {}
export class AmendInfluenceDto extends IntersectionType(
  PickType(LinkInfluenceDto, ['decisionId'] as const),
  PartialType(PickType(LinkInfluenceDto, ['youSaid', 'weDid', 'whereInRecommendation', 'ladderLevel', 'needhamCarrLevel', 'optionsAlreadyFormed'] as const)),
  CorrectionDto,
) {}
export class VoidInfluenceDto extends IntersectionType(PickType(LinkInfluenceDto, ['decisionId'] as const), CorrectionDto) {}
export class VoidProposalNotAdoptedDto extends IntersectionType(PickType(LinkInfluenceDto, ['decisionId'] as const), CorrectionDto) {}
export class VoidCommitmentMetDto extends IntersectionType(PickType(LinkInfluenceDto, ['decisionId'] as const), CorrectionDto) {}

export class AmendServiceMeasureDto extends IntersectionType(
  PickType(DefineServiceMeasureDto, ['measureId'] as const),
  PartialType(PickType(DefineServiceMeasureDto, ['name', 'unit', 'baseline'] as const)),
  CorrectionDto,
) {}
export class AmendServiceMeasureReadingDto extends IntersectionType(
  PickType(RecordServiceMeasureReadingDto, ['measureId'] as const),
  PartialType(PickType(RecordServiceMeasureReadingDto, ['value', 'note'] as const)),
  CorrectionDto,
) {}
export class VoidServiceMeasureReadingDto extends IntersectionType(PickType(RecordServiceMeasureReadingDto, ['measureId'] as const), CorrectionDto) {}

export class AmendSurveyResponseDto extends IntersectionType(
  PickType(RecordSurveyResponseDto, ['projectId', 'participantId'] as const),
  PartialType(PickType(RecordSurveyResponseDto, ['answers'] as const)),
  CorrectionDto,
) {}
export class VoidSurveyResponseDto extends IntersectionType(PickType(RecordSurveyResponseDto, ['projectId', 'participantId'] as const), CorrectionDto) {}

export class AmendSetupActivityDto extends IntersectionType(
  PickType(RecordSetupActivityDto, ['projectId'] as const),
  PartialType(PickType(RecordSetupActivityDto, ['note'] as const)),
  CorrectionDto,
) {}
export class VoidSetupActivityDto extends IntersectionType(PickType(RecordSetupActivityDto, ['projectId'] as const), CorrectionDto) {}
export class AmendPrincipleReflectionDto extends IntersectionType(
  PickType(RecordPrincipleReflectionDto, ['projectId'] as const),
  PartialType(PickType(RecordPrincipleReflectionDto, ['reflection', 'madeADifference'] as const)),
  CorrectionDto,
) {}
export class VoidPrincipleReflectionDto extends IntersectionType(PickType(RecordPrincipleReflectionDto, ['projectId'] as const), CorrectionDto) {}
export class VoidProjectProposalNotAdoptedDto extends IntersectionType(PickType(RecordPrincipleReflectionDto, ['projectId'] as const), CorrectionDto) {}
/** Withdraws one recorded version of a story part (e.g. thanks naming a person who did not agree); the version before it is current again. */
export class VoidProjectStoryDto extends IntersectionType(PickType(RecordPrincipleReflectionDto, ['projectId'] as const), CorrectionDto) {}
