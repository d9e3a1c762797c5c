import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { AccessLog, AccessLogEntry } from '@coprod/application';
import { Requires } from '../auth/requires.decorator';
import { ID_PATTERN } from '../commands/dto/fields';

/** Which reads to list. */
export class AccessLogQuery {
  @ApiProperty({ required: false, description: 'only reads at or after this date or instant', example: '2026-05-01' })
  @IsOptional()
  @IsISO8601({}, { message: 'since must be a date or instant such as 2026-05-01' })
  since?: string;

  @ApiProperty({ required: false, description: 'only reads of this participant (or project, for reports)', example: 'part-001' })
  @IsOptional()
  @Matches(ID_PATTERN, { message: 'subject must be an id such as part-001' })
  subject?: string;

  @ApiProperty({ required: false, description: 'at most this many entries, oldest first (default 1000)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10000)
  limit?: number;
}

/** The log of reads of personal data, for the auditor: who read whose, when, and by which route. */
@ApiTags('access log')
@Controller('api/access-log')
export class AccessLogController {
  constructor(private readonly log: AccessLog) {}

  @Get()
  @Requires('read_access_log')
  @ApiOperation({
    summary: 'Every read of personal data (subject access, participant details, internal-audience reports): who, what, about whom, when, which route',
  })
  list(@Query() query: AccessLogQuery): AccessLogEntry[] {
    return this.log.list({ since: query.since, subject: query.subject, limit: query.limit ?? 1000 });
  }
}
