import { roleGroup, ParticipantRole } from '@coprod/domain';
import { BreakdownEntry, IndicatorDefinition, IndicatorItem, countCell, peopleCell, unique } from './indicator';
import { counted, labelOf } from './labels';
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
      statement: `${done} of ${items.length} set-up activities have been done.`,
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
    if (facts.project) items.push({ stage: labelOf('co_planning'), enteredOn: facts.project.registeredOn.slice(0, 10), skipped: [], reason: null, eventIds: [facts.project.eventId] });
    for (const s of facts.stages) {
      items.push({ stage: labelOf(s.stage), enteredOn: s.enteredOn.slice(0, 10), skipped: s.skipped.map(labelOf), reason: s.reason, eventIds: [s.eventId] });
    }
    return {
      id: this.id,
      title: this.title,
      unit: 'items',
      value: items.length,
      n: 0,
      breakdown: [],
      items,
      statement: facts.project ? `The project is in ${labelOf(facts.project.stage).toLowerCase()}${facts.project.closedOn ? ` and closed on ${facts.project.closedOn.slice(0, 10)}` : ''}.` : 'The project is not registered.',
      sourceEventIds: items.flatMap((i) => i.eventIds),
    };
  },
};

export const serviceMeasures: IndicatorDefinition = {
  id: 'service_measures',
  title: 'Service measures',
  description: 'Project-specific measures of the improvement sought (outcome 5): baseline, latest reading and change, and whether the change is in the better direction.',
  compute(facts) {
    const items = [...facts.measures.values()].map((m) => {
      const latest = m.readings.slice().sort((a, b) => a.readingOn.localeCompare(b.readingOn)).pop();
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
      statement: items.length ? `${improved} of ${items.length} service measures have moved in the better direction since their baseline.` : 'No service measure has been defined yet.',
      sourceEventIds: items.flatMap((i) => i.eventIds),
    };
  },
};

/**
 * Withholds a second cell when exactly one is suppressed: otherwise the total minus the cells shown
 * gives the suppressed amount, which may be one person's payment.
 */
function withComplementarySuppression(cells: BreakdownEntry[]): BreakdownEntry[] {
  const shownCells = cells.filter((c) => !c.suppressed);
  if (cells.length - shownCells.length !== 1 || shownCells.length === 0) return cells;
  const smallest = shownCells.reduce((a, b) => ((b.value ?? 0) < (a.value ?? 0) ? b : a));
  return cells.map((c) => (c === smallest ? { ...c, value: null, suppressed: true } : c));
}

export const expenses: IndicatorDefinition = {
  id: 'expenses',
  title: 'Expenses and recognition',
  description: 'Total paid to participants for expenses and recognition, by category, and the number of people paid. Amounts for fewer people than the threshold are suppressed; no per-person amount is ever shown.',
  compute(facts, context) {
    const threshold = context.suppressionThreshold;
    const all = [...facts.expenses.values()];
    const paid = all.filter((x) => x.status === 'paid');
    const total = paid.reduce((s, x) => s + x.paidPence, 0);
    const people = unique(paid.map((x) => x.participantId));
    const categories = unique(paid.map((x) => x.category));
    const awaiting = all.filter((x) => x.status === 'claimed').length;
    const reversed = all.filter((x) => x.reversedPence > 0);
    const totalSuppressed = people.length > 0 && people.length < threshold;
    const byCategory = categories.map((c) => {
      const mine = paid.filter((x) => x.category === c);
      return peopleCell(c, labelOf(c), mine.reduce((s, x) => s + x.paidPence, 0), unique(mine.map((x) => x.participantId)).length, threshold);
    });
    return {
      id: this.id,
      title: this.title,
      unit: 'pence',
      value: totalSuppressed ? null : total,
      n: people.length,
      breakdown: withComplementarySuppression(byCategory),
      items: [
        { measure: 'People paid', value: people.length, eventIds: [] },
        { measure: 'Claims awaiting approval', value: awaiting, eventIds: all.filter((x) => x.status === 'claimed').flatMap((x) => x.eventIds) },
        { measure: 'Claims rejected', value: all.filter((x) => x.status === 'rejected').length, eventIds: [] },
        ...(reversed.length > 0 ? [{ measure: 'Payments reversed (not counted in the total)', value: reversed.length, eventIds: reversed.flatMap((x) => x.eventIds) }] : []),
      ],
      statement:
        (totalSuppressed
          ? `Expenses and recognition were paid to ${counted(people.length, 'person', 'people')}, fewer than ${threshold}, so the amount is not shown; ${counted(awaiting, 'claim awaits', 'claims await')} approval.`
          : `£${(total / 100).toFixed(2)} was paid to ${counted(people.length, 'person', 'people')} in expenses and recognition; ${counted(awaiting, 'claim awaits', 'claims await')} approval.`) +
        (reversed.length > 0 ? ` ${counted(reversed.length, 'payment was', 'payments were')} reversed and ${reversed.length === 1 ? 'is' : 'are'} not counted.` : ''),
      sourceEventIds: paid.flatMap((x) => x.eventIds),
    };
  },
};

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
      statement: `Reflections cover ${covered.length} of the framework's ${context.framework.principles.length} principles.`,
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
      .filter(({ influences }) => influences.length > 0 && influences.every((i) => i.optionsAlreadyFormed || ['coercion', 'educating', 'informing', 'consultation'].includes(i.ladderLevel)))
      .map(({ d, influences }) => ({ subject: `${d.title} (${d.reference})`, finding: formedOptionsFinding(influences), eventIds: [d.eventId, ...influences.map((i) => i.eventId)] })),
  no_residents_involved: (facts) =>
    [...facts.activities.values()]
      .filter((a) => a.heldOn && !a.cancelled)
      .map((a) => ({ a, attendance: heldAttendance(facts).filter((x) => x.activityId === a.activityId) }))
      .filter(({ attendance }) => attendance.length > 0 && !attendance.some((x) => isResident(facts, x.participantId)))
      .map(({ a, attendance }) => ({ subject: a.title, finding: 'Held without any resident or community member taking part.', eventIds: [...a.eventIds, ...attendance.map((x) => x.eventId)] })),
  volunteering_without_contribution: (facts) =>
    [...facts.activities.values()]
      .filter((a) => a.activityType === 'co_delivery_shift' && a.heldOn && !a.cancelled)
      .filter((a) => heldAttendance(facts).some((x) => x.activityId === a.activityId && isResident(facts, x.participantId)))
      .filter((a) => !facts.contributions.some((c) => c.activityId === a.activityId && c.participantIds.some((id) => isResident(facts, id))))
      .map((a) => ({ subject: a.title, finding: 'Residents delivered, but no contribution of theirs to how it is done was recorded.', eventIds: a.eventIds })),
};

export const notCoproductionFlags: IndicatorDefinition = {
  id: 'not_coproduction_flags',
  title: 'What co-production is not: flags',
  description: "Checks of the record against the framework's list of what co-production is not, e.g. decisions whose only input was consultation on already-formed options.",
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
      statement: items.length ? `${items.length} parts of the record look like something co-production is not; see the flags.` : 'No part of the record matches what co-production is not.',
      sourceEventIds: unique(items.flatMap((i) => i.eventIds)),
    };
  },
};
