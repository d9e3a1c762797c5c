import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { z } from 'zod';

/** Longest accepted text of each kind, in characters. */
export const TEXT_LIMITS = { id: 100, title: 300, freeText: 5000 } as const;

/** Ids are chosen by the caller, so they must be safe in stream names, URLs and file names. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;
const ID_RULE = '1 to 100 letters, digits or . _ : - (starting with a letter or digit)';

/** The longest a person can take part in one session: a day. */
export const MINUTES_IN_A_DAY = 24 * 60;

/** What the OpenAPI document says about a field: both are required so every schema is useful. */
export interface FieldDoc {
  description: string;
  example: unknown;
}

/**
 * `nullable`: the field may be null, and omitted means null (the DTO property is initialised to null).
 * `omittable`: the field may be left out but never be null (the DTO property is `declare`d so no key is left behind).
 */
export interface Presence {
  nullable?: boolean;
  omittable?: boolean;
}

function documented(doc: FieldDoc, presence: Presence, schema: Record<string, unknown>): PropertyDecorator {
  if (presence.nullable) {
    return applyDecorators(ApiPropertyOptional({ ...doc, ...schema, nullable: true, default: null }), IsOptional());
  }
  if (presence.omittable) {
    return applyDecorators(ApiPropertyOptional({ ...doc, ...schema }), ValidateIf((_, value) => value !== undefined));
  }
  return ApiProperty({ ...doc, ...schema });
}

/** An id of something in the record (a project, participant, activity, ...). */
export function IdField(doc: FieldDoc, presence: Presence = {}): PropertyDecorator {
  return applyDecorators(
    documented(doc, presence, { type: String, pattern: ID_PATTERN.source, maxLength: TEXT_LIMITS.id }),
    IsString(),
    Matches(ID_PATTERN, { message: `$property must be ${ID_RULE}` }),
  );
}

/** A list of ids, each at most once. */
export function IdListField(doc: FieldDoc, limits: { maxItems: number; atLeastOne?: boolean }): PropertyDecorator {
  const decorators = [
    ApiProperty({ ...doc, type: [String], maxItems: limits.maxItems, minItems: limits.atLeastOne ? 1 : 0, uniqueItems: true }),
    IsArray(),
    ArrayMaxSize(limits.maxItems),
    ArrayUnique({ message: '$property must not name the same id twice' }),
    IsString({ each: true }),
    Matches(ID_PATTERN, { each: true, message: `each of $property must be ${ID_RULE}` }),
  ];
  if (limits.atLeastOne) decorators.push(ArrayNotEmpty());
  return applyDecorators(...decorators);
}

/** Text written by a person: not blank, at most `maxLength` characters. */
export function TextField(doc: FieldDoc, maxLength: number, presence: Presence = {}): PropertyDecorator {
  return applyDecorators(
    documented(doc, presence, { type: String, minLength: 1, maxLength }),
    IsString(),
    Matches(/\S/, { message: '$property must not be empty or only spaces' }),
    MaxLength(maxLength, { message: `$property must be at most ${maxLength} characters` }),
  );
}

/** A real calendar date, or a date and time that says its offset from UTC (to the second or to the minute). */
const CALENDAR_MOMENT = z.union([z.iso.date(), z.iso.datetime({ offset: true }), z.iso.datetime({ offset: true, precision: -1 })]);
const DATE_PART = /^(\d{4})-(\d{2})-(\d{2})/;
const WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why `value` is not a date this API accepts, in words; undefined when it is one. Accepted: a real
 * calendar date (`2026-03-10`) or a date and time with its offset (`2026-03-10T10:00:00Z`,
 * `2026-03-10T10:00:00.000+01:00`, `2026-03-10T10:00Z`).
 */
export function dateProblem(value: unknown): string | undefined {
  if (CALENDAR_MOMENT.safeParse(value).success) return undefined;
  const text = typeof value === 'string' ? value : '';
  const [, year, month, day] = DATE_PART.exec(text) ?? [];
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return `has month ${month}; months run from 01 to 12`;
  if (day !== undefined) {
    const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
    if (Number(day) < 1 || Number(day) > days) return `is not a day in the calendar: ${MONTHS[Number(month) - 1]} ${year} has ${days} days`;
  }
  if (WITHOUT_OFFSET.test(text)) return 'has a time but no offset from UTC; end it with Z (UTC) or an offset like +01:00';
  return 'must be a date like 2026-03-10, or a date and time with its offset like 2026-03-10T10:00:00Z';
}

