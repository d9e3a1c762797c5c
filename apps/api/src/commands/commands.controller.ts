import { BadRequestException, Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Response } from 'express';
import { randomUUID } from 'node:crypto';
import {
  CommandResult,
  DeciderRegistry,
  HandleDomainCommand,
  idempotentCommandId,
  permissionForCommand,
  READ_MODELS,
  ReadModels,
  requestFingerprint,
} from '@coprod/application';
import { Requires } from '../auth/requires.decorator';
import { Actor, RequestActor } from '../http/request-actor';
import { invalidFields } from '../http/validation';
import { COMMAND_DTOS } from './dto';

const SOURCES = ['api', 'web', 'paper', 'import'] as const;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,100}$/;
/** An `If-Match` naming a stream revision, as the `ETag` of a command's answer gives it: `"3"`, or `"-1"` for a record that must not exist yet. */
const EXPECTED_REVISION = /^(?:W\/)?"?(-1|0|[1-9]\d{0,14})"?$/;

/**
 * Records any command of the co-production record. The body is the command's data, validated
 * against its DTO; nothing is stored unless it is valid. The answer comes once the read models
 * include the new events, so a read straight after a write sees it.
 */
@ApiTags('commands')
@Controller('api/commands')
export class CommandsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly deciders: DeciderRegistry,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  @Post(':type')
  @HttpCode(201)
  @Requires((request) => permissionForCommand(String(request.params.type)))
  @ApiOperation({
    summary: 'Record a command (RegisterProject, RecordAttendance, ClaimExpense, ...)',
    description:
      'Corrections are commands of the record that owns the event (AmendAttendance, VoidAttendance, AmendSessionHeld, AmendServiceMeasureReading, AmendSurveyResponse, VoidInfluence, ...): each names the event (eventId) and why (reason), needs the permission of the command that recorded it, and is checked by the same rules. Money is corrected by WithdrawExpenseApproval and ReverseExpensePayment, never by rewriting an amount.',
  })
  @ApiParam({ name: 'type', description: 'Command type', example: 'RecordAttendance' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Repeat a request with the same key: the first result is returned and nothing is recorded twice. A key belongs to its caller and command type; the same key with a different body is refused (422)',
  })
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      'The revision of the record the caller decided on (the ETag of an earlier answer, such as "3"; "-1" for a record that must not exist yet): if the record has changed since, nothing is recorded and the answer is 409. Without it, commands that do not conflict are all recorded however many arrive at once',
  })
  @ApiHeader({ name: 'X-Record-Source', required: false, description: 'Where the information came from: api (default), web, paper, import' })
  @ApiBody({ description: 'The command data; see the schemas named <CommandType>Dto' })
  async record(
    @Param('type') type: string,
    @Body() body: unknown,
    @Actor() actor: RequestActor,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Headers('x-record-source') source: string | undefined,
    @Headers('x-correlation-id') correlationId: string | undefined,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CommandResult> {
    this.deciders.forCommand(type);
    const dto = COMMAND_DTOS[type];
    if (!dto) throw new BadRequestException(`command ${type} cannot be recorded over HTTP`);
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new BadRequestException({ errors: [{ field: 'Idempotency-Key', problems: ['must be 8 to 100 letters, digits or . _ : -'] }] });
    }
    if (source !== undefined && !SOURCES.includes(source as never)) {
      throw new BadRequestException({ errors: [{ field: 'X-Record-Source', problems: [`must be one of ${SOURCES.join(', ')}`] }] });
    }
    const expected = ifMatch === undefined ? undefined : EXPECTED_REVISION.exec(ifMatch.trim());
    if (expected === null) {
      throw new BadRequestException({
        errors: [
          {
            field: 'If-Match',
            problems: ['must be the revision the request was decided on, such as "3" (the ETag of an earlier answer), or "-1" for a new record'],
          },
        ],
      });
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new BadRequestException({ errors: [{ field: 'body', problems: ['must be a JSON object with the command data'] }] });
    }
    const data: object = plainToInstance(dto, body as object);
    const errors = await validate(data, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) throw new BadRequestException({ errors: invalidFields(errors) });

    const commandData = { ...data };
    const keyed = idempotencyKey === undefined ? {} : { requestFingerprint: requestFingerprint(type, commandData) };
    const commandId = idempotencyKey === undefined ? randomUUID() : idempotentCommandId(actor.id, type, idempotencyKey);
    const result = await this.commandBus.execute(
      new HandleDomainCommand(
        { type, data: commandData, metadata: { commandId, now: new Date().toISOString(), actor } },
        {
          source: source ?? 'api',
          correlationId: correlationId && correlationId.length <= 100 ? correlationId : randomUUID(),
          ...keyed,
          ...(expected ? { expectedRevision: Number(expected[1]) } : {}),
        },
      ),
    );
    await this.readModels.runtime.waitFor(result.position).catch(() => response.setHeader('X-Read-Models-Lagging', 'true'));
    response.setHeader('ETag', `"${result.nextExpectedRevision}"`);
    if (result.duplicate) response.status(200);
    return result;
  }
}
