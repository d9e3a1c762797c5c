import { HISTORY_KINDS, HistoryKind } from '@coprod/application';
import { ContributionRecorded, staffSummaryOf } from '@coprod/domain';
import { describeType, WITHHELD } from '@coprod/privacy';
import { wording } from '../wording';
import { readableMoment } from './plain-words';

/** One line of what an event recorded, as an auditor reads it: a label, its value, and where the value leads. */
export interface DetailLine {
  label: string;
  value: string;
  /** Each id in the value that names a record, with the address of that record's history. */
  links: { text: string; href: string }[];
}

/** The field that names a record, and the kind of record it names. */
const REFERENCES: Readonly<Record<string, HistoryKind>> = {
  projectId: 'project',
  participantId: 'participant',
  participantIds: 'participant',
  activityId: 'activity',
  activityIds: 'activity',
  decisionId: 'decision',
  claimId: 'expense',
  quoteId: 'quote',
  quoteIds: 'quote',
  measureId: 'measure',
};

/** What an event's kind of record is called, as people say it. */
export const KIND_NAMES: Readonly<Record<HistoryKind, string>> = {
  project: 'project',
  participant: 'participant',
  activity: 'session',
  decision: 'decision',
  expense: 'expense claim',
  quote: 'quote',
  measure: 'service measure',
};

/** The address of a record's history. */
export function historyHref(kind: HistoryKind, id: string): string {
  return `/audit/history/${kind}/${encodeURIComponent(id)}`;
}

/** The record a stream holds (`activity-act-1` is session act-1), when it is one whose history can be read. */
export function recordOfStream(stream: string): { kind: HistoryKind; id: string } | undefined {
  const dash = stream.indexOf('-');
  const kind = stream.slice(0, dash) as HistoryKind;
  return dash > 0 && HISTORY_KINDS.includes(kind) ? { kind, id: stream.slice(dash + 1) } : undefined;
}

/** `AttendanceRecorded` is "Attendance recorded". */
export const eventName = describeType;

/** `participantIds` is "Participant IDs", `amountPence` (shown in pounds) is "Amount". */
function label(key: string): string {
  const words = key
    .replace(/(.)Pence$/, '$1')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\bid(s?)\b/g, 'ID$1');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const VOCABULARY = /^[a-z]+(_[a-z]+)+$/;

/** One value as a person reads it: "none", "yes", "£12.50", "120 minutes", "10 March 2026", "in person". */
function scalar(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' && /pence$/i.test(key)) return `£${(value / 100).toFixed(2)}`;
  if (typeof value === 'number' && /minutes$/i.test(key)) return `${value} minutes`;
  if (typeof value === 'string' && ISO_MOMENT.test(value)) return readableMoment(value);
  if (typeof value === 'string' && VOCABULARY.test(value) && !/Ids?$/.test(key)) return wording(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What stands in a line for a `personal` block: withheld, erased, another person's, or (for the person themself) opened. */
function personalLines(personal: unknown): DetailLine[] {
  const line = (value: string, name = 'Personal details'): DetailLine => ({ label: name, value, links: [] });
  if (personal === WITHHELD) return [line("another person's details, withheld")];
  if (!isObject(personal)) return [line('withheld')];
  if (personal.erased === true) return [line('erased: they can never be read again')];
  if (personal.withheld === true) return [line('withheld: personal details are never shown in a history')];
  if (personal.encrypted === true) return [line('sealed, and could not be opened')];
  if (isObject(personal.fields)) return Object.entries(personal.fields).map(([key, value]) => line(scalar(key, value), label(key)));
  return [line('withheld')];
}

/**
 * What an event recorded, one line a field, in words: dates readable, money in pounds, vocabulary as
 * said, ids linked to their record's history. Personal details stay as the caller's view of the
 * event left them (withheld for an auditor, opened for the person themself); a contribution's text is
 * shown only when it is a staff summary, since otherwise it may be a participant's own words.
 */
export function detailLines(type: string, data: Record<string, unknown>, options: { linkRecords: boolean }): DetailLine[] {
  const hideSummary = type === 'ContributionRecorded' && staffSummaryOf(data as ContributionRecorded['data']) === null;
  const lines: DetailLine[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (key === 'personal') {
      lines.push(...personalLines(value));
      continue;
    }
    if (key === 'summary' && hideSummary) {
      lines.push({ label: 'Summary', value: "not shown: it may be a participant's own words", links: [] });
      continue;
    }
    const kind = REFERENCES[key];
    const ids = Array.isArray(value) ? value : [value];
    const links =
      options.linkRecords && kind ? ids.filter((id): id is string => typeof id === 'string' && id !== '').map((id) => ({ text: id, href: historyHref(kind, id) })) : [];
    if (isObject(value)) {
      const inner = Object.entries(value).map(([k, v]) => `${label(k).toLowerCase()} ${Array.isArray(v) ? v.map((i) => scalar(k, i)).join(', ') : scalar(k, v)}`);
      lines.push({ label: label(key), value: inner.join('; ') || 'none', links });
    } else if (Array.isArray(value)) {
      lines.push({ label: label(key), value: value.length ? value.map((item) => scalar(key, item)).join(', ') : 'none', links });
    } else {
      lines.push({ label: label(key), value: scalar(key, value), links });
    }
  }
  return lines;
}
