import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { CORRECTION_KINDS } from '@coprod/domain';
import { ChoiceField, FieldChangesField, TEXT_LIMITS, TextField } from './fields';

export class CorrectEventDto {
  @ApiProperty({ description: 'Stream of the event to correct', example: 'activity-act-energy-03' })
  @IsString()
  @Matches(/^[a-z]+-[A-Za-z0-9._:-]{1,200}$/, { message: '$property must be a stream name such as activity-act-energy-03' })
  stream: string;
  @ApiProperty({ description: 'Id of the event to correct', example: '7d0c8c1e-2f7b-8a3e-9c41-5b1f0e6a2d90' })
  @IsString()
  @Matches(/^[0-9a-f-]{36}$/, { message: '$property must be an event id (a UUID)' })
  eventId: string;
  @ChoiceField(CORRECTION_KINDS, { description: 'Void it, or amend some of its fields', example: 'amend' }) kind: string;
  @FieldChangesField({ description: 'New values of the fields amended (null for a void)', example: { minutes: 60 } }, { nullable: true }) changes: Record<string, unknown> | null = null;
  @TextField({ description: 'Why', example: 'Sign-in sheet shows she left at half time' }, TEXT_LIMITS.freeText) reason: string;
}
