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

/** How a summary orders its fields. */
export interface SummaryOptions {
  /** Amounts and what was written in words first, then the ids of what it is about, lists of ids last: a summary cut short keeps what matters. */
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
  const unshown = unshownContributionText(type, data);
  // With `wordsFirst`: amounts, counts and answers, prose (words with spaces between), the ids of what the event is about, other values, lists of ids.
  const rank = (key: string) => {
    if (!options.wordsFirst) return 0;
    if (/Ids$/.test(key)) return 4;
    if (typeof data[key] === 'number' || (typeof data[key] === 'object' && data[key] !== null && !Array.isArray(data[key]))) return 0;
    if (typeof data[key] === 'string' && /[a-z]{2,}\s+[a-z]/i.test(String(data[key]))) return 1;
    return /Id$/.test(key) ? 2 : 3;
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

/** A contribution's text is shown only when it is a staff summary. */
function unshownContributionText(type: string, data: Record<string, unknown>): boolean {
  return type === 'ContributionRecorded' && 'summary' in data && staffSummaryOf(data as ContributionRecorded['data']) === null;
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}
