import { PARTICIPANT_ROLES, STAGES } from '@coprod/domain/core/vocabulary';
import type { IndicatorItem, IndicatorResult } from '@coprod/frameworks';
import { INDICATOR_CATALOGUE } from '@coprod/frameworks/indicators/catalogue';
import { labelOf } from '@coprod/frameworks/indicators/labels';
import { heldAttendance } from '@coprod/frameworks/indicators/people.indicators';
import { formatChartValue } from '../charts/chart-format';
import type { ReportBlock, ReportSection, TableSpec } from '../model/report-model';
import { counted } from '@coprod/frameworks/indicators/labels';
import { consentedQuotes, quotesInOrder } from './consented-quotes';
import { breakdownTable, indicatorDetailBlocks, indicatorFigure } from './indicator-blocks';
import { stagesStoryBlocks, storyBlocks } from './case-study.story';
import type { ReportDefinition } from '../definitions/report-definition';
import type { CaseStudyAudience, ProjectEvidence } from './report-inputs';
import { datesInWords, longDate } from './report-provenance';

type Indicators = Record<string, IndicatorResult>;

const text = (value: unknown): string =>
  value === null || value === undefined || value === '' ? '–' : Array.isArray(value) ? value.join(', ') || '–' : String(value);
const dated = (value: unknown): string => (typeof value === 'string' && value ? longDate(value) : '–');

function itemTable(caption: string, items: IndicatorItem[], columns: [string, (item: IndicatorItem) => string][]): TableSpec {
  return {
    caption,
    columns: columns.map(([heading]) => heading),
    rows: items.map((item) => columns.map(([, cell]) => cell(item))),
    rowHeaders: true,
  };
}

/** "You said, we did": every documented influence and the change it made. */
export function youSaidWeDidSection(indicators: Indicators): ReportSection {
  const result = indicators.you_said_we_did;
  const blocks: ReportBlock[] = [];
  if (result && result.items.length > 0) {
    blocks.push({ kind: 'paragraph', text: datesInWords(result.statement) });
    blocks.push({
      kind: 'table',
      table: itemTable('What people said and what changed', result.items, [
        ['You said', (i) => text(i.youSaid)],
        ['We did', (i) => text(i.weDid)],
        ['Decision', (i) => `${text(i.decision)}${i.reference ? ` (${i.reference})` : ''}`],
        ['Level', (i) => text(i.level)],
      ]),
    });
  }
  return { id: 'you_said_we_did', heading: 'You said, we did', blocks };
}

/** Where an indicator first appears among the outcomes: the outcome's number, by indicator id. */
export type ShownUnder = ReadonlyMap<string, number>;

/** The first outcome each indicator appears under; print shows each figure once, and later places point to it. */
export function firstOutcomeOf(outcomes: readonly { number: number; indicators: readonly { id: string }[] }[]): ShownUnder {
  const shown = new Map<string, number>();
  for (const outcome of outcomes) for (const result of outcome.indicators) if (!shown.has(result.id)) shown.set(result.id, outcome.number);
  return shown;
}

/** A pointer to a figure already shown under an outcome, in place of printing it twice. */
export function shownUnderBlock(result: IndicatorResult, outcome: number): ReportBlock {
  return { kind: 'paragraph', text: `${result.title}: shown under outcome ${outcome} above.` };
}

/** The indicators that say who took part, in the order a reader meets them. */
const WHO_TOOK_PART = ['people_involved_by_role', 'people_by_role_group', 'reach_seldom_heard', 'offline_share'] as const;

/**
 * Who took part, and who was not reached: the evaluation lead's account of how people were reached,
 * then the figures in words. A figure an outcome already shows is pointed to once; breakdowns are in the appendix.
 */
export function whoTookPartSection(evidence: ProjectEvidence, definition: ReportDefinition, shownUnder: ShownUnder = new Map()): ReportSection {
  const indicators = evidence.summary.indicators;
  const blocks: ReportBlock[] = storyBlocks(evidence, 'reach', definition, 'who_took_part');
  const pointedTo = new Set<number>();
  for (const id of WHO_TOOK_PART) {
    const result = indicators[id];
    if (!result) continue;
    const outcome = shownUnder.get(id);
    if (outcome !== undefined) pointedTo.add(outcome);
    else blocks.push({ kind: 'figure', figure: indicatorFigure(result) });
  }
  if (pointedTo.size) {
    const outcomes = [...pointedTo].sort((a, b) => a - b).map(String);
    blocks.push({
      kind: 'paragraph',
      text: `The figures on who took part are given under outcome ${listed(outcomes)}, and their breakdowns by role, group and way of taking part in the appendix of figures.`,
    });
  }
  const reach = indicators.reach_against_population;
  if (reach && !shownUnder.has(reach.id)) blocks.push({ kind: 'paragraph', text: datesInWords(reach.statement) });
  if (reach?.note && reach.items.length > 0) blocks.push({ kind: 'paragraph', text: reach.note });
  return { id: 'who_took_part', heading: 'Who took part', blocks };
}

