import { CORRECTION_KINDS, CorrectEvent, CorrectionKind } from '@coprod/domain';
import { Matches, MaxLength } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { ChoiceField, CommandBody, FieldChangesField, IdField, TEXT_LIMITS, TextField } from './fields';

/** A stream is `<aggregate>-<id>`; survey ids join a project and a participant id, so ids here run to 201 characters. */
const STREAM_NAME = /^[a-z]+-[A-Za-z0-9][A-Za-z0-9._:-]{0,200}$/;
const STREAM_NAME_LIMIT = 230;

/** Body of `POST /api/commands/CorrectEvent`. */
export class CorrectEventDto implements CommandBody<CorrectEvent> {
  @ApiProperty({ description: 'Stream holding the event to correct, as `<aggregate>-<id>`', example: 'activity-act-energy-05', pattern: STREAM_NAME.source, maxLength: STREAM_NAME_LIMIT })
  @Matches(STREAM_NAME, { message: '$property must be a stream name like activity-act-energy-05' })
  @MaxLength(STREAM_NAME_LIMIT)
  stream: string;
  @IdField({ description: 'Id of the event to correct', example: '0f9c2a4e-5b1d-4c7e-9a31-2d8e6f1b7c40' }) eventId: string;
  @ChoiceField(CORRECTION_KINDS, { description: 'void removes the event; amend changes some of its fields', example: 'amend' }) kind: CorrectionKind;
  @FieldChangesField(
    { description: 'For amend: the fields to change and their new values; for void: null', example: { minutes: 120 } },
    { nullable: true },
  )
  changes: Record<string, unknown> | null = null;
  @TextField({ description: 'Why the record changes', example: 'Sign-in sheet typed up wrongly: he left the workshop at lunch' }, TEXT_LIMITS.freeText)
  reason: string;
}
