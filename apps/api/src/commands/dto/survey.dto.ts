import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmptyObject, Max, Min, ValidateIf } from 'class-validator';
import { LIKERT_MAX, LIKERT_MIN, RecordSurveyResponse, SURVEY_PHASES, SurveyItem, SurveyPhase } from '@coprod/domain';
import { ChoiceField, CommandBody, DateField, IdField, NestedField } from './fields';
import { REFERENCE_DOCS } from './reference-docs';

/** One Likert answer, which may be left out; declared properties leave no key behind when omitted. */
function Answer(description: string, example: number): PropertyDecorator {
  const rule = `$property must be a whole number from ${LIKERT_MIN} to ${LIKERT_MAX}`;
  return applyDecorators(
    ApiPropertyOptional({ description, example, type: 'integer', minimum: LIKERT_MIN, maximum: LIKERT_MAX }),
    ValidateIf((_, value) => value !== undefined),
    IsInt({ message: rule }),
    Min(LIKERT_MIN, { message: rule }),
    Max(LIKERT_MAX, { message: rule }),
  );
}

/** Answers on the Likert scale, one per survey item the person answered. Unknown items are refused. */
export class SurveyAnswersDto implements Partial<Record<SurveyItem, number>> {
  @Answer('I am confident working in partnership with the council (1 disagree strongly, 5 agree strongly)', 4)
  declare confidence_in_partnership?: number;
  @Answer('I have the skills and knowledge to take part (1 disagree strongly, 5 agree strongly)', 3)
  declare skills_and_knowledge?: number;
  @Answer('I can influence what the council decides (1 disagree strongly, 5 agree strongly)', 4)
  declare sense_of_influence?: number;
}

/** Body of `POST /api/commands/RecordSurveyResponse`. */
export class RecordSurveyResponseDto implements CommandBody<RecordSurveyResponse> {
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @IdField(REFERENCE_DOCS.participantId) participantId: string;
  @IdField({ description: 'Id of the response (e.g. the paper form number)', example: 'svy-energy-pre-003' }) responseId: string;
  @ChoiceField(SURVEY_PHASES, { description: 'Before (pre) or after (post) taking part', example: 'pre' }) phase: SurveyPhase;
  @NestedField(() => SurveyAnswersDto, {
    description: 'Answers by survey item, each a whole number on the Likert scale; at least one',
    example: { confidence_in_partnership: 2, skills_and_knowledge: 3, sense_of_influence: 2 },
  })
  @IsNotEmptyObject({ nullable: false }, { message: '$property must answer at least one survey item' })
  answers: SurveyAnswersDto;
  @DateField({ description: 'When the person responded', example: '2026-01-20' }) respondedOn: string;
}
