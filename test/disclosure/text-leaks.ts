import { FrameworkRegistry, OutcomeFrameworkView, ProjectFacts, summariseOutcomes } from '@coprod/frameworks';
import { peopleBehind } from '@coprod/frameworks/indicators/decisions.indicators';
import { labelOf, roleNoun } from '@coprod/frameworks/indicators/labels';
import { PARTICIPANT_ROLES } from '@coprod/domain';
import type { RenderedOutput } from './rendered-outputs';
import { attackText, isProtectedTextCell } from './text-attack';

const framework = FrameworkRegistry.load().default() as unknown as OutcomeFrameworkView;
const PUBLIC_ROLES = new Set(['resident', 'council_officer', 'councillor']);

interface Cell {
  key: string;
  value: number | null;
  n: number | null;
}

/** Every cell the text attacker can name, with its true value: the figures with nothing hidden, and each decision's people by role. */
export function textTruth(facts: ProjectFacts): { project: Map<string, number>; decisions: Map<string, Map<string, number>> } {
  const open = summariseOutcomes(facts, { suppressionThreshold: 1, framework }).indicators as unknown as Record<string, { breakdown: Cell[] }>;
  const project = new Map<string, number>();
  const put = (scope: string, id: string, scale = 1, n = false) => {
    for (const c of open[id]?.breakdown ?? []) {
      const v = n ? c.n : c.value;
      if (v !== null) project.set(`${scope}:${c.key}`, Math.round(v * scale));
    }
  };
  put('role', 'people_involved_by_role');
  put('minutes', 'hours_by_role', 60);
  put('training', 'training_completions');
  put('pence', 'expenses');
  put('payees', 'expenses', 1, true);
  put('group', 'people_by_role_group');
  const decisions = new Map<string, Map<string, number>>();
  for (const decisionId of facts.decisions.keys()) {
    const people = new Set(facts.influences.filter((i) => i.decisionId === decisionId).flatMap((i) => peopleBehind(facts, i)));
    const cells = new Map<string, number>();
    for (const role of PARTICIPANT_ROLES) cells.set(`decision:${role}`, [...people].filter((p) => facts.participants.get(p)?.role === role).length);
    decisions.set(decisionId, cells);
  }
  return { project, decisions };
}

/** What the text attacker got out of one output that it must not have: recovered cells, protected groups given a number, quotes attributed to a hidden role. */
export function leaksIn(output: RenderedOutput, truth: Map<string, number>, shownSeldom: ReadonlySet<string>): string[] {
  return readOutput(output, truth, shownSeldom).leaks;
}

/** The leaks in one output, and how many of the numbers the attacker read it checked against the record. */
export function readOutput(
  output: RenderedOutput,
  truth: Map<string, number>,
  shownSeldom: ReadonlySet<string>,
): { leaks: string[]; checked: number } {
  const reading = attackText(output.lines);
  const leaks: string[] = [];
  let checked = 0;
  for (const r of reading.recovered) {
    const real = truth.get(r.cell);
    if (isProtectedTextCell(r.cell) && real !== undefined && real !== 0) leaks.push(`${r.cell} = ${r.value} worked out (${r.by})`);
  }
  for (const [cell, value] of reading.stated) {
    const real = truth.get(cell);
    // A number read wrongly would make every equation after it wrong: the attacker must read what the output says.
    if (real !== undefined) checked++;
    if (real !== undefined && real !== value) leaks.push(`misread ${cell}: read ${value}, the record says ${real}`);
  }
  // Shown means listed with a number in a table or chart of this output; a number in a sentence alone is what is being checked.
  const shownCategories = reading.shownInTables;
  for (const m of reading.mentions) {
    const [kind, category] = m.category.split(':');
    const shown = kind === 'seldom' ? shownSeldom.has(category) : shownCategories.has(category);
    if (!shown) leaks.push(`names ${m.category}, not shown, beside a number: "${m.line}"`);
  }
  const publicNouns = new Set(['participant', ...['residents_and_communities', 'council_staff', 'councillors'].map(roleNoun)]);
  for (const noun of reading.attributions) {
    const role = PARTICIPANT_ROLES.find((r) => roleNoun(r) === noun);
    if (publicNouns.has(noun)) continue;
    if (!role) leaks.push(`a quote attributed to "${noun}", which is no role the attacker knows`);
    // Residents, council officers and councillors are public: naming one discloses nobody, shown in a chart or not.
    else if (!PUBLIC_ROLES.has(role) && !shownCategories.has(role))
      leaks.push(`a quote attributed to "${noun}" where ${labelOf(role)} are not shown`);
  }
  return { leaks, checked };
}

/** The seldom-heard groups a case study shows (the rest are left out as too small). */
export function shownSeldomGroups(facts: ProjectFacts, threshold: number): Set<string> {
  const shown = summariseOutcomes(facts, { suppressionThreshold: threshold, framework }).indicators.reach_seldom_heard;
  return new Set((shown?.breakdown ?? []).filter((c) => c.value !== null).map((c) => c.key));
}
