import { EXPENSE_CATEGORIES, PARTICIPANT_ROLES, roleGroup, STAGES } from '@coprod/domain';
import { AuditQuantity, LinearRelation, recoverable, SELDOM_HEARD_GROUPS } from '@coprod/frameworks';
import { labelOf, roleNoun } from '@coprod/frameworks/indicators/labels';
import type { Recovered } from './attack';

/**
 * The attacker for published text (PDF, HTML, Markdown, Word read back as lines): it knows only what a
 * reader of the words knows. It reads every table whose rows name roles, role groups or kinds of
 * expense, the headline figures and the sentences that give a count of a group ("11 people, 8 of them
 * residents or community members", "The largest is carers, at 3 people", "Residents gave the most time:
 * 11.0 hours"), writes each as an equation over the cells it speaks about, and solves them all together
 * with the bounds every reader knows, exactly as the figures attacker does.
 */

/** What the attack read in one output, beside what it worked out. */
export interface TextReading {
  recovered: Recovered[];
  /** Cells the output states outright, by the attacker's names (`role:carer`, `decision:carer`, `minutes:resident`). */
  stated: Map<string, number>;
  /** Lines that name a group and give a number beside it, by the category they name. */
  mentions: { category: string; line: string }[];
  /** The role nouns quotes are attributed to ("a carer", "a resident or community member"). */
  attributions: string[];
  /** Tables of roles or kinds of expense the attacker read, by scope: proof it read something. */
  tables: string[];
  /** Categories a table or chart of the output shows with a number: the groups it does show. */
  shownInTables: Set<string>;
}

const MERGED = /^other (roles|categories), not shown separately$/i;
const ROLE_GROUPS = ['residents_and_communities', 'council_staff', 'councillors'] as const;

type Dimension = 'role' | 'role_group' | 'expense_category';

/** Labels as the reports print them, to the category they name; "Councillors" is a role and a role group. */
const LABELS = new Map<string, { dimension: Dimension; category: string }[]>();
const addLabel = (text: string, dimension: Dimension, category: string) => {
  const key = text.toLowerCase();
  LABELS.set(key, [...(LABELS.get(key) ?? []), { dimension, category }]);
};
for (const role of PARTICIPANT_ROLES) addLabel(labelOf(role), 'role', role);
for (const group of ROLE_GROUPS) addLabel(labelOf(group), 'role_group', group);
for (const category of EXPENSE_CATEGORIES) addLabel(labelOf(category), 'expense_category', category);

/**
 * The group names in a written list ("residents, carers and council officers"): labels may hold "and" themselves
 * ("People who draw on care and support"), so the longest known labels are found first, then what is left.
 */
