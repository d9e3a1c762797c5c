import { EXPENSE_CATEGORIES, roleGroup, ParticipantRole } from '@coprod/domain';
import { breakdownSpec, quantityId } from '../disclosure/breakdown-spec';
import { IndicatorDefinition, IndicatorItem, IndicatorResult, countCell, peopleCell, unique } from './indicator';
import { agree, counted, labelOf, quantity } from './labels';
import { heldAttendance } from './people.indicators';
import { peopleBehind } from './decisions.indicators';
import { ProjectFacts } from './project-facts';

export const setupActivities: IndicatorDefinition = {
  id: 'setup_activities',
  title: 'Set-up activities done',
  description: "The framework's set-up activities, and when each was recorded as done.",
  compute(facts, context) {
    const items = context.framework.setupActivities.map((s) => {
      const done = facts.setup.find((x) => x.activity === s.id);
      return { activity: s.name, activityId: s.id, doneOn: done?.doneOn.slice(0, 10) ?? null, done: !!done, eventIds: done ? [done.eventId] : [] };
    });
    const done = items.filter((i) => i.done).length;
    return {
      id: this.id,
      title: this.title,
      unit: 'items',
      value: done,
      n: 0,
      breakdown: [],
      items,
      statement: `${done} of ${quantity(items.length, 'activities')} ${agree(done, 'has', 'have')} been done.`,
      sourceEventIds: items.flatMap((i) => i.eventIds),
    };
  },
};

export const stageHistory: IndicatorDefinition = {
  id: 'stage_history',
  title: 'Stages',
  description: 'When the project entered each stage, and any stage it did not go through with the reason.',
  compute(facts) {
    const items: IndicatorItem[] = [];
    if (facts.project)
      items.push({
        stage: labelOf('co_planning'),
        enteredOn: facts.project.registeredOn.slice(0, 10),
        skipped: [],
        reason: null,
        eventIds: [facts.project.eventId],
      });
    for (const s of facts.stages) {
      items.push({
        stage: labelOf(s.stage),
        enteredOn: s.enteredOn.slice(0, 10),
        skipped: s.skipped.map(labelOf),
        reason: s.reason,
        eventIds: [s.eventId],
      });
    }
    return {
      id: this.id,
      title: this.title,
      unit: 'items',
      value: items.length,
      n: 0,
      breakdown: [],
      items,
      statement: facts.project
        ? `The project is in ${labelOf(facts.project.stage).toLowerCase()}${facts.project.closedOn ? ` and closed on ${facts.project.closedOn.slice(0, 10)}` : ''}.`
        : 'The project is not registered.',
      sourceEventIds: items.flatMap((i) => i.eventIds),
    };
  },
};

export const serviceMeasures: IndicatorDefinition = {
  id: 'service_measures',
  title: 'Service measures',
  description:
    'Project-specific measures of the improvement sought (outcome 5): baseline, latest reading and change, and whether the change is in the better direction.',
  compute(facts) {
    const items = [...facts.measures.values()].map((m) => {
      const latest = m.readings
        .slice()
        .sort((a, b) => a.readingOn.localeCompare(b.readingOn))
        .pop();
      const change = latest ? Math.round((latest.value - m.baseline) * 100) / 100 : null;
      const improved = change === null ? null : m.betterWhen === 'higher' ? change > 0 : change < 0;
      return {
        measure: m.name,
        unit: m.unit,
        baseline: m.baseline,
        baselineOn: m.baselineOn.slice(0, 10),
        latest: latest?.value ?? null,
        latestOn: latest?.readingOn.slice(0, 10) ?? null,
        change,
        improved,
        eventIds: m.eventIds,
      };
    });
    const improved = items.filter((i) => i.improved).length;
    return {
      id: this.id,
      title: this.title,
      unit: 'items',
      value: improved,
      n: 0,
      breakdown: [],
      items,
      statement: items.length
        ? // "0 of 1 service measure has moved", "1 of 3 ... has", "0 of 3 ... have": singular where either count is one.
          `${improved} of ${quantity(items.length, 'measures')} ${agree(items.length === 1 ? 1 : improved, 'has', 'have')} moved in the better direction since ${agree(items.length, 'its', 'their')} baseline.`
        : 'No service measure has been defined yet.',
      sourceEventIds: items.flatMap((i) => i.eventIds),
    };
  },
};

/** The lines of the expenses ledger, in the order a finance officer reads them. */
const LEDGER = [
  { key: 'paid', measure: 'Paid', status: 'paid' },
  { key: 'approved_awaiting_payment', measure: 'Approved, awaiting payment', status: 'approved' },
  { key: 'awaiting_approval', measure: 'Awaiting approval', status: 'claimed' },
  { key: 'rejected', measure: 'Rejected', status: 'rejected' },
] as const;

const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;

