import { labelOf } from '@coprod/frameworks/indicators/labels';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date as people write it: `2026-02-12` or `2026-02-12T10:00:00Z` is "12 February 2026". */
export function dateWords(value: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return value ?? '';
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** Whole pence as pounds: 3600 is "£36.00". */
export function pounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const whole = Math.abs(pence);
  return `${sign}£${Math.floor(whole / 100).toLocaleString('en-GB')}.${String(whole % 100).padStart(2, '0')}`;
}

/** A vocabulary value as a sentence starts it: `care_cover` is "Care or childcare cover". */
export function named(value: string | null | undefined): string {
  return value ? labelOf(value) : '';
}

/** Radio or checkbox items for a vocabulary list, with the value already chosen checked. */
export function choices(values: readonly string[], chosen: unknown, words: (value: string) => string = named) {
  const picked = Array.isArray(chosen) ? chosen : [chosen];
  return values.map((value) => ({ value, text: words(value), checked: picked.includes(value) }));
}

/** Today's date in the form the commands take (`2026-02-12`). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
