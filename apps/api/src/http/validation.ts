import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { InvalidField } from './problem-details.filter';

/** Flattens class-validator's nested errors into one entry per invalid field path. */
export function invalidFields(errors: ValidationError[], parent = ''): InvalidField[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...invalidFields(error.children ?? [], field)];
  });
}

/** Validates and transforms every body and query against its DTO, listing every invalid field. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new BadRequestException({ errors: invalidFields(errors) }),
  });
}
