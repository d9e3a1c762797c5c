import { type ContributionRecorded, staffSummaryOf } from '@coprod/domain';
import { formatChartValue } from '../charts/chart-format';

const PERSONAL_KEY = 'personal';
const MAX_TEXT = 160;

/** "participantId" -> "participant id". */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function scalar(key: string, value: unknown): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'number' && /pence$/i.test(key)) return formatChartValue(value, 'pence');
  if (typeof value === 'number' && /minutes$/i.test(key)) return `${value} minutes`;
  if (typeof value === 'string') return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT - 1)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function part(key: string, value: unknown): string | undefined {
  if (key === PERSONAL_KEY) return undefined;
  if (key === 'wordsErased') return value === true ? 'words erased, no longer readable' : undefined;
  if (Array.isArray(value)) {
    const items = value.map((v) => scalar(key, v)).filter((v): v is string => v !== undefined);
    return items.length ? `${words(key)}: ${items.join(', ')}` : undefined;
  }
  if (value !== null && typeof value === 'object') {
    const inner = Object.entries(value as Record<string, unknown>)
      .filter(([k]) => k !== PERSONAL_KEY)
      .map(([k, v]) => (scalar(k, v) === undefined ? undefined : `${words(k)} ${scalar(k, v)}`))
      .filter((v): v is string => v !== undefined);
    return inner.length ? `${words(key)}: ${inner.join(', ')}` : undefined;
  }
  const text = scalar(key, value);
  return text === undefined ? undefined : `${words(key)}: ${text}`;
}

/** Said in place of a contribution's text that may be a participant's own words. */
export const WITHHELD_SUMMARY = "summary not shown: recorded before contributions said whose words they were, so it may be a participant's own words";

/** How much of a summary the coded values leading a text may take, so the text still shows its opening words. */
const LEAD_ROOM = 30;

/** How a summary orders its fields. */
export interface SummaryOptions {
  /**
   * Amounts and what was written in words first, then the ids of what it is about, lists of ids last: a summary cut
   * short keeps what matters. Where an event carries words, the first of its coded values (which part, which
   * kind) that fit in a few words come before them, so a text cut short never hides what it belongs to.
   */
  wordsFirst?: boolean;
}

/**
 * A plain summary of what an event recorded, for auditors: every field but personal data (which
 * stays sealed), long text shortened, money in pounds, and a correction's target by its position.
 */
export function summariseEventData(
  type: string,
  data: Record<string, unknown>,
  positionOf: ReadonlyMap<string, number>,
  options: SummaryOptions = {},
): string {
  if (type === 'EventCorrected') {
    const at = positionOf.get(String(data.eventId));
    const target = `${String(data.eventType ?? 'event')} at ${at === undefined ? `event ${String(data.eventId)}` : `position ${at}`}`;
    const changes = data.changes && typeof data.changes === 'object' ? part('changes', data.changes) : undefined;
    return sentence(
      `${data.kind === 'void' ? 'Voids' : 'Amends'} the ${target}${changes ? ` (${changes})` : ''}. Reason: ${String(data.reason ?? 'not given')}`,
    );
  }
  if (type === 'ProjectStoryWordsErased') {
    const at = positionOf.get(String(data.eventId));
    const target = at === undefined ? `event ${String(data.eventId)}` : `position ${at}`;
    return sentence(`Erases the words of the story version at ${target}, destroying their key. Reason: ${String(data.reason ?? 'not given')}`);
  }
  const unshown = unshownContributionText(type, data);
  // With `wordsFirst`: amounts, counts and answers; coded values where words follow; prose (words with
  // spaces between); the ids of what the event is about; other values; lists of ids.
  const prose = (value: unknown) => typeof value === 'string' && /[a-z]{2,}\s+[a-z]/i.test(value);
  const leading = options.wordsFirst ? leadingCodes(data, prose) : new Set<string>();
  const rank = (key: string) => {
    if (!options.wordsFirst) return 0;
    // Words erased stand where the words stood, so a summary cut short still says so.
    if (key === 'wordsErased') return 2;
    const value = data[key];
    if (/Ids$/.test(key)) return 5;
    if (typeof value === 'number' || (typeof value === 'object' && value !== null && !Array.isArray(value))) return 0;
    if (leading.has(key)) return 1;
    if (prose(value)) return 2;
    return /Id$/.test(key) ? 3 : 4;
  };
  const parts = Object.keys(data)
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .filter((key) => !unshown || key !== 'summary')
    .map((key) => part(key, data[key]))
    .filter((p): p is string => p !== undefined);
  const personal = PERSONAL_KEY in data ? ['personal data sealed, not shown'] : [];
  const withheld = unshown ? [WITHHELD_SUMMARY] : [];
  return sentence([...parts, ...personal, ...withheld].join('; '));
}

/**
 * The coded values (`part: next_steps`, `kind: idea`) to print before an event's words, in the order of their
 * names, as many as fit in a few words; none where the event has no words, as nothing then hides them.
 */
function leadingCodes(data: Record<string, unknown>, prose: (value: unknown) => boolean): Set<string> {
  const leading = new Set<string>();
  if (!Object.values(data).some(prose)) return leading;
  let room = LEAD_ROOM;
  for (const key of Object.keys(data).sort()) {
    const value = data[key];
    if (/Ids?$/.test(key) || typeof value !== 'string' || !/^[a-z]+(_[a-z]+)*$/.test(value)) continue;
    const length = `${words(key)}: ${value}; `.length;
    if (length > room) continue;
    leading.add(key);
    room -= length;
  }
  return leading;
}

/** A contribution's text is shown only when it is a staff summary. */
function unshownContributionText(type: string, data: Record<string, unknown>): boolean {
  return type === 'ContributionRecorded' && 'summary' in data && staffSummaryOf(data as ContributionRecorded['data']) === null;
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
