import { PARTICIPANT_ROLES, STAGES } from '@coprod/domain/core/vocabulary';
import type { IndicatorItem, IndicatorResult } from '@coprod/frameworks';
import { INDICATOR_CATALOGUE } from '@coprod/frameworks/indicators/catalogue';
import { labelOf } from '@coprod/frameworks/indicators/labels';
import { heldAttendance } from '@coprod/frameworks/indicators/people.indicators';
import { formatChartValue } from '../charts/chart-format';
import type { ReportBlock, ReportSection, TableSpec } from '../model/report-model';
import { counted } from '@coprod/frameworks/indicators/labels';
import { consentedQuotes, quotesInOrder } from './consented-quotes';
import { breakdownTable, indicatorFigure } from './indicator-blocks';
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

/** Who took part: roles, seldom-heard groups, ways of taking part, and reach against the population. */
export function whoTookPartSection(indicators: Indicators, shownUnder: ShownUnder = new Map()): ReportSection {
  const blocks: ReportBlock[] = [];
  const groups = indicators.people_by_role_group;
  const roles = indicators.people_involved_by_role;
  if (groups) blocks.push({ kind: 'paragraph', text: datesInWords(groups.statement) });
  if (roles && shownUnder.has(roles.id)) blocks.push(shownUnderBlock(roles, shownUnder.get(roles.id)!));
  else if (roles) blocks.push({ kind: 'table', table: breakdownTable('People involved, by role', roles.breakdown, 'People') });
  const tables: [IndicatorResult | undefined, string][] = [
    [indicators.reach_seldom_heard, 'People involved, by seldom-heard group'],
    [indicators.offline_share, 'People involved, by how they took part'],
  ];
  for (const [result, caption] of tables) {
    if (!result) continue;
    if (shownUnder.has(result.id)) {
      blocks.push(shownUnderBlock(result, shownUnder.get(result.id)!));
      continue;
    }
    blocks.push({ kind: 'figure', figure: indicatorFigure(result) });
    if (result.breakdown.length) blocks.push({ kind: 'table', table: breakdownTable(caption, result.breakdown, 'People') });
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
      },
    });
    if (reach.note) blocks.push({ kind: 'paragraph', text: reach.note });
  } else if (reach) {
    blocks.push({ kind: 'paragraph', text: datesInWords(reach.statement) });
  }
  return { id: 'who_took_part', heading: 'Who took part', blocks };
}

/**
 * Time given: total hours, and hours by role and stage as a stacked chart. The chart holds minutes
 * (its renderer shows hours); a role resting on too few people is left out of it and named beneath.
 */
export function timeGivenSection(evidence: ProjectEvidence, threshold: number, shownUnder: ShownUnder = new Map()): ReportSection {
  const hours = evidence.summary.indicators.hours_by_role;
  const blocks: ReportBlock[] = [];
  if (!hours) return { id: 'time_given', heading: 'Time given', blocks };
  const outcome = shownUnder.get(hours.id);
  blocks.push(
    outcome === undefined ? { kind: 'figure', figure: indicatorFigure(hours, 'Hours given by everyone involved') } : shownUnderBlock(hours, outcome),
  );
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
  const hiddenNote = hidden.length
    ? `Roles held by fewer than ${threshold} people, or that would let one be worked out, are not in the chart and not named.`
    : '';
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
      },
    });
  }
  if (hiddenNote) blocks.push({ kind: 'paragraph', text: hiddenNote });
  return { id: 'time_given', heading: 'Time given', blocks };
}

/** "a", "a and b", "a, b and c". */
function listed(items: string[]): string {
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

/** The framework's set-up activities and the stages the project went through. */
export function setupAndStagesSection(indicators: Indicators): ReportSection {
  const blocks: ReportBlock[] = [];
  const setup = indicators.setup_activities;
  if (setup && setup.items.length) {
    blocks.push({ kind: 'paragraph', text: datesInWords(setup.statement) });
    blocks.push({
      kind: 'table',
      table: itemTable('Set-up activities', setup.items, [
        ['Activity', (i) => text(i.activity)],
        ['Done on', (i) => (i.done ? dated(i.doneOn) : 'Not recorded as done')],
      ]),
    });
  }
  const stages = indicators.stage_history;
  if (stages && stages.items.length) {
    blocks.push({ kind: 'paragraph', text: datesInWords(stages.statement) });
    blocks.push({
      kind: 'table',
      table: itemTable('Stages', stages.items, [
        ['Stage', (i) => text(i.stage)],
        ['Entered on', (i) => dated(i.enteredOn)],
        ['Stages not gone through', (i) => text(i.skipped)],
        ['Why', (i) => text(i.reason)],
      ]),
    });
  }
  return { id: 'setup_and_stages', heading: 'How the project was set up and run', blocks };
}

/** Reflections on the framework's principles. */
export function principlesSection(indicators: Indicators): ReportSection {
  const result = indicators.principle_reflections;
  const blocks: ReportBlock[] = [];
  if (result && result.items.length) {
    blocks.push({ kind: 'paragraph', text: datesInWords(result.statement) });
    blocks.push({
      kind: 'table',
      table: itemTable('Reflections on the principles', result.items, [
        ['Principle', (i) => text(i.principle)],
        ['Reflection', (i) => text(i.reflection)],
        ['Made a difference', (i) => (i.madeADifference ? 'Yes' : 'No')],
        ['Recorded', (i) => dated(i.recordedOn)],
      ]),
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
      table: itemTable('Proposals not adopted', result.items, [
        ['Proposal', (i) => text(i.proposal)],
        ['Decision', (i) => text(i.decision)],
        ['Why not', (i) => text(i.reason)],
      ]),
    });
  }
  return { id: 'not_adopted', heading: 'Proposals not adopted, and why', blocks };
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
      text: `Every figure says how many people it rests on (n). Breakdowns resting on fewer than ${threshold} people are not shown.`,
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
