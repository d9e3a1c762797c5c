import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { CommandResult, HandleDomainCommand, idempotentCommandId, InvalidInput, READ_MODELS, ReadModels, requestFingerprint } from '@coprod/application';
import { DomainError } from '@coprod/domain';
import { COMMAND_DTOS } from '../../api/src/commands/dto';
import { RequestActor } from '../../api/src/http/request-actor';
import { invalidFields } from '../../api/src/http/validation';

/** An error as the GOV.UK error summary and the field's own message show it. */
export interface FormError {
  /** The form field's id, so the summary links to it. */
  field: string;
  text: string;
  href: string;
  /** The whole path of the invalid field (`personal.fields.name`), for a form whose inputs are nested. */
  path?: string;
  /** The rule's code when the record's rules refused the command (`activity.minutes_over_duration`). */
  code?: string;
}

/** What happened to a form's command: recorded (or recognised as sent before), or refused with errors to show. */
export type FormOutcome = { recorded: CommandResult } | { errors: FormError[] };

/**
 * Sends a form's command through the same path as the API: the command's DTO validates it, then the
 * command bus records it (decider, references, permission). The form's one-time key makes a second
 * submission of the same form record nothing new. Field names in errors become the words on the
 * form (`labels`); a refusal by the rules of the record is shown as it is worded.
 */
@Injectable()
export class FormCommand {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  async send(
    type: string,
    data: Record<string, unknown>,
    context: {
      actor: RequestActor;
      formKey?: string;
      labels: Readonly<Record<string, string>>;
      source?: string;
    },
  ): Promise<FormOutcome> {
    const errors = await this.check(type, data, context.labels);
    if (errors.length > 0) return { errors };
    const commandData = { ...plainToInstance(COMMAND_DTOS[type], data) } as Record<string, unknown>;
    const key = context.formKey && /^[A-Za-z0-9-]{8,100}$/.test(context.formKey) ? context.formKey : undefined;
    const commandId = key ? idempotentCommandId(context.actor.id, type, key) : randomUUID();
    try {
      const recorded: CommandResult = await this.commandBus.execute(
        new HandleDomainCommand(
          {
            type,
            data: commandData,
            metadata: {
              commandId,
              now: new Date().toISOString(),
              actor: context.actor,
            },
          },
          {
            source: context.source ?? 'web',
            correlationId: randomUUID(),
            ...(key ? { requestFingerprint: requestFingerprint(type, commandData) } : {}),
          },
        ),
      );
      // The page the form redirects to reads the read models: it shows what was just recorded.
      await this.readModels.runtime.waitFor(recorded.position).catch(() => undefined);
      return { recorded };
    } catch (error) {
      if (error instanceof InvalidInput)
        return {
          errors: error.fields.map((field) => formError(field.field, field.problems[0], context.labels)),
        };
      if (error instanceof DomainError && error.kind !== 'forbidden')
        return {
          errors: [{ field: '', text: sentence(error.message), href: '#main-content', code: error.code }],
        };
      throw error;
    }
  }

  /** What the command's DTO finds wrong with the data, recording nothing: a form sending several commands checks them all first. */
  async check(type: string, data: Record<string, unknown>, labels: Readonly<Record<string, string>>): Promise<FormError[]> {
    const invalid = invalidFields(await validate(plainToInstance(COMMAND_DTOS[type], data), { whitelist: true, forbidNonWhitelisted: true }));
    return invalid.map((field) => formError(field.field, field.problems[0], labels));
  }
}

/** A new one-time key for a form: sending the same form twice records once. */
export const newFormKey = (): string => randomUUID();

function formError(path: string, problem: string, labels: Readonly<Record<string, string>>): FormError {
  const field = path.split('.')[0];
  const label = labels[path] ?? labels[field] ?? field;
  const text = sentence(problem.replace(new RegExp(`^${escapeRegExp(path.split('.').pop() ?? field)}\\b`), label));
  return { field, text, href: `#${field}`, path };
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
