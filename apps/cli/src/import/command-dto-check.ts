import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { CommandDtoCheck } from '@coprod/application/import';
import { COMMAND_DTOS } from '../../../api/src/commands/dto';
import { invalidFields } from '../../../api/src/http/validation';

/**
 * A row's command through the DTO the HTTP API validates the same command with: the data as the DTO
 * reads it (class defaults filled in, unknown fields refused) and every invalid field.
 */
export const checkCommandDto: CommandDtoCheck = async (type, data) => {
  const dto = COMMAND_DTOS[type];
  if (!dto) throw new Error(`command ${type} has no DTO, so it cannot be imported`);
  const instance = plainToInstance(dto, data);
  const errors = invalidFields(await validate(instance, { whitelist: true, forbidNonWhitelisted: true }));
  return { data: { ...instance } as Record<string, unknown>, errors };
};