function namesInList(list: string): string[] {
  let rest = ` ${list.toLowerCase()} `;
  const names: string[] = [];
  const merged = ['other roles, not shown separately', 'other categories, not shown separately'];
  for (const label of [...LABELS.keys(), ...merged].sort((a, b) => b.length - a.length)) {
    const at = rest.search(new RegExp(`(?<=^ |, | and )${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=,| and | $)`));
    if (at < 0) continue;
    names.push(label);
    rest = `${rest.slice(0, at)}${'#'.repeat(label.length)}${rest.slice(at + label.length)}`;
  }
  return [
    ...names,
    ...rest
      .split(/, | and /)
      .map((t) => t.trim())
      .filter((t) => t && !/^#+$/.test(t)),
  ];
}

/** Every protected name a sentence could give a number beside: role labels and nouns, kinds of expense, seldom-heard groups. */
const PROTECTED_NAMES: { category: string; names: string[] }[] = [
  ...PARTICIPANT_ROLES.filter((r) => !['resident', 'council_officer', 'councillor'].includes(r)).map((r) => ({
    category: `role:${r}`,
    names: [labelOf(r), roleNoun(r)],
  })),
  ...EXPENSE_CATEGORIES.map((c) => ({ category: `expense:${c}`, names: [labelOf(c)] })),
  ...SELDOM_HEARD_GROUPS.map((g) => ({ category: `seldom:${g.id}`, names: [g.name] })),
];

/** Which figure a table or headline is, from its title: the scope its cells are named under, and how its values scale to whole units. */
const SCOPES: { title: RegExp; scope: string; scale: number; nScope?: string }[] = [
  { title: /people behind this decision, by role/i, scope: 'decision', scale: 1 },
  { title: /hours given, by role and stage/i, scope: 'stage_minutes', scale: 60 },
  { title: /hours contributed, by role/i, scope: 'minutes', scale: 60, nScope: 'role' },
  { title: /briefing and training completed/i, scope: 'training', scale: 1 },
  { title: /people involved, by role/i, scope: 'role', scale: 1 },
  { title: /residents, council staff and councillors/i, scope: 'group', scale: 1 },
  { title: /paid, by kind of expense/i, scope: 'pence', scale: 100, nScope: 'payees' },
];

function scopeOf(title: string) {
  return SCOPES.find((s) => s.title.test(title));
}

/** A published number in whole units, or undefined for "not shown" and the like. */
function numberIn(cell: string | undefined, scale: number): number | undefined {
  const m = /^[£]?(-?[\d,]+(?:\.\d+)?)\b/.exec((cell ?? '').trim());
  return m ? Math.round(Number(m[1].replace(/,/g, '')) * scale) : undefined;
}

const cellsOf = (line: string) => line.split(' | ').map((c) => c.replace(/\*+$/, '').trim());

function categoriesOf(dimension: Dimension): readonly string[] {
  if (dimension === 'role') return PARTICIPANT_ROLES;
  if (dimension === 'role_group') return ROLE_GROUPS;
  return EXPENSE_CATEGORIES;
}

/**
 * A chart's description as a table: "People involved, by role. … The numbers: Residents: 2 people; Carers: 1 person."
 * gives a title line, a header and a row per group; "Residents: Co-design 3.0 hours, Co-delivery 1.5 hours" a row per role with a column per stage.
 */
export function chartTables(lines: readonly string[]): string[] {
  return lines.flatMap((line) => {
    const at = line.indexOf('The numbers: ');
    if (at < 0) return [line];
    const title = line.slice(0, line.indexOf('. ') > 0 ? line.indexOf('. ') : at).trim();
    const items = line
      .slice(at + 'The numbers: '.length)
      .replace(/\.$/, '')
      .split('; ')
      .map((item) => [item.slice(0, item.indexOf(': ')), item.slice(item.indexOf(': ') + 2)] as const);
    const split = items.some(([, v]) => /^[A-Z][a-z-]+ [\d.]+ hours(, |$)/.test(v) && v.includes(', '));
    if (!split) return [line, title, 'Category | Number', ...items.map(([label, value]) => `${label} | ${value}`)];
    const columns = [...new Set(items.flatMap(([, v]) => v.split(', ').map((part) => part.replace(/ [\d.]+ hours$/, ''))))];
    const row = ([label, v]: readonly [string, string]) => {
      const byColumn = new Map(v.split(', ').map((part) => [part.replace(/ [\d.]+ hours$/, ''), /([\d.]+) hours$/.exec(part)?.[1] ?? '']));
      return [label, ...columns.map((c) => byColumn.get(c) ?? '')].join(' | ');
    };
    return [line, title, ['Category', ...columns.map((c) => `${c} (hours)`)].join(' | '), ...items.map(row)];
  });
}

/** Reads one output's lines (charts' descriptions read as tables) and solves what they publish. */
export function attackText(published: readonly string[]): TextReading {
  const lines = chartTables(published);
  const known = new Map<string, number>();
  const unknown = new Map<string, AuditQuantity>();
  const relations: LinearRelation[] = [];
  const tables: string[] = [];
  const shownInTables = new Set<string>();
  const sum = (total: string, parts: string[]) => relations.push({ terms: [[total, 1], ...parts.map((p) => [p, -1] as const)] });
  const learn = (id: string, value: number | undefined, min = 0) => {
    if (value !== undefined) known.set(id, value);
    else if (!known.has(id)) unknown.set(id, { value: 0, min: Math.max(min, unknown.get(id)?.min ?? 0), max: Infinity, integer: true });
  };
  const committee = lines.some((l) => /^Consultation and engagement$/i.test(l));
  const partitioned = new Set<string>();
  const partition = (scope: string, dimension: Dimension) => {
    if (partitioned.has(scope)) return;
    partitioned.add(scope);
    const categories = categoriesOf(dimension);
    for (const c of categories) learn(`${scope}:${c}`, undefined);
    learn(`${scope}:total`, undefined);
    sum(
      `${scope}:total`,
      categories.map((c) => `${scope}:${c}`),
    );
    // Role groups are sums of the people by role: of the project's people, or of the people behind a decision.
    if (scope === 'role' || scope === 'decision') {
      const groupScope = scope === 'decision' ? 'decision_group' : 'group';
      for (const g of ROLE_GROUPS) {
        learn(`${groupScope}:${g}`, undefined);
        sum(
          `${groupScope}:${g}`,
          PARTICIPANT_ROLES.filter((r) => roleGroup(r) === g).map((r) => `${scope}:${r}`),
        );
      }
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const cells = cellsOf(line);
    const rowLabel = (l: string) => cellsOf(l)[0].toLowerCase();
    const isRow = (l: string | undefined) => !!l && l.includes(' | ') && (LABELS.has(rowLabel(l)) || MERGED.test(cellsOf(l)[0]));
    if (isRow(line) && !isRow(lines[i - 1])) {
      // A table: its header line above, its title among the lines above that.
      const header = lines[i - 1]?.includes(' | ') ? cellsOf(lines[i - 1]) : [];
      const above = lines.slice(Math.max(0, i - 5), header.length ? i - 1 : i).reverse();
      const found = above.map(scopeOf).find(Boolean);
      const rows: string[][] = [];
      for (let j = i; isRow(lines[j]); j++) rows.push(cellsOf(lines[j]));
      const labels = rows.map((r) => r[0].toLowerCase()).filter((l) => !MERGED.test(l));
      const groupOnly = labels.some((l) => (LABELS.get(l) ?? []).every((m) => m.dimension === 'role_group'));
      const money =
        rows.some((r) => /^other categories/i.test(r[0])) ||
        labels.some((l) => (LABELS.get(l) ?? []).every((m) => m.dimension === 'expense_category'));
      const dimension: Dimension = groupOnly ? 'role_group' : money ? 'expense_category' : 'role';
      const scope = found?.scope ?? `table${i}`;
      const scale = found?.scale ?? 1;
      tables.push(scope);
      const category = (label: string) => (LABELS.get(label.toLowerCase()) ?? []).find((m) => m.dimension === dimension)?.category;
      if (scope === 'stage_minutes') {
        // Columns are stages: each row's stages add up to that role's hours.
        const stages = header.slice(1).map((h) => STAGES.find((s) => h.toLowerCase().startsWith(labelOf(s).toLowerCase())));
        for (const row of rows) {
          const role = category(row[0]);
          if (!role) continue;
          partition('minutes', 'role');
          const parts = STAGES.map((s) => `stage_minutes:${role}:${s}`);
          parts.forEach((id) => learn(id, undefined));
          stages.forEach((stage, k) => stage && learn(`stage_minutes:${role}:${stage}`, numberIn(row[k + 1], scale)));
          sum(`minutes:${role}`, parts);
        }
      } else if (dimension === 'role_group') {
        const people = scope === 'group' ? 'role' : scope;
        partition(people, 'role');
        for (const row of rows) {
          const g = category(row[0]);
          if (g) learn(`${people === 'role' ? 'group' : `${people}_group`}:${g}`, numberIn(row[1], scale));
          if (g && numberIn(row[1], scale) !== undefined) shownInTables.add(g);
        }
      } else {
        partition(scope, dimension);
        const nColumn = header.findIndex((h) => /\(n\)|^n$/i.test(h));
        const listed = new Set<string>();
        for (const row of rows) {
          if (MERGED.test(row[0])) continue;
          const c = category(row[0]);
          if (!c) continue;
          listed.add(c);
          learn(`${scope}:${c}`, numberIn(row[1], scale), 1);
          if (numberIn(row[1], scale) !== undefined) shownInTables.add(c);
          if (found?.nScope && nColumn > 0) {
            partition(found.nScope, dimension);
            learn(`${found.nScope}:${c}`, numberIn(row[nColumn], 1), 1);
          }
        }
        const merged = rows.find((r) => MERGED.test(r[0]));
        if (merged) {
          // Rows listed as "not shown" one by one are not in the merged row: it holds every category not listed at all.
          const rest = categoriesOf(dimension).filter((c) => !listed.has(c));
          learn(`${scope}:merged`, numberIn(merged[1], scale));
          sum(
            `${scope}:merged`,
            rest.map((c) => `${scope}:${c}`),
          );
          if (found?.nScope && nColumn > 0) {
            partition(found.nScope, dimension);
            learn(`${found.nScope}:merged`, numberIn(merged[nColumn], 1));
            sum(
              `${found.nScope}:merged`,
              rest.map((c) => `${found.nScope}:${c}`),
            );
          }
        }
      }
    }

    // Headline figures: "People involved, by role: 12", "Hours contributed, by role: 40.5 hours".
    const headline = /^([^:|]+): (£?[\d,]+(?:\.\d+)?)( hours)?\*{0,2}$/.exec(line.split(' (n = ')[0].trim());
    if (headline) {
      const s = scopeOf(headline[1]);
      if (s && s.scope !== 'group' && s.scope !== 'stage_minutes') {
        partition(s.scope, s.scope === 'pence' ? 'expense_category' : 'role');
        learn(`${s.scope}:total`, numberIn(headline[2], s.scale));
      }
    }
    // "11 people, 8 of them residents or community members", "11 of the 12 people involved were residents or community members".
    const shaped = /(\d+) (?:people|person), (\d+) of them residents or community members/.exec(line);
    if (shaped) {
      partition('decision', 'role');
      learn('decision:total', Number(shaped[1]));
      learn('decision_group:residents_and_communities', Number(shaped[2]));
    }
    const share = /(\d+) of the (\d+) people involved were residents or community members/.exec(line);
    if (share) {
      partition('role', 'role');
      learn('role:total', Number(share[2]));
      learn('group:residents_and_communities', Number(share[1]));
    }
    // "12 people took part", "40.5 hours given".
    const took = /^(\d+) people took part\b/.exec(line);
    if (took && !committee) {
      partition('role', 'role');
      learn('role:total', Number(took[1]));
    }
    // Any "N of them <group>" or "<N> <group>" beside a count of people: the group's count in this output.
    for (const m of line.matchAll(/\b(\d+) of them ([A-Za-z ,-]+?)(?=[,.;)]|$)/g)) {
      const match = (LABELS.get(m[2].trim().toLowerCase()) ?? []).find((x) => x.dimension === 'role');
      if (match) {
        const scope = committee ? 'decision' : 'role';
        partition(scope, 'role');
        learn(`${scope}:${match.category}`, Number(m[1]));
      }
    }
    // Chart descriptions: "The largest is carers, at 3 people.", "The largest are residents and carers, at 3 people
    // each." (every group in a tie is named) and "Carers gave the most time: 4.5 hours."
    const largest = /^(.+?), by \d+ groups?\. The largest (?:is|are) (.+?), at ([\d.,]+) (people|person|hours|sessions)/.exec(line);
    if (largest) {
      const s = scopeOf(largest[1]);
      if (s && s.scope !== 'stage_minutes') {
        const dimension: Dimension = s.scope === 'group' ? 'role_group' : s.scope === 'pence' ? 'expense_category' : 'role';
        const people = s.scope === 'group' ? 'role' : s.scope;
        partition(people, dimension === 'role_group' ? 'role' : dimension);
        const value = numberIn(largest[3], s.scale);
        for (const named of namesInList(largest[2])) {
          const c = (LABELS.get(named.toLowerCase()) ?? []).find((x) => x.dimension === dimension)?.category;
          if (MERGED.test(named)) learn(`${s.scope}:merged`, value);
          else if (c) learn(dimension === 'role_group' ? `group:${c}` : `${s.scope}:${c}`, value);
        }
      }
    }
    const most = /\b([A-Z][A-Za-z ]+?) gave the most time: ([\d.]+) hours/.exec(line);
    if (most) {
      const c = (LABELS.get(most[1].toLowerCase()) ?? []).find((x) => x.dimension === 'role')?.category;
      if (c) {
        partition('minutes', 'role');
        learn(`minutes:${c}`, numberIn(most[2], 60));
      }
    }
  }

  const mentions: TextReading['mentions'] = [];
  for (const line of lines) {
    const lower = line.toLowerCase();
    for (const { category, names } of PROTECTED_NAMES) {
      for (const name of names) {
        const n = name.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        // A number right beside the name: a row "Carers | 2", or "2 carers", "carers: 2", "carers, at 2" in a sentence.
        // A session's title that names a group ("Identifying gaps: carers | 11 June 2026 | Online | 7") counts the session, not the group.
        if (new RegExp(`^${n}s? \\| £?\\d|(^|[^a-z])${n}s?(: |, at | )£?\\d|\\d [a-z ]{0,12}${n}`).test(lower)) mentions.push({ category, line });
      }
    }
  }
  const attributions = lines.flatMap((line) => {
    const m = /^— (?:.*?, )?an? (.+)$/.exec(line);
    return m ? [m[1].trim()] : [];
  });

  const found = recoverable(unknown, relations, (id) => known.get(id));
  const stated = new Map([...known].filter(([id]) => !id.endsWith(':total') && !id.endsWith(':merged')));
  return {
    recovered: found.filter((r) => unknown.has(r.id) && !known.has(r.id)).map((r) => ({ cell: r.id, value: r.value, by: r.by })),
    stated,
    mentions,
    attributions,
    tables,
    shownInTables,
  };
}

const PUBLIC_ROLES = new Set(['resident', 'council_officer', 'councillor']);

/** Whether a cell the text attacker names is one the defaults protect: a role other than the public ones, or money by kind. */
export function isProtectedTextCell(cell: string): boolean {
  const [scope, category] = cell.split(':');
  if (['role', 'decision', 'minutes', 'training', 'stage_minutes'].includes(scope))
    return (PARTICIPANT_ROLES as readonly string[]).includes(category) && !PUBLIC_ROLES.has(category);
  if (scope === 'pence' || scope === 'payees') return (EXPENSE_CATEGORIES as readonly string[]).includes(category);
  return false;
}
