import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches, ValidateBy } from 'class-validator';
import { dateProblem, IsCalendarMoment } from '../commands/dto/fields';

const POSITION = /^\d+$/;

/** A global position (a whole number), a real calendar date, or a date and time with its offset. */
export function IsKnownAt(): PropertyDecorator {
  return ValidateBy({
    name: 'isKnownAt',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && (POSITION.test(value) || dateProblem(value) === undefined),
      defaultMessage: (args) =>
        typeof args?.value === 'string' && /^\d{4}-/.test(args.value)
          ? `$property ${dateProblem(args.value)}`
          : '$property must be a global position (a whole number), a date (2026-06-30) or a date and time with its offset (2026-06-30T17:00:00Z)',
    },
  });
}

/** The two clocks and the framework of an outcome query. */
export class OutcomesQueryDto {
  @ApiPropertyOptional({ description: 'Framework to report against (default: the project’s own)', example: 'west-berkshire' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'framework must be a framework id such as west-berkshire' })
  framework?: string;

  @ApiPropertyOptional({ description: 'What had happened by this date, or date and time with its offset (by when it happened)', example: '2026-06-30' })
  @IsOptional()
  @IsCalendarMoment()
  asOf?: string;

  @ApiPropertyOptional({ description: 'As recorded up to this global position, date, or date and time with its offset; not beyond the latest', example: '1200' })
  @IsOptional()
  @IsKnownAt()
  knownAt?: string;
}
