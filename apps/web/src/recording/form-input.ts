import { createHash, randomBytes } from 'node:crypto';
import { FormError } from '../form-command';

/** A posted form as express reads it: a repeated name arrives as a list. */
export type FormBody = Record<string, string | string[] | undefined>;

/** One field's text, trimmed, each line break as one `\n` (as the page's character count counts it); empty when the field was not sent. */
export function text(body: FormBody, name: string): string {
  const value = body[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).replace(/\r\n?/g, '\n').trim();
}

/** An optional text: null when left empty, as the commands expect. */
export function optional(body: FormBody, name: string): string | null {
  return text(body, name) || null;
}

/** Every value sent for a group of checkboxes. */
export function list(body: FormBody, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter((v) => v !== '');
}

/** A whole number typed by a person ("90", " 90 ", "1,200"); anything else is passed on as typed so the command's own check names the field. */
export function whole(value: string): number | string {
  const plain = value.replace(/[,\s]/g, '');
  return /^-?\d+$/.test(plain) ? Number(plain) : value;
}

/** A number typed by a person, decimals allowed. */
export function numeric(value: string): number | string {
  const plain = value.replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : value;
}

/** "yes" or "no" from a pair of radios; undefined when neither was chosen. */
export function yesNo(body: FormBody, name: string): boolean | undefined {
  const value = text(body, name);
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/** The three boxes of a GOV.UK date input, as typed, for showing them again. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function dateParts(body: FormBody, name: string): DateParts {
  return { day: text(body, `${name}-day`), month: text(body, `${name}-month`), year: text(body, `${name}-year`) };
}

/** A date's parts from an ISO date or instant (in UK time), for filling a date input. */
export function partsOf(iso: string | null | undefined): DateParts {
  if (!iso) return { day: '', month: '', year: '' };
  const day = ukDate(iso);
  const [year, month, date] = day.split('-');
  return { day: String(Number(date)), month: String(Number(month)), year };
}

/**
 * The date a GOV.UK date input holds, as `2026-03-10`, or what is missing in words (`must include a
 * month`) and which box to point at. A date that is not in the calendar is left for the command's own check to name.
 */
export function dateFrom(parts: DateParts, what: string): { date: string } | { problem: string; part: keyof DateParts } {
  const missing = (['day', 'month', 'year'] as const).filter((part) => parts[part] === '');
  if (missing.length === 3) return { problem: `Enter ${what}`, part: 'day' };
  if (missing.length > 0) return { problem: `${sentence(what)} must include a ${missing.join(' and a ')}`, part: missing[0] };
  const wrong = (['day', 'month', 'year'] as const).find((part) => !/^\d+$/.test(parts[part]));
  if (wrong) return { problem: `${sentence(what)} must be a real date, in numbers`, part: wrong };
  if (parts.year.length !== 4) return { problem: `${sentence(what)}: the year must be 4 numbers, like 2026`, part: 'year' };
  return { date: `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}` };
}

/** The error of a date input, beside the box that needs changing (the day box when it is the whole date). */
export function dateError(name: string, refused: { problem: string; part: keyof DateParts }): FormError {
  return fieldError(`${name}-${refused.part}`, refused.problem);
}

/** A time typed as `10:00`, `9.30`, `2pm` or `14:30`, as `HH:MM`; undefined when it is not a time. */
export function timeFrom(value: string): string | undefined {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(value.trim());
  if (!match) return undefined;
  let hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  const half = match[3]?.toLowerCase();
  if (half && (hours < 1 || hours > 12)) return undefined;
  if (half === 'pm' && hours < 12) hours += 12;
  if (half === 'am' && hours === 12) hours = 0;
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

/** A date and a time in UK time, as an instant with its offset from UTC (`2026-07-01T10:00:00+01:00`). */
export function ukInstant(date: string, time: string): string {
  const offset = ukOffset(`${date}T${time}:00Z`);
  return `${date}T${time}:00${offset}`;
}

/** The date in the UK of an instant or a plain date. */
export function ukDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The time in the UK of an instant, as `HH:MM`; empty for a plain date. */
export function ukTime(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

/** A date as people read it: `10 March 2026`, with the time when there is one (`10 March 2026, 10:00`). */
export function readable(iso: string | null | undefined, withTime = false): string {
  if (!iso) return '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  const time = withTime ? ukTime(iso) : '';
  return time ? `${day}, ${time}` : day;
}

function ukOffset(instant: string): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(instant))
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-]\d{1,2})?(?::(\d{2}))?/.exec(name ?? '');
  if (!match?.[1]) return 'Z';
  const hours = Number(match[1]);
  return `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:${match[2] ?? '00'}`;
}

/** Today in the UK, as `2026-03-10`. */
export function today(): string {
  return ukDate(new Date().toISOString());
}

/** A new id for something recorded from a form: a prefix and random letters, safe in a web address. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/**
 * The id a form's record gets, fixed by the form's one-time key: a form sent twice names the same
 * record both times, so the second is recognised as the first.
 */
export function idFor(prefix: string, formKey: string, words = ''): string {
  const slug = words
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  const suffix = createHash('sha256').update(formKey).digest('hex').slice(0, 6);
  return [prefix, slug, suffix].filter((part) => part !== '').join('-');
}

/** A one-time key for one command among several sent by the same form (one per row of a register). */
export function rowKey(formKey: string, row: string): string | undefined {
  if (!/^[A-Za-z0-9-]{8,60}$/.test(formKey)) return undefined;
  return `${formKey}-${createHash('sha256').update(row).digest('hex').slice(0, 24)}`;
}

/** A refusal that belongs to a field of this form. */
export function fieldError(field: string, text: string): FormError {
  return { field, text, href: `#${field}` };
}

/** The errors as the page shows them: the summary's list, and each field's own message by field id. */
export function errorView(errors: FormError[]): { errors: { text: string; href: string }[]; errorOf: Record<string, { text: string }> } {
  const errorOf: Record<string, { text: string }> = {};
  for (const error of errors) if (error.field && !errorOf[error.field]) errorOf[error.field] = { text: error.text };
  return { errors: errors.map(({ text: t, href }) => ({ text: t, href })), errorOf };
}

function sentence(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}
