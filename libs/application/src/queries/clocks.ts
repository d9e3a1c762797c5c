import type { RecordReader } from '@coprod/projections';
import { requireCalendarDate } from '@coprod/domain';
import { InvalidInput } from '../commands/command-input';

/** The two clocks of every figure: what had happened by `asOf`, as recorded up to `knownAt`. */
export interface Clocks {
  /** Inclusive end of the period, by when things happened (ISO instant). */
  asOf: string;
  /** Last global position included, by when things were recorded. */
  knownAtPosition: number;
  /** How the caller expressed knownAt, echoed back. */
  knownAt: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether an answer is asked as of the moment it is given (no asOf of its own). */
export function isAsOfNow(asOf: string | undefined): asOf is undefined | '' {
  return asOf === undefined || asOf === '';
}

/**
 * Turns the caller's `asOf` (a date or instant; default: now) and `knownAt` (a global position,
 * a date or an instant; default: everything recorded) into comparable bounds.
 */
export function resolveClocks(record: Pick<RecordReader, 'head' | 'positionRecordedBy'>, now: string, asOf?: string, knownAt?: string): Clocks {
  const asOfInstant = isAsOfNow(asOf) ? now : toInstant(asOf, 'asOf', true);
  const last = record.head();
  const head = last?.position ?? 0;
  if (knownAt === undefined || knownAt === '') return { asOf: asOfInstant, knownAtPosition: head, knownAt: `position ${head}` };
  if (/^\d+$/.test(knownAt)) {
    if (Number(knownAt) > head) {
      throw knownAtRefused(`is position ${knownAt}, beyond the latest position recorded (${head}); ask for ${head} or earlier`);
    }
    return { asOf: asOfInstant, knownAtPosition: Number(knownAt), knownAt: `position ${knownAt}` };
  }
  const instant = toInstant(knownAt, 'knownAt', true);
  // A date covers its whole day, so today is never in the future. A record replayed with its own
  // recording dates (the demo) may run past the clock: up to its last recorded moment is not the future.
  const startsAt = DATE.test(knownAt) ? Date.parse(knownAt) : Date.parse(instant);
  const present = Math.max(now === '' ? Date.now() : Date.parse(now), last ? Date.parse(last.recordedAt) : 0);
  if (startsAt > present) {
    throw knownAtRefused(`is ${knownAt}, which is in the future; ask for a moment up to now`);
  }
  return { asOf: asOfInstant, knownAtPosition: record.positionRecordedBy(instant), knownAt: instant };
}

function knownAtRefused(problem: string): InvalidInput {
  return new InvalidInput([{ field: 'knownAt', problems: [problem] }], 'the question cannot be answered');
}

/** A clock given by any way in (HTTP, CLI) must be a real calendar date or a date-time with its offset: never rolled over. */
function toInstant(value: string, name: string, endOfDay: boolean): string {
  try {
    requireCalendarDate(value, name);
  } catch {
    const expected = `a real calendar date (2026-06-30), a date-time with its offset (2026-06-30T17:00:00Z)${name === 'knownAt' ? ' or a global position (a whole number)' : ''}`;
    throw new InvalidInput([{ field: name, problems: [`must be ${expected}; got "${value}"`] }], 'the question cannot be answered');
  }
  if (DATE.test(value)) return endOfDay ? `${value}T23:59:59.999Z` : `${value}T00:00:00.000Z`;
  return new Date(Date.parse(value)).toISOString();
}
