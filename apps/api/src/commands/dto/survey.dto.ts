import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LIKERT_MAX, LIKERT_MIN, SURVEY_PHASES } from '@coprod/domain';
import { ChoiceField, DateField, IdField, NestedField } from './fields';


export class SurveyAnswersDto {
  @ApiPropertyOptional({ description: 'Confidence working in partnership (1-5)', example: 4 })
  @IsOptional()
  @IsInt({ message: '$property must be a whole number from 1 to 5' })
  @Min(LIKERT_MIN)
  @Max(LIKERT_MAX)
  declare confidence_in_partnership?: number;
  @ApiPropertyOptional({ description: 'Skills and knowledge (1-5)', example: 3 })
  @IsOptional()
  @IsInt({ message: '$property must be a whole number from 1 to 5' })
  @Min(LIKERT_MIN)
  @Max(LIKERT_MAX)
  declare skills_and_knowledge?: number;
  @ApiPropertyOptional({ description: 'Sense of influence (1-5)', example: 4 })
  @IsOptional()
  @IsInt({ message: '$property must be a whole number from 1 to 5' })
  @Min(LIKERT_MIN)
  @Max(LIKERT_MAX)
  declare sense_of_influence?: number;
}

export class RecordSurveyResponseDto {
  @IdField({ description: 'Project', example: 'p-energy' }) projectId: string;
  @IdField({ description: 'Participant', example: 'part-003' }) participantId: string;
  @IdField({ description: 'New response id', example: 'sr-energy-003-pre' }) responseId: string;
  @ChoiceField(SURVEY_PHASES, { description: 'Before or after taking part', example: 'pre' }) phase: string;
  @NestedField(() => SurveyAnswersDto, { description: 'Answers on a 1-5 scale', example: { confidence_in_partnership: 2 } }) answers: SurveyAnswersDto;
  @DateField({ description: 'When they answered', example: '2026-02-10' }) respondedOn: string;
}
