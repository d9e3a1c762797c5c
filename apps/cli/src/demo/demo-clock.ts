/** `2026-01-20 10:00` (UTC) as an ISO 8601 instant; a bare date means midnight. */
export function instant(when: string): string {
  const [date, time = '00:00'] = when.split(' ');
  const value = new Date(`${date}T${time}:00.000Z`);
  if (Number.isNaN(value.getTime())) throw new Error(`demo date "${when}" is not "YYYY-MM-DD HH:MM"`);
  return value.toISOString();
}

/** The instant `minutes` after `from`. */
export function minutesAfter(from: string, minutes: number): string {
  return new Date(Date.parse(from) + minutes * 60_000).toISOString();
}

/** The instant `days` whole days after `from`. */
export function daysAfter(from: string, days: number): string {
  return minutesAfter(from, days * 24 * 60);
}
