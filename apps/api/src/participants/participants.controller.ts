import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiProduces, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Request, Response } from 'express';
import { ErasureResult, ParticipantErasure, SubjectAccess } from '@coprod/application';
import { SubjectAccessRecord } from '@coprod/privacy';
import { Requires } from '../auth/requires.decorator';
import { ID_PATTERN } from '../commands/dto/fields';
import { Actor, RequestActor } from '../http/request-actor';

/** Whose record is asked for. */
export class ParticipantParams {
  @Matches(ID_PATTERN, { message: 'participantId must be a participant id such as part-001' })
  participantId: string;
}

/** Why the participant is being erased (recorded on the event, so never their personal details). */
export class ErasureDto {
  @ApiProperty({ required: false, description: 'Why, in a few words; recorded on ParticipantErased', example: 'erasure requested by the participant by letter' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;

/** A participant's rights over their record: a copy of everything held (subject access) and erasure. */
@ApiTags('participants')
@Controller('api/participants/:participantId')
export class ParticipantsController {
  constructor(
    private readonly subjectAccess: SubjectAccess,
    private readonly erasure: ParticipantErasure,
  ) {}

  @Get('subject-access')
  @Requires('read_personal')
  @ApiOperation({
    summary: 'Everything held about one participant, their details opened, and every report that carried their words: Markdown by default, JSON with Accept: application/json',
  })
  @ApiProduces('text/markdown', 'application/json')
  async export(@Param() params: ParticipantParams, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string | SubjectAccessRecord> {
    const exported = await this.subjectAccess.export(params.participantId);
    response.setHeader('Cache-Control', 'no-store');
    if (request.accepts(['text/markdown', 'application/json']) === 'application/json') return exported.json;
    response.type('text/markdown; charset=utf-8');
    return exported.markdown;
  }

  @Post('erasure')
  @HttpCode(201)
  @Requires('erase')
  @ApiOperation({ summary: "Erase a participant: record ParticipantErased, then destroy their key so their details and words can never be read again" })
  @ApiBody({ type: ErasureDto, required: false })
  erase(
    @Param() params: ParticipantParams,
    @Body() body: ErasureDto,
    @Actor() actor: RequestActor,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ): Promise<ErasureResult> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new BadRequestException({ errors: [{ field: 'Idempotency-Key', problems: ['must be 8 to 100 letters, digits or . _ : -'] }] });
    }
    return this.erasure.erase({ participantId: params.participantId, reason: body?.reason, actor, source: 'api', commandId: idempotencyKey });
  }
}
