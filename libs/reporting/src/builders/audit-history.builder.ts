import type { RecordedEvent } from '@coprod/event-store';
import { applyReportDefinition } from '../definitions/apply-report-definition';
import type { ReportBlock, ReportModel, ReportSection } from '../model/report-model';
import { summariseEventData, WITHHELD_SUMMARY } from './event-summary';
import type { RecordRange, ReportClocks, ReportSetting } from './report-inputs';
import { reportDateWording, reportProvenance } from './report-provenance';

/** What a history can be asked for. */
export type HistorySubjectKind = 'project' | 'decision' | 'claim' | 'participant';

/** The kinds of subject, in the order the command line offers them. */
export const HISTORY_SUBJECT_KINDS: readonly HistorySubjectKind[] = ['project', 'decision', 'claim', 'participant'];

/** One event of the history as read from the index, with what the store says about its integrity. */
/** One event of the subject's history: the recorded event (personal fields still sealed, never summarised) and what, if anything, is wrong with its integrity. */
export type HistoryEvent = RecordedEvent & {
  /** Null when the event's hash recomputes and links to the event before it; otherwise what is wrong. */
  integrityProblem: string | null;
};

/** What an audit history is built from. */
export interface AuditHistoryInput {
  subject: { kind: HistorySubjectKind; id: string };
  events: HistoryEvent[];
  clocks: ReportClocks;
  range: RecordRange;
  setting: ReportSetting;
}

const SUBJECT_WORDS: Record<HistorySubjectKind, string> = {
  project: 'project',
  decision: 'decision',
  claim: 'expense claim',
  participant: 'participant',
};

/** "2026-01-12T09:30:41.123Z" as "2026-01-12 09:30": to the minute, as the history says once that times are UTC (the JSON has them whole). */
const when = (iso: string) => iso.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, '');

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** What fits two lines of the summary column at the table's type size, with a little room for where the words wrap. */
const SUMMARY_BUDGET = 88;

/**
 * One event's summary as the history table prints it, in at most two lines: what corrects it first, then what
 * it recorded without the subject's own id (every row is about it) and with times as the table writes them,
 * cut at a field's end with an ellipsis where it runs longer, and whether personal data was sealed. Every field
 * of every event, in full, is in the history's JSON (`GET /api/history/{kind}/{id}`).
 */
function rowSummary(e: HistoryEvent, subjectId: string, positionOf: ReadonlyMap<string, number>, correctedAt: number[]): string {
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e.data)) {
    if (key === 'personal' || (value === subjectId && /Id$/.test(key))) continue;
    shown[key] = typeof value === 'string' && ISO_INSTANT.test(value) ? when(value) : value;
  }
  const corrected = correctedAt.map((p) => `Corrected by the event at position ${p}.`);
  const sealed = 'personal' in e.data ? '; personal data sealed, not shown.' : '';
  const budget = Math.max(30, SUMMARY_BUDGET - corrected.join(' ').length - sealed.length);
  // Why a contribution's text is withheld is never cut short.
  const whole = summariseEventData(e.type, shown, positionOf, { wordsFirst: true });
  const withheld = whole.includes(WITHHELD_SUMMARY);
  const rest = whole.replace(`; ${WITHHELD_SUMMARY}`, '').replace(`${WITHHELD_SUMMARY}.`, '');
  const summary = withheld ? `${rest ? `${clip(rest, budget)} ` : ''}${WITHHELD_SUMMARY}.` : clip(whole, budget);
  return [...corrected, sealed ? `${summary.replace(/\.$/, '')}${sealed}` : summary].join(' ');
}

/**
 * Text cut at the last field (or word) that ends within `budget` characters, marked with an ellipsis: as a
 * field of its own ("participant id: part-001; …") where whole fields were left out, so no value reads as cut.
 * A field of words with three or more of them within the budget is cut at a word instead, so its opening shows.
 */
function clip(text: string, budget: number): string {
  if (text.length <= budget) return text;
  const head = text.slice(0, budget - 3);
  const cut = head.lastIndexOf('; ');
  if (cut > budget / 3 && !/: \S+ \S+ \S+/.test(head.slice(cut + 2))) return `${head.slice(0, cut)}; …`;
  const at = head.lastIndexOf(' ');
  return `${head.slice(0, at > 0 ? at : head.length).replace(/[;,.:]$/, '')}…`;
}

/**
 * Every event about one project, decision, expense claim or participant in global order: when it
 * happened and was recorded, by whom, from where, what it recorded (never personal data), the
 * corrections linked to what they correct, and whether the integrity chain holds over the range.
 */
