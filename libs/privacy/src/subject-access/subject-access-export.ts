import { StoredEvent } from '@coprod/event-store';
import { isObject, isSealedPersonalData } from '../cipher/sealed-personal-data';
import type { ReportCarryingWords } from '../report-register/report-words-register';
import { renderSubjectAccessMarkdown } from './subject-access-markdown';

/** The parts of a stored event a subject access export reads. */
export type SubjectAccessEvent = Pick<
  StoredEvent,
  'id' | 'type' | 'stream' | 'position' | 'occurredAt' | 'recordedAt' | 'actor' | 'source' | 'data'
>;

export interface SubjectAccessRequest {
  participantId: string;
  /** Every event that may mention the participant, in any order. */
  events: readonly SubjectAccessEvent[];
  /** Opens an event's personal fields (for example with openPersonalData); omit when events are already open. */
  openPersonal?: (event: SubjectAccessEvent) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /** When the export is prepared (ISO 8601); printed on it. */
  generatedAt: string;
  /** What the register of reports says about the participant: the reports that carried their words, and since when it is kept. */
  register?: { reportsCarrying: readonly ReportCarryingWords[]; keptSince: string };
}

/** One recorded event as the participant sees it, with other people's details withheld. */
export interface SubjectAccessEntry {
  eventId: string;
  type: string;
  /** The event's name in words: `AttendanceRecorded` becomes "Attendance recorded". */
  description: string;
  stream: string;
  position: number;
  occurredAt: string;
  recordedAt: string;
  recordedBy: { id: string; role: string };
  source: string;
  details: Record<string, unknown>;
}

/** A quote of the participant: their words (while readable) and the consent recorded with them. */
export interface SubjectAccessQuote {
  quoteId: string;
  recordedIn: string;
  occurredAt: string;
  words: string | null;
  attribution: string | null;
  allowedUses: string[];
  withdrawn: boolean;
}

/** An event outside the participant's own record that used one of their quotes (a report, a paper). */
export interface SubjectAccessQuoteUse {
  quoteId: string;
  eventId: string;
  description: string;
  stream: string;
  occurredAt: string;
}

/** A report we built that carried the participant's words, as the register of reports recorded it: what, for whom, when, by whom, and which of their words. */
export type SubjectAccessReport = Pick<
  ReportCarryingWords,
  'reportKind' | 'subject' | 'projectId' | 'audience' | 'format' | 'builtAt' | 'builtBy' | 'quoteIds' | 'contributionIds'
>;

/** The JSON twin of the export: everything the Markdown says, as data. */
export interface SubjectAccessRecord {
  participantId: string;
  generatedAt: string;
  erased: boolean;
  /** Latest value of each personal field recorded about them; empty once erased. */
  personalDetails: Record<string, unknown>;
  events: SubjectAccessEntry[];
  quotes: SubjectAccessQuote[];
  quoteUses: SubjectAccessQuoteUse[];
  /** Every report we built that carried their words (quotes, or contributions it listed), oldest first. */
  reportsCarryingWords: SubjectAccessReport[];
  /** Since when every report built is registered with whose words it carried; null when no register was read. */
  reportRegisterKeptSince: string | null;
}

export interface SubjectAccessExport {
  markdown: string;
  json: SubjectAccessRecord;
}

/** Shown in place of anyone else's personal details found in the same event. */
export const WITHHELD = "[withheld: another person's details]";

/**
 * Builds the export for a subject access request: every event that mentions the participant (by a
 * `participantId`, a `participantIds` list or a `personal.subjectId`) with their personal fields
 * opened and other people's withheld; their quotes (events with a `quoteId`) with the consent given;
 * every other event that refers to one of those quotes by `quoteId` or `quoteIds`; and every report
 * the register says carried their words.
 */
export async function buildSubjectAccessExport(request: SubjectAccessRequest): Promise<SubjectAccessExport> {
  const { participantId } = request;
  const ordered = [...request.events].sort((a, b) => a.position - b.position);
  const ownQuoteIds = new Set(
    ordered.filter((event) => mentions(event.data, participantId)).flatMap((event) => topLevelQuoteId(event.data)),
  );
  // Their record: events naming them, and the life of their quotes (consent changes may name only the quote).
  const own = ordered.filter(
    (event) =>
      mentions(event.data, participantId) ||
      (event.type.startsWith('Quote') && topLevelQuoteId(event.data).some((id) => ownQuoteIds.has(id))),
  );
  const entries: SubjectAccessEntry[] = [];
  for (const event of own) {
    const opened = request.openPersonal ? await request.openPersonal(event) : event.data;
    entries.push(toEntry(event, redactOthers(opened, participantId) as Record<string, unknown>));
  }
  const quotes = collectQuotes(entries);
  const ownIds = new Set(own.map((event) => event.id));
  const quoteUses = ordered
    .filter((event) => !ownIds.has(event.id))
    .flatMap((event) =>
      [...new Set(referencedQuoteIds(event.data))]
        .filter((id) => ownQuoteIds.has(id))
        .map((quoteId) => ({ quoteId, eventId: event.id, description: describeType(event.type), stream: event.stream, occurredAt: event.occurredAt })),
    );
  const json: SubjectAccessRecord = {
    participantId,
    generatedAt: request.generatedAt,
    erased: entries.some((entry) => isErasure(entry, participantId)),
    personalDetails: {},
    events: entries,
    quotes,
    quoteUses,
    reportsCarryingWords: (request.register?.reportsCarrying ?? []).map(toReport),
    reportRegisterKeptSince: request.register?.keptSince ?? null,
  };
  json.personalDetails = json.erased ? {} : latestDetails(entries, participantId);
  return { markdown: renderSubjectAccessMarkdown(json), json };
}

