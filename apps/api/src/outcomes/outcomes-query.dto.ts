import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** The two clocks and the framework of an outcome query. */
export class OutcomesQueryDto {
  @ApiPropertyOptional({ description: 'Framework to report against (default: the project’s own)', example: 'west-berkshire' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'framework must be a framework id such as west-berkshire' })
  framework?: string;

  @ApiPropertyOptional({ description: 'What had happened by this date or instant (by when it happened)', example: '2026-06-30' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/, { message: 'asOf must be a date (2026-06-30) or an ISO instant' })
  asOf?: string;

  @ApiPropertyOptional({ description: 'As recorded up to this global position, date or instant', example: '1200' })
  @IsOptional()
  @Matches(/^(\d+|\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?)$/, { message: 'knownAt must be a global position (a whole number), a date or an ISO instant' })
  knownAt?: string;
}