/** Validates a value with dateProblem, naming the property and the reason. */
export function IsCalendarMoment(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarMoment',
    validator: {
      validate: (value: unknown) => dateProblem(value) === undefined,
      defaultMessage: (args) => `$property ${dateProblem(args?.value)}`,
    },
  });
}

/** A date or date and time in ISO 8601 (`2026-03-10` or `2026-03-10T10:00:00Z`); a time must carry its offset. */
export function DateField(doc: FieldDoc, presence: Presence = {}): PropertyDecorator {
  return applyDecorators(
    documented({ ...doc, description: `${doc.description} (ISO 8601 date, or date and time with its offset)` }, presence, { type: String }),
    IsCalendarMoment(),
  );
}

/** A whole number of minutes, from 1 to a day. */
export function MinutesField(doc: FieldDoc): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ ...doc, type: 'integer', minimum: 1, maximum: MINUTES_IN_A_DAY }),
    IsInt({ message: '$property must be a whole number of minutes' }),
    Min(1, { message: '$property must be at least 1 minute' }),
    Max(MINUTES_IN_A_DAY, { message: `$property must be at most ${MINUTES_IN_A_DAY} minutes (a day)` }),
  );
}

/** An amount of money in whole pence. */
export function PenceField(doc: FieldDoc): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ ...doc, type: 'integer', minimum: 1 }),
    IsInt({ message: '$property must be a whole number of pence (for £12.50 send 1250)' }),
    Min(1, { message: '$property must be at least 1 penny' }),
  );
}

/** Any finite number (a service measure's baseline or reading). */
export function NumberField(doc: FieldDoc): PropertyDecorator {
  return applyDecorators(ApiProperty({ ...doc, type: Number }), IsNumber({ allowNaN: false, allowInfinity: false }));
}

/** True or false. */
export function FlagField(doc: FieldDoc): PropertyDecorator {
  return applyDecorators(ApiProperty({ ...doc, type: Boolean }), IsBoolean());
}

/** One value of a vocabulary list. */
export function ChoiceField(choices: readonly string[], doc: FieldDoc): PropertyDecorator {
  return applyDecorators(ApiProperty({ ...doc, enum: [...choices] }), IsIn([...choices]));
}

/** Several values of a vocabulary list, each at most once. */
export function ChoiceListField(choices: readonly string[], doc: FieldDoc, limits: { atLeastOne?: boolean } = {}): PropertyDecorator {
  const decorators = [
    ApiProperty({ ...doc, enum: [...choices], isArray: true, uniqueItems: true, minItems: limits.atLeastOne ? 1 : 0 }),
    IsArray(),
    ArrayMaxSize(choices.length),
    ArrayUnique({ message: '$property must not name the same value twice' }),
    IsIn([...choices], { each: true, message: `each of $property must be one of: ${choices.join(', ')}` }),
  ];
  if (limits.atLeastOne) decorators.push(ArrayNotEmpty());
  return applyDecorators(...decorators);
}

/** Short labels chosen by the council (seldom-heard groups), each at most once. */
export function LabelListField(doc: FieldDoc, maxItems: number): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ ...doc, type: [String], maxItems, uniqueItems: true }),
    IsArray(),
    ArrayMaxSize(maxItems),
    ArrayUnique({ message: '$property must not name the same group twice' }),
    IsString({ each: true }),
    Matches(ID_PATTERN, { each: true, message: `each of $property must be ${ID_RULE}` }),
  );
}

/** An object validated against its own DTO class; unknown properties inside it are refused too. */
export function NestedField(nestedType: () => new () => object, doc: FieldDoc): PropertyDecorator {
  // Swagger recognises a lazy type only by the name an arrow gets from a `type:` key.
  return applyDecorators(ApiProperty({ ...doc, type: () => nestedType() }), IsObject(), ValidateNested(), Type(nestedType));
}

/** The data of a domain command, which its DTO implements so the two cannot drift apart. */
export type CommandBody<C extends { data: object }> = C['data'];
