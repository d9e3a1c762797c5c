import { randomUUID } from 'node:crypto';
import { FormError } from '../form-command';

/** A posted form as Express reads it: every value a string, a repeated field a list. */
export type FormBody = Record<string, string | string[] | undefined>;

/** The body of a POST, or nothing when none came (a request that is not a form). */
export function formBody(body: unknown): FormBody {
  return body !== null && typeof body === 'object' ? (body as FormBody) : {};
}

/**
 * One text answer, trimmed of the spaces around it, each line break as one `\n`: a browser sends a textarea's
 * breaks as `\r\n` but counts them as one character, so without this a text its counter allowed is refused as too long.
 */
export function text(body: FormBody, name: string): string {
  const value = body[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).replace(/\r\n?/g, '\n').trim();
}

/** An optional text answer: null when left empty. */
export function optional(body: FormBody, name: string): string | null {
  const value = text(body, name);
  return value === '' ? null : value;
}

/** The boxes ticked in a group of checkboxes. */
export function ticked(body: FormBody, name: string): string[] {
  const value = body[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((v) => v.trim()).filter((v) => v !== '');
}

/** A yes-or-no question: true, false, or undefined when not answered. */
export function yesOrNo(body: FormBody, name: string): boolean | undefined {
  const value = text(body, name);
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/** A date typed as day, month and year (the GOV.UK date input), and what is wrong with it, in words. */
export interface DateAnswer {
  day: string;
  month: string;
  year: string;
  /** `2026-02-12`, or empty when none could be made. */
  iso: string;
  problem?: string;
}

/**
 * Reads the GOV.UK date input `name` (fields `name-day`, `name-month`, `name-year`). `what` names the
 * date as the question does ("the date the decision was taken"); an optional date may be left empty.
 */
export function dateAnswer(body: FormBody, name: string, what: string, required = true): DateAnswer {
  const parts = { day: text(body, `${name}-day`), month: text(body, `${name}-month`), year: text(body, `${name}-year`) };
  const answer = { ...parts, iso: '' };
  const missing = (['day', 'month', 'year'] as const).filter((part) => parts[part] === '');
  if (missing.length === 3) return required ? { ...answer, problem: `Enter ${what}` } : answer;
  const label = what.charAt(0).toUpperCase() + what.slice(1);
  if (missing.length > 0) return { ...answer, problem: `${label} must include a ${missing.join(' and a ')}` };
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d+$/.test(parts.year)) {
    return { ...answer, problem: `${label} must be a real date, in numbers, like 27 3 2026` };
  }
  if (parts.year.length !== 4) return { ...answer, problem: 'Year must include 4 numbers' };
  return { ...answer, iso: `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}` };
}

/** The day, month and year of a date already known, to fill a date input with. */
export function dateParts(iso: string | null | undefined): { day: string; month: string; year: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return match ? { year: match[1], month: String(Number(match[2])), day: String(Number(match[3])) } : { day: '', month: '', year: '' };
}

/** An amount typed in pounds (`36`, `36.5`, `£1,036.50`) as whole pence; undefined when it is not one. */
export function penceOf(typed: string): number | undefined {
  const match = /^£?\s*(\d{1,7})(?:\.(\d{1,2}))?$/.exec(typed.replace(/,/g, '').trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** An error on one field of a form, as the error summary and the field show it. */
export function fieldError(field: string, text: string, href = `#${field}`): FormError {
  return { field, text, href };
}

/** Errors by field, for the message under each field; a date's summary link goes to its day box. */
export function inline(errors: readonly FormError[], dateFields: readonly string[] = []): { errors: FormError[]; errorOf: Record<string, { text: string }> } {
  const errorOf: Record<string, { text: string }> = {};
  for (const error of errors) if (error.field && !errorOf[error.field]) errorOf[error.field] = { text: error.text };
  return {
    errors: errors.map((error) => (dateFields.includes(error.field) && error.href === `#${error.field}` ? { ...error, href: `#${error.field}-day` } : error)),
    errorOf,
  };
}

/**
 * A new record's id, made from the form's one-time key: sending the same form twice names the same
 * record, so the second sending is recognised as the first.
 */
export function idFromFormKey(prefix: string, formKey: string): string {
  const key = /^[A-Za-z0-9-]{13,100}$/.test(formKey) ? formKey : randomUUID();
  return `${prefix}-${key.slice(0, 13)}`;
}
