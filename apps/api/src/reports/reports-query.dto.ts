import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CASE_STUDY_AUDIENCES, HISTORY_SUBJECT_KINDS, type CaseStudyAudience, type HistorySubjectKind } from '@coprod/reporting/builders';
import { ID_PATTERN } from '../commands/dto/fields';
import { IsKnownAt, OutcomesQueryDto } from '../outcomes/outcomes-query.dto';

/** The framework and both clocks of a committee extract. */
export class CommitteeReportQueryDto extends OutcomesQueryDto {}

/** The framework, both clocks and the audience of a case study. */
export class CaseStudyQueryDto extends OutcomesQueryDto {
  @ApiPropertyOptional({ description: 'Who the case study is for: decides which quotes consent allows', enum: CASE_STUDY_AUDIENCES, default: 'public' })
  @IsOptional()
  @IsIn(CASE_STUDY_AUDIENCES, { message: `audience must be one of ${CASE_STUDY_AUDIENCES.join(', ')}` })
  audience?: CaseStudyAudience;
}

/** A history is of everything recorded up to a point: only the knownAt clock applies. */
export class HistoryReportQueryDto {
  @ApiPropertyOptional({ description: 'As recorded up to this global position, date, or date and time with its offset; not beyond the latest', example: '1200' })
  @IsOptional()
  @IsKnownAt()
  knownAt?: string;
}

/** Whose history is asked for. */
export class HistoryReportParams {
  @IsIn(HISTORY_SUBJECT_KINDS, { message: `kind must be one of ${HISTORY_SUBJECT_KINDS.join(', ')}` })
  kind: HistorySubjectKind;

  @Matches(ID_PATTERN, { message: 'id must be an id such as p-energy: letters, digits and . _ : - (at most 100)' })
  id: string;
}
