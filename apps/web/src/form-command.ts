import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { CommandResult, HandleDomainCommand, idempotentCommandId, InvalidInput, requestFingerprint } from '@coprod/application';
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
  constructor(private readonly commandBus: CommandBus) {}

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
    const dto = COMMAND_DTOS[type];
    const instance = plainToInstance(dto, data);
    const invalid = invalidFields(await validate(instance, { whitelist: true, forbidNonWhitelisted: true }));
    if (invalid.length > 0)
      return {
        errors: invalid.map((field) => formError(field.field, field.problems[0], context.labels)),
      };
    const commandData = { ...instance } as Record<string, unknown>;
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
      return { recorded };
    } catch (error) {
      if (error instanceof InvalidInput)
        return {
          errors: error.fields.map((field) => formError(field.field, field.problems[0], context.labels)),
        };
      if (error instanceof DomainError && error.kind !== 'forbidden')
        return {
          errors: [{ field: '', text: sentence(error.message), href: '#main-content' }],
        };
      throw error;
    }
  }
}

/** A new one-time key for a form: sending the same form twice records once. */
export const newFormKey = (): string => randomUUID();

function formError(path: string, problem: string, labels: Readonly<Record<string, string>>): FormError {
  const field = path.split('.')[0];
  const label = labels[path] ?? labels[field] ?? field;
  const text = sentence(problem.replace(new RegExp(`^${escapeRegExp(path.split('.').pop() ?? field)}\\b`), label));
  return { field, text, href: `#${field}` };
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