export const expenses: IndicatorDefinition = {
  id: 'expenses',
  title: 'Expenses and recognition',
  description:
    'The expenses ledger: paid, approved and awaiting payment, awaiting approval, rejected, and corrections (approvals withdrawn, payments reversed), with the number of people paid and what was paid by category. An amount resting on fewer people than the threshold is not shown, and no per-person amount is ever shown.',
  compute(facts) {
    const all = [...facts.expenses.values()];
    const paid = all.filter((x) => x.status === 'paid');
    const total = paid.reduce((s, x) => s + x.paidPence, 0);
    const people = unique(paid.map((x) => x.participantId));
    const cells = unique(paid.map((x) => x.category)).map((c) => {
      const mine = paid.filter((x) => x.category === c);
      return { key: c, value: mine.reduce((s, x) => s + x.paidPence, 0), people: unique(mine.map((x) => x.participantId)).length };
    });
    const spec = breakdownSpec({
      dimension: 'expense_category',
      population: 'paid',
      measure: 'pence',
      cells,
      categories: EXPENSE_CATEGORIES,
      total: { value: total, people: people.length },
      mergedLabel: 'Other categories, not shown separately',
    });
    if (spec.merge) spec.merge = { ...spec.merge, protectAs: { dimension: 'expense_per_person', category: 'merged_categories' } };
    // The total paid rests on the people paid: with too few of them it is close to one person's payment.
    spec.quantities = spec.quantities.map((q) => (q.id === spec.value ? { ...q, dimension: 'expense_per_person', category: 'paid' } : q));
    const items: IndicatorItem[] = LEDGER.map((line) => {
      const claims = all.filter((x) => x.status === line.status);
      const amount = line.status === 'paid' ? total : claims.reduce((s, x) => s + x.amountPence, 0);
      return {
        measure: line.measure,
        key: line.key,
        claims: claims.length,
        amountPence: amount,
        people: unique(claims.map((x) => x.participantId)).length,
        eventIds: claims.flatMap((x) => x.eventIds),
      };
    });
    const corrected = all.filter((x) => x.approvalsWithdrawn + x.paymentsReversed > 0);
    items.push({
      measure: 'Corrected (approvals withdrawn, payments reversed)',
      key: 'corrected',
      claims: corrected.length,
      approvalsWithdrawn: all.reduce((s, x) => s + x.approvalsWithdrawn, 0),
      paymentsReversed: all.reduce((s, x) => s + x.paymentsReversed, 0),
      reversedPence: all.reduce((s, x) => s + x.reversedPence, 0),
      eventIds: corrected.flatMap((x) => x.eventIds),
    });
    items.push({ measure: 'People paid', key: 'people_paid', people: people.length, eventIds: [] });
    const amountId = (key: string) => quantityId('pence', 'ledger', 'expense_per_person', key);
    spec.quantities.push(
      ...items.slice(1, 4).map((i) => ({
        id: amountId(String(i.key)),
        value: Number(i.amountPence),
        dimension: 'expense_per_person' as const,
        category: String(i.key),
        restsOn: Number(i.people),
      })),
      {
        id: amountId('reversed'),
        value: Number(items[4].reversedPence),
        dimension: 'expense_per_person',
        category: 'reversed',
        restsOn: unique(corrected.filter((x) => x.reversedPence > 0).map((x) => x.participantId)).length,
      },
    );
    spec.items = [
      ...(spec.value ? [{ index: 0, field: 'amountPence', id: spec.value }] : []),
      ...[1, 2, 3].map((index) => ({ index, field: 'amountPence', id: amountId(String(items[index].key)) })),
      { index: 4, field: 'reversedPence', id: amountId('reversed') },
    ];
    const result: IndicatorResult = {
      id: this.id,
      title: this.title,
      unit: 'pence',
      value: total,
      n: people.length,
      breakdown: cells.map((c) => peopleCell(c.key, labelOf(c.key), c.value, c.people)),
      items,
      statement: '',
      sourceEventIds: all.flatMap((x) => x.eventIds),
    };
    return { ...result, statement: ledgerStatement(result), disclosure: spec };
  },
  restate(shown) {
    return ledgerStatement(shown);
  },
};

/** The ledger in words, from the figures as shown: a hidden amount is never stated. */
function ledgerStatement(result: IndicatorResult): string {
  const line = (key: string) => result.items.find((i) => i.key === key)!;
  const amount = (key: string) => {
    const value = line(key).amountPence;
    return typeof value === 'number' && line(key).claims ? ` (${pounds(value)})` : '';
  };
  const paidTo = quantity(result.n, 'people');
  const parts = [
    result.value === null
      ? `Expenses and recognition were paid to ${paidTo}; the amount is not shown, as it rests on too few people`
      : `${pounds(result.value)} was paid to ${paidTo} in expenses and recognition`,
    `${counted(Number(line('approved_awaiting_payment').claims), 'claim is', 'claims are')} approved and awaiting payment${amount('approved_awaiting_payment')}`,
    `${counted(Number(line('awaiting_approval').claims), 'claim awaits', 'claims await')} approval${amount('awaiting_approval')}`,
    `${counted(Number(line('rejected').claims), 'claim was', 'claims were')} rejected`,
  ];
  const corrected = line('corrected');
  const corrections = Number(corrected.approvalsWithdrawn) + Number(corrected.paymentsReversed);
  const tail = corrections
    ? ` ${counted(corrections, 'correction was', 'corrections were')} recorded (${counted(Number(corrected.approvalsWithdrawn), 'approval', 'approvals')} withdrawn, ${counted(Number(corrected.paymentsReversed), 'payment', 'payments')} reversed); reversed payments are not counted as paid.`
    : '';
  return `${parts.join('; ')}.${tail}`;
}