/** The breakdowns of who took part that no outcome shows, and reach against the local population where a profile was supplied. */
export function whoTookPartFigures(indicators: Indicators, shownUnder: ShownUnder = new Map()): ReportBlock[] {
  const blocks: ReportBlock[] = [];
  for (const id of WHO_TOOK_PART) {
    const result = indicators[id];
    if (result && !shownUnder.has(id)) blocks.push(...indicatorDetailBlocks(result, `who-took-part-${id}`));
  }
  const reach = indicators.reach_against_population;
  if (reach && reach.items.length > 0) {
    const items = reach.items;
    blocks.push({
      kind: 'chart',
      chart: {
        id: 'reach-against-population',
        type: 'bar',
        title: 'Reach compared with the local population',
        alt: reach.statement,
        categories: items.map((i) => text(i.group)),
        series: [
          { name: 'Local population', values: items.map((i) => (typeof i.populationShare === 'number' ? i.populationShare : null)) },
          { name: 'People involved', values: items.map((i) => (typeof i.participantShare === 'number' ? i.participantShare : null)) },
        ],
        unit: 'per cent',
        valueFormat: 'percent',
        n: reach.n,
      },
    });
  }
  return blocks;
}

/**
 * Time given: total hours, and hours by role and stage as a stacked chart. The chart holds minutes
 * (its renderer shows hours); a role resting on too few people is left out of it and named beneath.
 */
export function timeGivenSection(evidence: ProjectEvidence, threshold: number, shownUnder: ShownUnder = new Map()): ReportSection {
  const hours = evidence.summary.indicators.hours_by_role;
  const blocks: ReportBlock[] = [];
  if (!hours) return { id: 'time_given', heading: 'Time given', blocks };
  // In the appendix the headline is already in the body (the summary and its outcome): only its breakdown by stage is added.
  if (!shownUnder.has(hours.id)) blocks.push({ kind: 'figure', figure: indicatorFigure(hours, 'Hours given by everyone involved') });
  const { facts } = evidence;
  const attendance = heldAttendance(facts);
  const roleOf = (id: string) => facts.participants.get(id)?.role ?? 'unknown';
  const roles = PARTICIPANT_ROLES.filter((role) => attendance.some((a) => roleOf(a.participantId) === role));
  const stages = STAGES.filter((stage) => attendance.some((a) => facts.activities.get(a.activityId)?.stage === stage));
  if (roles.length === 0) return { id: 'time_given', heading: 'Time given', blocks };
  // Only roles the disclosed hours by role show are drawn; the others are neither drawn nor named, as naming them would say someone holds them.
  const visible = new Set(hours.breakdown.filter((cell) => cell.value !== null).map((cell) => cell.key));
  const shown: string[] = [];
  const hidden: string[] = [];
  for (const role of roles) (visible.has(role) ? shown : hidden).push(role);
  const minutes = (role: string, stage: string) =>
    attendance
      .filter((a) => roleOf(a.participantId) === role && facts.activities.get(a.activityId)?.stage === stage)
      .reduce((sum, a) => sum + a.minutes, 0);
  const hiddenNote = !hidden.length
    ? ''
    : threshold <= 1
      ? 'Roles that would let a hidden figure be worked out are not in the chart and not named.'
      : `Roles held by fewer than ${threshold} people, or that would let one be worked out, are not in the chart and not named.`;
  if (shown.length === 1) {
    // One role is one bar: its hours by stage read better as a table than as a chart.
    blocks.push({
      kind: 'table',
      table: {
        caption: `Hours given by ${labelOf(shown[0]).toLowerCase()}, by stage`,
        columns: ['Stage', 'Hours'],
        rows: stages.map((stage) => [labelOf(stage), formatChartValue(minutes(shown[0], stage), 'hours')]),
        rowHeaders: true,
      },
    });
  } else if (shown.length > 1) {
    const totals = shown.map((role) => stages.reduce((sum, stage) => sum + minutes(role, stage), 0));
    const top = totals.indexOf(Math.max(...totals));
    const alt = [
      `Hours given by each role, split by stage.`,
      `${labelOf(shown[top])} gave the most time: ${formatChartValue(totals[top], 'hours')} hours.`,
      hidden.length ? 'Roles held by too few people are not shown.' : '',
    ];
    blocks.push({
      kind: 'chart',
      chart: {
        id: 'hours-by-role-and-stage',
        type: 'stacked_bar',
        title: 'Hours given, by role and stage',
        alt: alt.filter(Boolean).join(' '),
        categories: shown.map(labelOf),
        series: stages.map((stage) => ({ name: labelOf(stage), values: shown.map((role) => minutes(role, stage)) })),
        unit: 'hours',
        valueFormat: 'hours',
        n: hours.n,
      },
    });
  }
  if (hiddenNote) blocks.push({ kind: 'paragraph', text: hiddenNote });
  return { id: 'time_given', heading: 'Time given', blocks };
}