export function buildAuditHistory(input: AuditHistoryInput): ReportModel {
  const { subject, events, setting } = input;
  const positionOf = new Map(events.map((e) => [e.eventId, e.position]));
  const corrections = events.filter((e) => e.type === 'EventCorrected');
  const correctedBy = new Map<string, number[]>();
  for (const c of corrections) {
    const target = String(c.data.eventId ?? '');
    correctedBy.set(target, [...(correctedBy.get(target) ?? []), c.position]);
  }
  const subjectWords = `${SUBJECT_WORDS[subject.kind]} ${subject.id}`;
  const sections: ReportSection[] = [
    {
      id: 'scope',
      heading: 'Scope of this history',
      blocks: [
        {
          kind: 'paragraph',
          text:
            `Every event recorded about ${subjectWords}, in the order the record holds them: ${events.length} events, ` +
            `from position ${input.range.firstPosition} to position ${input.range.lastPosition}, as recorded up to position ${input.clocks.knownAtPosition}. ` +
            'Personal data (names, contact details, participants’ words) is never shown here; it stays encrypted in the record. ' +
            'Times are in UTC. Each event is summarised in two lines at most; every field of every event, in full, is in the history as JSON ' +
            `(GET /api/history/${subject.kind}/${subject.id}).`,
        },
      ],
    },
    { id: 'integrity', heading: 'Integrity of the record', blocks: integrityBlocks(events, setting.chainHead) },
    {
      id: 'events',
      heading: 'Events recorded',
      blocks: events.length
        ? [
            {
              kind: 'table',
              table: {
                caption: `Events about ${subjectWords}`,
                columns: ['Position', 'Event', 'Happened / recorded', 'Recorded by', 'What was recorded'],
                // On a landscape page each event takes one or two lines: the widest event name fits its column whole,
                // the two times stack, the actor sits over their role and source, and the summary is cut to two lines.
                widths: [56, 164, 106, 122, '*'],
                rows: events.map((e) => [
                  String(e.position),
                  e.type,
                  `${when(e.occurredAt)} /\n${when(e.recordedAt)}`,
                  `${e.actor.id},\n${e.actor.role}, ${e.source}`,
                  rowSummary(e, subject.id, positionOf, correctedBy.get(e.eventId) ?? []),
                ]),
                rowHeaders: true,
              },
            },
          ]
        : [{ kind: 'paragraph', text: 'No event has been recorded about it.' }],
    },
    {
      id: 'corrections',
      heading: 'Corrections',
      blocks: corrections.length
        ? [
            {
              kind: 'table',
              table: {
                caption: 'Corrections and what they correct',
                columns: ['Correction at', 'Corrects', 'Kind', 'Why', 'By'],
                // Wide enough for a whole event id where the corrected event lies outside this history.
                widths: [80, 240, 110, '*', 130],
                rows: corrections.map((c) => {
                  const target = String(c.data.eventId ?? '');
                  const at = positionOf.get(target);
                  return [
                    `position ${c.position}`,
                    `${String(c.data.eventType ?? 'event')} at ${at === undefined ? `an event outside this history (${target})` : `position ${at}`}`,
                    c.data.kind === 'void' ? 'Voided: should not have been recorded' : 'Amended',
                    String(c.data.reason ?? ''),
                    `${c.actor.id} (${c.actor.role})`,
                  ];
                }),
                rowHeaders: true,
              },
            },
          ]
        : [],
    },
    { id: 'provenance', heading: 'Where this history comes from', blocks: [{ kind: 'paragraph', text: reportDateWording(input.range) }] },
  ];
  const model: ReportModel = {
    kind: 'audit_history',
    title: `Audit history of ${subjectWords}`,
    subtitle: 'Every event recorded, by whom and when, and proof that nothing was rewritten',
    lang: 'en-GB',
    publisher: setting.publisher,
    layout: { landscape: true },
    cover: [
      { label: 'Subject', value: subjectWords },
      { label: 'Events', value: `${events.length} (positions ${input.range.firstPosition} to ${input.range.lastPosition})` },
      {
        label: 'Integrity',
        value: events.every((e) => e.integrityProblem === null) ? 'Intact over this range' : 'BROKEN: see "Integrity of the record"',
      },
    ],
    sections,
    provenance: reportProvenance(input.range, input.clocks, setting),
  };
  return applyReportDefinition(model, setting.definition);
}

function integrityBlocks(events: HistoryEvent[], head: { position: number; hash: string }): ReportBlock[] {
  const broken = events.filter((e) => e.integrityProblem !== null);
  const blocks: ReportBlock[] = [
    {
      kind: 'figure',
      figure: {
        label: 'Integrity over this range',
        value: broken.length === 0 ? 'Intact' : `Broken at ${broken.length} ${broken.length === 1 ? 'event' : 'events'}`,
        n: null,
        suppressed: false,
        sourceEventIds: events.map((e) => e.eventId),
        note: `${events.length - broken.length} of ${events.length} events recompute to their stored hash and link to the hash of the event before them`,
      },
    },
  ];
  if (broken.length) blocks.push({ kind: 'list', items: broken.map((e) => `Position ${e.position} (${e.type}): ${e.integrityProblem}`) });
  blocks.push({ kind: 'paragraph', text: `Head of the integrity chain: position ${head.position}, hash ${head.hash}.` });
  return blocks;
}
