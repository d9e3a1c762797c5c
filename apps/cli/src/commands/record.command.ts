import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import {
  APP_CONFIG,
  AppConfig,
  CommandResult,
  DeciderRegistry,
  HandleDomainCommand,
  idempotentCommandId,
  InvalidCommandInput,
  READ_MODELS,
  ReadModels,
  requestFingerprint,
} from '@coprod/application';
import { checkCommandDto } from '../import/command-dto-check';

/** Where the information came from, as the API's `X-Record-Source` says it; `cli` when not said. */
const RECORD_SOURCES = ['cli', 'paper'] as const;

export interface RecordOptions {
  data?: string;
  file?: string;
  source?: string;
  idempotencyKey?: string;
}

/**
 * `coprod record <CommandType> --data JSON`: records one command of the record from the command line,
 * such as a part of a project's story written up after the project closed. The data goes through the
 * DTO the API validates the same command with, then the command bus, so the permission, references,
 * rules and idempotency are those of `POST /api/commands/<CommandType>`; the actor is the local one
 * (COPROD_ACTOR, COPROD_ACTOR_ROLE).
 */
@Command({
  name: 'record',
  arguments: '<commandType>',
  description:
    'Record one command through the same validation, permission and rules as POST /api/commands/<CommandType>: coprod record RecordProjectStory --data \'{"projectId":"p-energy","part":"lessons","text":"...","recordedOn":"2026-12-04"}\' (or --file FILE.json)',
})
export class RecordCommand extends CommandRunner {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly deciders: DeciderRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {
    super();
  }

  async run([type]: string[], options: RecordOptions): Promise<void> {
    const result = await this.record(type, options);
    const what = result.eventTypes.length > 0 ? result.eventTypes.join(', ') : 'nothing new';
    console.log(
      result.duplicate
        ? `${type} was already recorded with this idempotency key (${result.stream}); nothing was recorded again`
        : `${type} recorded ${what} on ${result.stream} (event ${result.eventIds.join(', ')})`,
    );
  }

  /** Validates and records one command; refusals are thrown with the field or rule that refused it. */
  async record(type: string, options: RecordOptions): Promise<CommandResult> {
    this.deciders.forCommand(type);
    const source = options.source ?? 'cli';
    if (!(RECORD_SOURCES as readonly string[]).includes(source))
      throw new Error(`--source must be one of ${RECORD_SOURCES.join(', ')}; got "${source}"`);
    const body = commandBody(type, options);
    const { data, errors } = await checkCommandDto(type, body);
    if (errors.length > 0) throw new InvalidCommandInput(type, errors);
    const actor = this.config.localActor ?? { id: 'cli', role: 'administrator' };
    const keyed = options.idempotencyKey === undefined ? {} : { requestFingerprint: requestFingerprint(type, data) };
    const commandId = options.idempotencyKey === undefined ? randomUUID() : idempotentCommandId(actor.id, type, options.idempotencyKey);
    const result: CommandResult = await this.commandBus.execute(
      new HandleDomainCommand(
        { type, data, metadata: { commandId, now: new Date().toISOString(), actor } },
        { source, correlationId: randomUUID(), ...keyed },
      ),
    );
    // The next command run reads what this one recorded.
    await this.readModels.runtime.waitFor(result.position, 30_000).catch(() => undefined);
    return result;
  }

  @Option({ flags: '--data <json>', description: 'the command data as a JSON object (the body POST /api/commands/<CommandType> takes)' })
  parseData(value: string): string {
    return value;
  }

  @Option({ flags: '--file <file>', description: 'a JSON file holding the command data, instead of --data' })
  parseFile(value: string): string {
    return value;
  }

  @Option({ flags: '--source <source>', description: `where the information came from: ${RECORD_SOURCES.join(' or ')} (default cli)` })
  parseSource(value: string): string {
    return value;
  }

  @Option({ flags: '--idempotency-key <key>', description: 'run again with the same key and nothing is recorded twice' })
  parseIdempotencyKey(value: string): string {
    if (!/^[A-Za-z0-9._:-]{8,100}$/.test(value)) throw new Error('--idempotency-key must be 8 to 100 letters, digits or . _ : -');
    return value;
  }
}

/** The command data from --data or --file: one JSON object. */
function commandBody(type: string, options: RecordOptions): Record<string, unknown> {
  if ((options.data === undefined) === (options.file === undefined)) {
    throw new Error(`give the data of ${type} once, as --data '{...}' or --file FILE.json`);
  }
  const text = options.data ?? readFileSync(resolve(options.file!), 'utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new Error(`the data of ${type} is not JSON (${(error as Error).message}); give one JSON object`);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new Error(`the data of ${type} must be one JSON object with its fields`);
  return body as Record<string, unknown>;
}
