import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, StoredEvent } from '@coprod/event-store';
import { ExportFile, SPREADSHEET_TYPES } from './figures-export';
import { OutputSheet, SpreadsheetFormat, toCsv, toXlsx } from './spreadsheet-out';

/**
 * The columns of the anonymised record, in order, each with what it holds (the documented list; the
 * XLSX repeats it on a Columns sheet).
 */
export const RECORD_COLUMNS: readonly { name: string; description: string }[] = [
  { name: 'position', description: "The event's place in the record (1 is the first event ever recorded)" },
  { name: 'event_type', description: 'What happened, e.g. AttendanceRecorded, ExpensePaid' },
  { name: 'occurred_on', description: 'The date it happened (UTC)' },
  { name: 'recorded_on', description: 'The date it was recorded (UTC)' },
  { name: 'record_kind', description: 'The kind of record it belongs to: project, activity, decision, expense, measure, quote, survey, participant' },
  { name: 'record_id', description: "The record's id; empty for records about one person (participant, survey)" },
  { name: 'project_id', description: 'The project it concerns, where the event names one' },
  { name: 'activity_id', description: 'The session or activity it concerns, where the event names one' },
  { name: 'decision_id', description: 'The decision it concerns, where the event names one' },
  { name: 'source', description: 'How it came in: api, web, cli, import, paper, demo, migration' },
  { name: 'actor_role', description: 'The role of whoever recorded it (never who)' },
  {
    name: 'facts',
    description:
      "The event's coded facts as name=value; separated: numbers, dates, yes/no and coded values only, never free text, names, contact details or ids of people",
  },
];

/** Fields that never leave, even when they look like codes: who someone is, or which groups they belong to. */
const NEVER_EXPORTED = new Set([
  'personal',
  'participantId',
  'participantIds',
  'claimantId',
  'recordedBy',
  'seldomHeardGroups',
  'preferredFormats',
  'subjectId',
  'postcode',
  // Free text, which may name anyone, even where one word happens to look like a code.
  'description',
  'reason',
  'summary',
  'note',
  'words',
  'title',
  'text',
  'youSaid',
  'weDid',
  'reference',
  'name',
]);
/** Record kinds whose id names or leads to one person. */
const PERSONAL_RECORDS = new Set(['participant', 'survey']);
const CODE = /^[a-z][a-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The whole record as open data, without personal data: one row per event with its coded facts.
 * Personal fields, free text (descriptions, words, reasons, titles), every person's id and who
 * recorded each event are left out; what remains is numbers, dates and the product's own codes.
 */
@Injectable()
export class RecordExport {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async export(format: SpreadsheetFormat, options: { projectId?: string } = {}): Promise<ExportFile> {
    const events = await this.store.readAll();
    const rows = events.map(anonymisedRow).filter((row) => !options.projectId || row[6] === options.projectId);
    const sheet: OutputSheet = {
      name: 'Record',
      columns: RECORD_COLUMNS.map((c) => c.name),
      rows,
      widths: [10, 30, 12, 12, 12, 24, 20, 20, 20, 10, 18, 90],
    };
    const fileName = `record-anonymised${options.projectId ? `-${options.projectId}` : ''}.${format}`;
    if (format === 'csv') return { fileName, contentType: SPREADSHEET_TYPES.csv, body: toCsv(sheet) };
    const columns: OutputSheet = {
      name: 'Columns',
      columns: ['column', 'what it holds'],
      rows: RECORD_COLUMNS.map((c) => [c.name, c.description]),
      widths: [16, 120],
    };
    return {
      fileName,
      contentType: SPREADSHEET_TYPES.xlsx,
      body: await toXlsx([sheet, columns], { title: 'The record, anonymised', creator: 'coprod' }),
    };
  }
}

/** One event as a row of the anonymised record. */
export function anonymisedRow(event: StoredEvent): (string | number | null)[] {
  const dash = event.stream.indexOf('-');
  const kind = dash > 0 ? event.stream.slice(0, dash) : event.stream;
  const data = event.data as Record<string, unknown>;
  const id = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  return [
    event.position,
    event.type,
    event.occurredAt.slice(0, 10),
    event.recordedAt.slice(0, 10),
    kind,
    PERSONAL_RECORDS.has(kind) ? '' : event.stream.slice(dash + 1),
    id('projectId'),
    id('activityId'),
    id('decisionId'),
    event.source,
    event.actor.role,
    codedFacts(data).join('; '),
  ];
}

/** `minutes=120`, `answers.sense_of_influence=4`: coded values only, in the order the event holds them. */
export function codedFacts(data: Record<string, unknown>, prefix = ''): string[] {
  const facts: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (NEVER_EXPORTED.has(key) || /Ids?$/.test(key) || key === 'id') continue;
    const name = `${prefix}${key}`;
    if (typeof value === 'number' || typeof value === 'boolean') facts.push(`${name}=${value}`);
    else if (typeof value === 'string' && (CODE.test(value) || DATE.test(value))) facts.push(`${name}=${value}`);
    else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && CODE.test(v)))
      facts.push(`${name}=${value.join('|')}`);
    else if (value && typeof value === 'object' && !Array.isArray(value)) facts.push(...codedFacts(value as Record<string, unknown>, `${name}.`));
  }
  return facts;
}