/** `AttendanceRecorded` becomes "Attendance recorded". */
export function describeType(type: string): string {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function toReport(report: ReportCarryingWords): SubjectAccessReport {
  return {
    reportKind: report.reportKind,
    subject: { kind: report.subject.kind, id: report.subject.id },
    projectId: report.projectId,
    audience: report.audience,
    format: report.format,
    builtAt: report.builtAt,
    builtBy: { id: report.builtBy.id, role: report.builtBy.role },
    quoteIds: [...report.quoteIds],
    contributionIds: [...report.contributionIds],
  };
}

function toEntry(event: SubjectAccessEvent, details: Record<string, unknown>): SubjectAccessEntry {
  return {
    eventId: event.id,
    type: event.type,
    description: describeType(event.type),
    stream: event.stream,
    position: event.position,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    recordedBy: { id: event.actor.id, role: event.actor.role },
    source: event.source,
    details,
  };
}

function mentions(value: unknown, participantId: string): boolean {
  if (Array.isArray(value)) return value.some((item) => mentions(item, participantId));
  if (!isObject(value)) return false;
  return Object.entries(value).some(([key, child]) => {
    if (key === 'participantId' && child === participantId) return true;
    if (key === 'participantIds' && Array.isArray(child) && child.includes(participantId)) return true;
    if (key === 'personal' && isObject(child) && child.subjectId === participantId) return true;
    return mentions(child, participantId);
  });
}

function redactOthers(value: unknown, participantId: string): unknown {
  if (Array.isArray(value)) return value.map((item) => redactOthers(item, participantId));
  if (!isObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'personal' && isObject(child)) {
      if (child.subjectId !== participantId) copy[key] = WITHHELD;
      else if (isSealedPersonalData(child)) copy[key] = { subjectId: participantId, encrypted: true };
      else copy[key] = child;
    } else {
      copy[key] = redactOthers(child, participantId);
    }
  }
  return copy;
}

function personalBlocks(value: unknown, participantId: string): Array<Record<string, unknown>> {
  if (Array.isArray(value)) return value.flatMap((item) => personalBlocks(item, participantId));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'personal' && isObject(child) && child.subjectId === participantId ? [child] : personalBlocks(child, participantId),
  );
}

function isErasure(entry: SubjectAccessEntry, participantId: string): boolean {
  if (entry.type === 'ParticipantErased') return true;
  return personalBlocks(entry.details, participantId).some((block) => block.erased === true);
}

function latestDetails(entries: readonly SubjectAccessEntry[], participantId: string): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const entry of entries) {
    // What they said (a quote, a contribution in their own words) is not a detail about them.
    if (entry.details.quoteId !== undefined || entry.details.contributionId !== undefined) continue;
    for (const block of personalBlocks(entry.details, participantId)) {
      if (isObject(block.fields)) Object.assign(details, block.fields);
    }
  }
  return details;
}

function collectQuotes(entries: readonly SubjectAccessEntry[]): SubjectAccessQuote[] {
  const quotes = new Map<string, SubjectAccessQuote>();
  for (const entry of entries) {
    const { quoteId } = entry.details;
    if (typeof quoteId !== 'string') continue;
    const quote = quotes.get(quoteId) ?? {
      quoteId,
      recordedIn: entry.eventId,
      occurredAt: entry.occurredAt,
      words: null,
      attribution: null,
      allowedUses: [],
      withdrawn: false,
    };
    const words = wordsIn(entry.details);
    if (words !== undefined) quote.words = words;
    if (typeof entry.details.attribution === 'string') quote.attribution = entry.details.attribution;
    if (Array.isArray(entry.details.allowedUses)) quote.allowedUses = entry.details.allowedUses.map(String);
    if (/Withdrawn$/.test(entry.type)) quote.withdrawn = true;
    quotes.set(quoteId, quote);
  }
  return [...quotes.values()];
}

function wordsIn(details: Record<string, unknown>): string | undefined {
  const personal = isObject(details.personal) ? details.personal : undefined;
  const fields = personal && isObject(personal.fields) ? personal.fields : {};
  const found = fields.text ?? fields.words ?? details.text ?? details.words;
  return typeof found === 'string' ? found : undefined;
}

function topLevelQuoteId(data: Record<string, unknown>): string[] {
  return typeof data.quoteId === 'string' ? [data.quoteId] : [];
}

function referencedQuoteIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencedQuoteIds);
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    if (key === 'quoteId' && typeof child === 'string') return [child];
    if (key === 'quoteIds' && Array.isArray(child)) return child.filter((id): id is string => typeof id === 'string');
    return referencedQuoteIds(child);
  });
}
