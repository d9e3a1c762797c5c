/**
 * Why a command was refused. `kind` lets the edges answer well: `not_found` (404),
 * `conflict` (409: the record is not in a state that allows it), `rule` (422: it makes no sense),
 * `forbidden` (403: not by this person).
 */
export type DomainErrorKind = 'not_found' | 'conflict' | 'rule' | 'forbidden';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable machine-readable code, e.g. `expense.already_paid`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const conflict = (code: string, message: string) => new DomainError('conflict', code, message);
export const ruleBroken = (code: string, message: string) => new DomainError('rule', code, message);
export const forbidden = (code: string, message: string) => new DomainError('forbidden', code, message);

/** Refuses a value outside its vocabulary, naming the field and what it may be: every way in meets the same check. */
export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): asserts value is T {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw ruleBroken('value.not_allowed', `${field} "${String(value)}" is not one of ${allowed.join(', ')}`);
  }
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/** Refuses a date that is not a real calendar date (2026-02-30) or a date-time without an offset. */
export function requireCalendarDate(value: unknown, field: string): asserts value is string {
  const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const real = match !== null && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!real || Number.isNaN(Date.parse(value as string))) {
    throw ruleBroken('value.not_a_date', `${field} "${String(value)}" is not a real calendar date (YYYY-MM-DD, or a date-time with its offset)`);
  }
}