export const principleReflections: IndicatorDefinition = {
  id: 'principle_reflections',
  title: 'How the principles made a difference',
  description: "Reflections recorded against each of the framework's principles.",
  compute(facts, context) {
    const items = facts.reflections.map((r) => ({
      principle: context.framework.principles.find((p) => p.id === r.principleId)?.name ?? r.principleId,
      reflection: r.reflection,
      madeADifference: r.madeADifference,
      recordedOn: r.recordedOn.slice(0, 10),
      eventIds: [r.eventId],
    }));
    const covered = unique(facts.reflections.map((r) => r.principleId)).filter((id) => context.framework.principles.some((p) => p.id === id));
    return {
      id: this.id,
      title: this.title,
      unit: 'items',
      value: items.length,
      n: 0,
      breakdown: context.framework.principles.map((p) => countCell(p.id, p.name, facts.reflections.filter((r) => r.principleId === p.id).length)),
      items,
      statement: `Reflections cover ${covered.length} of the framework's ${quantity(context.framework.principles.length, 'principles')}.`,
      sourceEventIds: items.flatMap((i) => i.eventIds),
    };
  },
};

const isResident = (facts: ProjectFacts, id: string) => {
  const role = facts.participants.get(id)?.role;
  return role !== undefined && roleGroup(role as ParticipantRole) === 'residents_and_communities';
};

function formedOptionsFinding(influences: { optionsAlreadyFormed: boolean }[]): string {
  return influences.every((i) => i.optionsAlreadyFormed)
    ? 'The only input was consultation on options that were already formed.'
    : 'The only input was at or below consultation on the ladder: people were informed or consulted, not sharing the decision.';
}

/** The engine's checks of what co-production is not (Bracknell Forest's list). */
const CHECKS: Record<string, (facts: ProjectFacts) => IndicatorItem[]> = {
  consultation_on_formed_options: (facts) =>
    [...facts.decisions.values()]
      .map((d) => ({ d, influences: facts.influences.filter((i) => i.decisionId === d.decisionId) }))
      .filter(
        ({ influences }) =>
          influences.length > 0 &&
          influences.every((i) => i.optionsAlreadyFormed || ['coercion', 'educating', 'informing', 'consultation'].includes(i.ladderLevel)),
      )
      .map(({ d, influences }) => ({
        subject: d.reference ? `${d.title} (${d.reference})` : d.title,
        finding: formedOptionsFinding(influences),
        eventIds: [d.eventId, ...influences.map((i) => i.eventId)],
      })),
  no_residents_involved: (facts) =>
    [...facts.activities.values()]
      .filter((a) => a.heldOn && !a.cancelled)
      .map((a) => ({ a, attendance: heldAttendance(facts).filter((x) => x.activityId === a.activityId) }))
      .filter(({ attendance }) => attendance.length > 0 && !attendance.some((x) => isResident(facts, x.participantId)))
      .map(({ a, attendance }) => ({
        subject: a.title,
        finding: 'Held without any resident or community member taking part.',
        eventIds: [...a.eventIds, ...attendance.map((x) => x.eventId)],
      })),
  volunteering_without_contribution: (facts) =>
    [...facts.activities.values()]
      .filter((a) => a.activityType === 'co_delivery_shift' && a.heldOn && !a.cancelled)
      .filter((a) => heldAttendance(facts).some((x) => x.activityId === a.activityId && isResident(facts, x.participantId)))
      .filter((a) => !facts.contributions.some((c) => c.activityId === a.activityId && c.participantIds.some((id) => isResident(facts, id))))
      .map((a) => ({
        subject: a.title,
        finding: 'Residents delivered, but no contribution of theirs to how it is done was recorded.',
        eventIds: a.eventIds,
      })),
};

export const notCoproductionFlags: IndicatorDefinition = {
  id: 'not_coproduction_flags',
  title: 'What co-production is not: flags',
  description:
    "Checks of the record against the framework's list of what co-production is not, e.g. decisions whose only input was consultation on already-formed options.",
  compute(facts, context) {
    const items = context.framework.notCoproduction.flatMap((rule) => {
      const check = rule.check ? CHECKS[rule.check] : undefined;
      return check ? check(facts).map((finding) => ({ ...finding, rule: rule.description })) : [];
    });
    const people = unique(facts.influences.flatMap((i) => peopleBehind(facts, i)));
    return {
      id: this.id,
      title: this.title,
      unit: 'flags',
      value: items.length,
      n: people.length,
      breakdown: [],
      items,
      statement: items.length
        ? `${counted(items.length, 'part of the record looks', 'parts of the record look')} like something co-production is not; see the flags.`
        : 'No part of the record matches what co-production is not.',
      sourceEventIds: unique(items.flatMap((i) => i.eventIds)),
    };
  },
};
