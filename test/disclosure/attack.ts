import { EXPENSE_CATEGORIES, PARTICIPANT_ROLES, roleGroup, SURVEY_ITEMS } from '@coprod/domain';
import { AuditQuantity, LinearRelation, recoverable } from '@coprod/frameworks';

/** A published indicator as a reader gets it: parsed JSON, nothing else. */
interface Published {
  value: number | null;
  n: number;
  breakdown: { key: string; value: number | null; n: number | null; suppressed: boolean }[];
  secondaryBreakdown?: { key: string; value: number | null; n: number | null }[];
  items: Record<string, unknown>[];
}

/** A cell a reader worked out although it was not shown, with the value they got. */
export interface Recovered {
  cell: string;
  value: number;
  by: 'equations' | 'bounds';
}

const MERGED = 'not_shown_separately';

/**
 * The attacker: reads every number an output publishes, writes down every linear relation a
 * reader who knows what the figures mean can write (totals are sums of their cells, a role group is
 * the sum of its roles, the n of the hours by role is the count of people by role, a share of a known
 * number of people is a count, a mean of known pairs is a sum, a merged row is the sum of the cells not
 * listed), and solves them exactly together with the bounds every reader knows (no count is negative,
 * a cell listed as not shown is at least 1, a mean change lies within the scale).
 */
export function attack(json: Record<string, Published>): Recovered[] {
  const known = new Map<string, number>();
  const unknown = new Map<string, AuditQuantity>();
  const relations: LinearRelation[] = [];
  const sum = (total: string, parts: string[]) => relations.push({ terms: [[total, 1], ...parts.map((p) => [p, -1] as const)] });
  const learn = (id: string, value: number | null | undefined, min = 0, max = Infinity) => {
    if (typeof value === 'number') known.set(id, value);
    else if (!unknown.has(id)) unknown.set(id, { value: 0, min, max, integer: true });
  };

  /** A breakdown over categories that together make its total, with a merged row for those not listed. */
  const partition = (prefix: string, indicator: Published | undefined, categories: readonly string[], scale = 1, nPrefix?: string) => {
    if (!indicator) return;
    const listed = new Map(indicator.breakdown.filter((c) => c.key !== MERGED).map((c) => [c.key, c]));
    const merged = indicator.breakdown.find((c) => c.key === MERGED);
    for (const category of categories) {
      const cell = listed.get(category);
      learn(`${prefix}:${category}`, cell?.value === null || cell === undefined ? undefined : Math.round(cell.value * scale), cell ? 1 : 0);
      if (nPrefix) learn(`${nPrefix}:${category}`, cell?.n ?? undefined, cell ? 1 : 0);
    }
    learn(`${prefix}:total`, indicator.value === null ? undefined : Math.round(indicator.value * scale));
    sum(
      `${prefix}:total`,
      categories.map((c) => `${prefix}:${c}`),
    );
    const notListed = categories.filter((c) => listed.get(c)?.value === undefined || listed.get(c)?.value === null);
    if (merged) {
      learn(`${prefix}:merged`, merged.value === null ? undefined : Math.round(merged.value * scale));
      sum(
        `${prefix}:merged`,
        notListed.map((c) => `${prefix}:${c}`),
      );
      if (nPrefix && merged.n !== null) {
        learn(`${nPrefix}:merged`, merged.n);
        sum(
          `${nPrefix}:merged`,
          notListed.map((c) => `${nPrefix}:${c}`),
        );
      }
    }
  };

  partition('role', json.people_involved_by_role, PARTICIPANT_ROLES);
  partition('minutes', json.hours_by_role, PARTICIPANT_ROLES, 60, 'role');
  partition('training', json.training_completions, PARTICIPANT_ROLES);
  partition('pence', json.expenses, EXPENSE_CATEGORIES);

  const groups = json.people_by_role_group;
  if (groups) {
    for (const cell of groups.breakdown) {
      learn(`group:${cell.key}`, cell.value);
      sum(
        `group:${cell.key}`,
        PARTICIPANT_ROLES.filter((r) => roleGroup(r) === cell.key).map((r) => `role:${r}`),
      );
    }
  }

  // Seldom-heard groups overlap: each listed count is known, and a share of the people involved is a count too.
  const reach = json.reach_seldom_heard;
  const involved = json.people_involved_by_role?.value ?? 0;
  for (const cell of reach?.breakdown ?? []) learn(`seldom:${cell.key}`, cell.value, 1);
  if (reach && reach.breakdown.length === 1) {
    learn('seldom:any', reach.value);
    sum('seldom:any', [`seldom:${reach.breakdown[0].key}`]);
  }
  for (const item of json.reach_against_population?.items ?? []) {
    const share = item.participantShare;
    learn(`population:${String(item.group)}`, typeof share === 'number' ? Math.round((share * involved) / 100) : undefined);
  }

  // Means of a known number of pairs are sums; a change is after minus before.
  for (const item of json.survey_change?.items ?? []) {
    const pairs = Number(item.pairs);
    const id = (what: string) => `survey:${String(item.itemId)}:${String(item.groupId)}:${what}`;
    const asSum = (v: unknown) => (typeof v === 'number' ? Math.round(v * pairs) : undefined);
    learn(id('before'), asSum(item.meanBefore), pairs, 5 * pairs);
    learn(id('after'), asSum(item.meanAfter), pairs, 5 * pairs);
    learn(id('change'), asSum(item.meanChange), -4 * pairs, 4 * pairs);
    relations.push({
      terms: [
        [id('change'), 1],
        [id('after'), -1],
        [id('before'), 1],
      ],
    });
  }
  void SURVEY_ITEMS;

  const found = recoverable(unknown, relations, (id) => known.get(id));
  return found.filter((r) => unknown.has(r.id)).map((r) => ({ cell: r.id, value: r.value, by: r.by }));
}

/** The protected cells of an output at threshold 1 (every cell shown), by the attacker's names. */
export function truth(json: Record<string, Published>): Map<string, number> {
  const cells = new Map<string, number>();
  const put = (prefix: string, indicator: Published | undefined, scale = 1) => {
    for (const c of indicator?.breakdown ?? []) if (c.value !== null) cells.set(`${prefix}:${c.key}`, Math.round(c.value * scale));
  };
  put('role', json.people_involved_by_role);
  put('minutes', json.hours_by_role, 60);
  put('training', json.training_completions);
  put('pence', json.expenses);
  put('seldom', json.reach_seldom_heard);
  for (const item of json.survey_change?.items ?? []) {
    const pairs = Number(item.pairs);
    for (const [field, what] of [
      ['meanBefore', 'before'],
      ['meanAfter', 'after'],
      ['meanChange', 'change'],
    ] as const) {
      if (typeof item[field] === 'number')
        cells.set(`survey:${String(item.itemId)}:${String(item.groupId)}:${what}`, Math.round((item[field] as number) * pairs));
    }
  }
  return cells;
}

const PUBLIC_ROLES = new Set(['resident', 'council_officer', 'councillor']);

/** Whether a recovered cell is one the defaults protect (a recovered public fact, or an empty cell, discloses nobody). */
export function isProtectedCell(cell: string): boolean {
  const [kind, category] = cell.split(':');
  if (kind === 'role' || kind === 'minutes' || kind === 'training')
    return !PUBLIC_ROLES.has(category) && category !== 'total' && category !== 'merged';
  if (kind === 'pence') return category !== 'total' && category !== 'merged';
  return kind === 'seldom' || kind === 'survey' || kind === 'population';
}
