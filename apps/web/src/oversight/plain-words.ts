/** How the oversight pages word things: sentences, lists and moments as people read them. */

const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** A date as "10 March 2026", a moment as "10 March 2026 at 18:00" (UK time). */
export function readableMoment(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return iso.length === 10 ? LONG_DATE.format(date) : `${LONG_DATE.format(date)} at ${TIME.format(date)}`;
}

/** "expense claim" starts a sentence as "Expense claim". */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listed(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