/** "a", "a and b", "a, b and c". */
export function listed(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Expenses and recognition, in aggregate only: never an amount paid to one person. */
export function expensesSection(evidence: ProjectEvidence): ReportSection {
  const result = evidence.summary.indicators.expenses;
  const blocks: ReportBlock[] = [];
  if (result && evidence.facts.expenses.size > 0) {
    blocks.push({ kind: 'figure', figure: indicatorFigure(result, 'Paid to participants in expenses and recognition') });
    if (result.breakdown.length) {
      blocks.push({
        kind: 'table',
        table: breakdownTable('Paid, by kind of expense or recognition', result.breakdown, 'Paid', (v) => formatChartValue(v, 'pence')),
      });
    }
    blocks.push({ kind: 'list', items: result.items.map(ledgerLine) });
    blocks.push({
      kind: 'notice',
      text: 'No amount paid to any one person is shown. Kinds of expense paid to fewer people than the publication threshold are not shown.',
    });
  }
  return { id: 'expenses', heading: 'Expenses and recognition', blocks };
}

/** One line of the expenses ledger in words: claims with their amount where it is shown, corrections, people paid. */
function ledgerLine(i: Record<string, unknown>): string {
  const claims = (n: unknown) => counted(Number(n ?? 0), 'claim', 'claims');
  if (i.key === 'people_paid') return `${text(i.measure)}: ${text(i.people)}`;
  if (i.key === 'corrected') {
    return `${text(i.measure)}: ${counted(Number(i.approvalsWithdrawn ?? 0), 'approval', 'approvals')} withdrawn, ${counted(Number(i.paymentsReversed ?? 0), 'payment', 'payments')} reversed`;
  }
  const amount =
    typeof i.amountPence === 'number' && Number(i.claims) > 0
      ? ` (${formatChartValue(i.amountPence, 'pence')})`
      : i.amountPence === null
        ? ' (amount not shown: too few people)'
        : '';
  return `${text(i.measure)}: ${claims(i.claims)}${amount}`;
}

/** What was done together at each stage, told from the record; the set-up dates are in the appendix. */
export function setupAndStagesSection(evidence: ProjectEvidence, shownUnder: ShownUnder = new Map()): ReportSection {
  return {
    id: 'setup_and_stages',
    heading: 'How the project was set up and run',
    blocks: stagesStoryBlocks(evidence, shownUnder.has('setup_activities')),
  };
}

/** The framework's set-up activities and when each was done, for the appendix of figures. */
export function setupFigures(indicators: Indicators): ReportBlock[] {
  const setup = indicators.setup_activities;
  if (!setup || !setup.items.length) return [];
  return [
    {
      kind: 'table',
      table: itemTable('Set-up activities', setup.items, [
        ['Activity', (i) => text(i.activity)],
        ['Done on', (i) => (i.done ? dated(i.doneOn) : 'Not recorded as done')],
      ]),
    },
  ];
}

/** Reflections on the framework's principles, one line each as the evaluation lead recorded them. */
export function principlesSection(indicators: Indicators): ReportSection {
  const result = indicators.principle_reflections;
  const blocks: ReportBlock[] = [];
  if (result && result.items.length) {
    blocks.push({ kind: 'paragraph', text: datesInWords(result.statement) });
    blocks.push({
      kind: 'list',
      items: result.items.map(
        (i) =>
          `${text(i.principle)}: ${text(i.reflection).replace(/\.?$/, '.')}${i.madeADifference ? '' : ' This principle was not seen to make a difference.'} (Recorded ${dated(i.recordedOn)}.)`,
      ),
    });
  }
  return { id: 'principles', heading: 'How the principles made a difference', blocks };
}

/** Proposals not adopted, each with its reason. */
export function notAdoptedSection(indicators: Indicators): ReportSection {
  const result = indicators.proposals_not_adopted;
  const blocks: ReportBlock[] = [];
  if (result && result.items.length) {
    blocks.push({
      kind: 'table',
      table: {
        ...itemTable('Proposals not adopted', result.items, [
          ['Proposal', (i) => text(i.proposal)],
          ['Decision', (i) => text(i.decision)],
          ['Why not', (i) => text(i.reason)],
        ]),
        widths: ['*', 130, '*'],
      },
    });
  }
  return { id: 'not_adopted', heading: 'Proposals not adopted, and why', blocks };
}

/** What the report withholds for resting on too few people: at a threshold of 1 (or less) nothing is, and the report says so. */
function smallGroupSentence(threshold: number): string {
  if (threshold <= 1) return 'No breakdown is withheld for resting on too few people: this report shows groups of any size, down to a single person.';
  return `Breakdowns resting on fewer than ${threshold} people are not shown.`;
}

/** Methods and limits: n, suppression, matched pairs, the two clocks, the checks, and what each figure measures. */
export function methodsSection(evidence: ProjectEvidence, audience: CaseStudyAudience, threshold: number): ReportSection {
  const { indicators } = evidence.summary;
  const survey = indicators.survey_change;
  const pairs = (survey?.items ?? []).map(
    (i) => `${text(i.item)}, ${text(i.group).toLowerCase()}: ${text(i.pairs)} matched ${i.pairs === 1 ? 'pair' : 'pairs'}`,
  );
  const all = quotesInOrder(evidence);
  const shown = consentedQuotes(all, evidence, audience).length;
  const blocks: ReportBlock[] = [
    {
      kind: 'paragraph',
      text: `Every figure says how many people it rests on (n). ${smallGroupSentence(threshold)}`,
    },
    ...(evidence.summary.protection?.sentences ?? []).map((sentence): ReportBlock => ({ kind: 'paragraph', text: sentence })),
    {
      kind: 'paragraph',
      text: `Changes in skills, confidence and sense of influence compare the same person's answers before and after; only matched pairs count (${pairs.join('; ') || 'no survey answers recorded'}).${survey?.note ? ` ${survey.note}` : ''}`,
    },
    {
      kind: 'paragraph',
      text:
        `The figures include what had happened by ${longDate(evidence.clocks.asOf)}, as recorded on ${longDate(evidence.range.lastRecordedAt)}. ` +
        'Corrections recorded by then are applied; a withdrawal of consent or an erasure applies whenever it was recorded.',
    },
    {
      kind: 'paragraph',
      text: `${shown} of the ${all.length} quotes recorded for this project have consent for ${audience === 'public' ? 'publication' : 'internal evaluation'} and appear in this report.`,
    },
  ];
  const flags = indicators.not_coproduction_flags;
  const framework = evidence.framework;
  const used = [...new Set(framework.outcomes.flatMap((o) => o.indicators))];
  return {
    id: 'methods_and_limits',
    heading: 'Methods and limits',
    blocks,
    subsections: [
      {
        id: 'not_coproduction',
        heading: 'Checks against what co-production is not',
        blocks: flags
          ? [
              { kind: 'paragraph', text: datesInWords(flags.statement) },
              ...(flags.items.length
                ? [{ kind: 'list' as const, items: flags.items.map((i) => `${text(i.subject)}: ${text(i.finding)} (${text(i.rule)})`) }]
                : []),
            ]
          : [],
      },
      {
        id: 'indicator_methods',
        heading: 'How each figure is measured',
        blocks: [
          { kind: 'list', items: used.map((id) => `${INDICATOR_CATALOGUE.get(id)?.title ?? id}: ${INDICATOR_CATALOGUE.get(id)?.description ?? ''}`) },
        ],
      },
    ],
  };
}
