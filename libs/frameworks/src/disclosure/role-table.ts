import { PARTICIPANT_ROLES, roleGroup, type ParticipantRole } from '@coprod/domain';
import type { BreakdownEntry } from '../indicators/indicator';
import { labelOf } from '../indicators/labels';
import type { OutcomeSummary } from '../indicators/outcome-summary';
import { OTHER_ROLES } from '../indicators/people.indicators';
import { breakdownSpec, quantityId } from './breakdown-spec';
import { discloseResults, RawIndicatorResult } from './disclose';
import { sumRelation } from './linear-audit';
import { DEFAULT_SENSITIVITY, SensitivityPolicy } from './sensitivity';

/** A table of people by role for one part of the record (the people behind one decision), disclosure-controlled. */
export interface DisclosedRoleTable {
  /** Rows in role order; hidden roles are counted together in one merged row. */
  rows: BreakdownEntry[];
  total: number;
  /** People in residents and communities, council staff and councillors: public facts, always shown. */
  groups: Record<'residents_and_communities' | 'council_staff' | 'councillors', number>;
  /** Roles a quote may be attributed to in this output. */
  shownRoles: ReadonlySet<string>;
}

/**
 * People by role for an output of its own (a committee extract), with the same disclosure control as
 * the project's figures: the roles, their total and the role groups are judged together, so "4
 * people, 2 of them residents" never leaves a hidden role to be worked out.
 */
export function discloseRoleTable(roles: readonly string[], threshold: number, policy: SensitivityPolicy = DEFAULT_SENSITIVITY): DisclosedRoleTable {
  const counts = PARTICIPANT_ROLES.map((role) => ({ key: role, value: roles.filter((r) => r === role).length })).filter((c) => c.value > 0);
  const groupIds = ['residents_and_communities', 'council_staff', 'councillors'] as const;
  const groupCount = (g: string) => roles.filter((r) => roleGroup(r as ParticipantRole) === g).length;
  const table: RawIndicatorResult = {
    id: 'roles',
    title: 'People by role',
    unit: 'people',
    value: roles.length,
    n: roles.length,
    breakdown: counts.map((c) => ({ key: c.key, label: labelOf(c.key), value: c.value, n: c.value, suppressed: false })),
    items: [],
    statement: '',
    sourceEventIds: [],
    disclosure: breakdownSpec({
      dimension: 'role',
      population: 'table',
      measure: 'people',
      cells: counts.map((c) => ({ ...c, people: c.value })),
      categories: PARTICIPANT_ROLES,
      total: { value: roles.length, people: roles.length },
      mergedLabel: OTHER_ROLES,
    }),
  };
  const groupId = (g: string) => quantityId('people', 'table', 'role_group', g);
  const groups: RawIndicatorResult = {
    id: 'groups',
    title: 'People by role group',
    unit: 'people',
    value: null,
    n: roles.length,
    breakdown: groupIds.map((g) => ({ key: g, label: labelOf(g), value: groupCount(g), n: groupCount(g), suppressed: false })),
    items: [],
    statement: '',
    sourceEventIds: [],
    disclosure: {
      quantities: groupIds.map((g) => ({
        id: groupId(g),
        value: groupCount(g),
        dimension: 'role_group' as const,
        category: g,
        restsOn: groupCount(g),
      })),
      relations: groupIds.map((g) =>
        sumRelation(
          groupId(g),
          PARTICIPANT_ROLES.filter((r) => roleGroup(r) === g).map((r) => quantityId('people', 'table', 'role', r)),
        ),
      ),
      breakdown: groupIds.map((g) => ({ value: groupId(g) })),
    },
  };
  const { results, unprotected } = discloseResults([table, groups], threshold, policy);
  if (unprotected.length > 0) throw new Error(`disclosure control could not protect ${unprotected.join(', ')} in a table of people by role`);
  const rows = results[0].breakdown;
  return {
    rows,
    total: roles.length,
    groups: {
      residents_and_communities: groupCount('residents_and_communities'),
      council_staff: groupCount('council_staff'),
      councillors: groupCount('councillors'),
    },
    shownRoles: new Set(rows.filter((r) => r.value !== null && r.key !== 'not_shown_separately').map((r) => r.key)),
  };
}

/** Roles a quote may be attributed to in an output built on these figures: those its table of people by role shows. */
export function attributableRoles(summary: Pick<OutcomeSummary, 'indicators'>): ReadonlySet<string> {
  const table = summary.indicators.people_involved_by_role;
  return new Set((table?.breakdown ?? []).filter((r) => r.value !== null && r.key !== 'not_shown_separately').map((r) => r.key));
}

/**
 * How to name a speaker's role in an output: the role where that output shows it, otherwise the
 * role group, which is always public ("a resident or community member"), never a hidden group.
 */
export function speakerRole(role: string, shownRoles: ReadonlySet<string>): string {
  if (shownRoles.has(role)) return role;
  if (!(PARTICIPANT_ROLES as readonly string[]).includes(role)) return '';
  return roleGroup(role as ParticipantRole);
}
