import { OFFLINE_FORMATS, PARTICIPANT_ROLES, roleGroup, ParticipantRole } from '@coprod/domain';
import { breakdownSpec, quantityId } from '../disclosure/breakdown-spec';
import { sumRelation } from '../disclosure/linear-audit';
import { IndicatorDefinition, countCell, hours, peopleCell, percent, unique } from './indicator';
import { agree, counted, labelOf, quantity } from './labels';
import { AttendanceFact, ProjectFacts } from './project-facts';

/** The row hidden roles are counted in together. */
export const OTHER_ROLES = 'Other roles, not shown separately';
/** Attendance at sessions that were held and not cancelled: the basis of every "who took part" figure. */
export function heldAttendance(facts: ProjectFacts): AttendanceFact[] {
  return facts.attendance.filter((a) => {
    const activity = facts.activities.get(a.activityId);
    return activity !== undefined && activity.heldOn !== null && !activity.cancelled;
  });
}

function involved(facts: ProjectFacts): string[] {
  return unique(heldAttendance(facts).map((a) => a.participantId));
}

function roleOf(facts: ProjectFacts, participantId: string): string {
  return facts.participants.get(participantId)?.role ?? 'unknown';
}

function registrationIds(facts: ProjectFacts, people: string[]): string[] {
  return people.flatMap((id) => facts.participants.get(id)?.eventIds ?? []);
}

export const peopleInvolvedByRole: IndicatorDefinition = {
  id: 'people_involved_by_role',
  title: 'People involved, by role',
  description: 'Unique people recorded as attending at least one session that was held, broken down by the role they take part in.',
  compute(facts) {
    const people = involved(facts);
    const counts = PARTICIPANT_ROLES.map((role) => ({ key: role, value: people.filter((id) => roleOf(facts, id) === role).length })).filter(
      (c) => c.value > 0,
    );
    return {
      id: this.id,
      title: this.title,
      unit: 'people',
      value: people.length,
      n: people.length,
      breakdown: counts.map((c) => peopleCell(c.key, labelOf(c.key), c.value, c.value)),
      items: [],
      statement: `${quantity(people.length, 'people')} took part in at least one session.`,
      sourceEventIds: [...heldAttendance(facts).map((a) => a.eventId), ...registrationIds(facts, people)],
      disclosure: breakdownSpec({
        dimension: 'role',
        population: 'involved',
        measure: 'people',
        cells: counts.map((c) => ({ ...c, people: c.value })),
        categories: PARTICIPANT_ROLES,
        total: { value: people.length, people: people.length },
        mergedLabel: OTHER_ROLES,
      }),
    };
  },
};

const ROLE_GROUPS = ['residents_and_communities', 'council_staff', 'councillors'] as const;

export const peopleByRoleGroup: IndicatorDefinition = {
  id: 'people_by_role_group',
  title: 'Residents, council staff and councillors',
  description:
    'Unique people involved, grouped as residents and communities (every role that is not council staff or a councillor), council staff, and councillors.',
  compute(facts) {
    const people = involved(facts);
    const count = (group: string) => people.filter((id) => roleGroup(roleOf(facts, id) as ParticipantRole) === group).length;
    const residents = count('residents_and_communities');
    const groupId = (g: string) => quantityId('people', 'involved', 'role_group', g);
    return {
      id: this.id,
      title: this.title,
      unit: 'people',
      value: residents,
      n: people.length,
      breakdown: ROLE_GROUPS.map((g) => peopleCell(g, labelOf(g), count(g), count(g))),
      items: [],
      statement: `${residents} of the ${quantity(people.length, 'people')} involved ${agree(residents, 'was a resident or community member', 'were residents or community members')} (${percent(residents, people.length) ?? 0}%).`,
      sourceEventIds: heldAttendance(facts).map((a) => a.eventId),
      disclosure: {
        quantities: ROLE_GROUPS.map((g) => ({ id: groupId(g), value: count(g), dimension: 'role_group' as const, category: g, restsOn: count(g) })),
        relations: ROLE_GROUPS.map((g) =>
          sumRelation(
            groupId(g),
            PARTICIPANT_ROLES.filter((r) => roleGroup(r) === g).map((r) => quantityId('people', 'involved', 'role', r)),
          ),
        ),
        value: groupId('residents_and_communities'),
        breakdown: ROLE_GROUPS.map((g) => ({ value: groupId(g) })),
      },
    };
  },
};

export const hoursByRole: IndicatorDefinition = {
  id: 'hours_by_role',
  title: 'Hours contributed, by role',
  description: 'Minutes of attendance recorded at held sessions, summed and shown in hours, by role. Time is the currency of effort.',
  compute(facts) {
    const attendance = heldAttendance(facts);
    const total = attendance.reduce((sum, a) => sum + a.minutes, 0);
    const cells = PARTICIPANT_ROLES.map((role) => {
      const mine = attendance.filter((a) => roleOf(facts, a.participantId) === role);
      return { key: role, value: mine.reduce((s, a) => s + a.minutes, 0), people: unique(mine.map((a) => a.participantId)).length };
    }).filter((cell) => cell.people !== 0);
    const people = unique(attendance.map((a) => a.participantId)).length;
    const sessions = unique(attendance.map((a) => a.activityId)).length;
    return {
      id: this.id,
      title: this.title,
      unit: 'hours',
      value: hours(total),
      n: people,
      breakdown: cells.map((c) => peopleCell(c.key, labelOf(c.key), hours(c.value), c.people)),
      items: [],
      statement: `${quantity(people, 'people')} gave ${quantity(hours(total), 'hours')} to the project across ${quantity(sessions, 'sessions')}.`,
      sourceEventIds: attendance.map((a) => a.eventId),
      disclosure: breakdownSpec({
        dimension: 'role',
        population: 'involved',
        measure: 'minutes',
        cells,
        categories: PARTICIPANT_ROLES,
        total: { value: total, people },
        mergedLabel: OTHER_ROLES,
      }),
    };
  },
};

function sessionsBy(key: 'stage' | 'format', id: string, title: string, order: readonly string[]): IndicatorDefinition {
  return {
    id,
    title,
    description: `Sessions recorded as held (not cancelled), counted by ${key}.`,
    compute(facts) {
      const held = [...facts.activities.values()].filter((a) => a.heldOn !== null && !a.cancelled);
      const keys = unique([...order, ...held.map((a) => a[key])]);
      const breakdown = keys.map((k) => countCell(k, labelOf(k), held.filter((a) => a[key] === k).length)).filter((c) => c.value !== 0);
      const people = unique(heldAttendance(facts).map((a) => a.participantId)).length;
      return {
        id,
        title,
        unit: 'sessions',
        value: held.length,
        n: people,
        breakdown,
        items: [],
        statement: `${counted(held.length, 'session was', 'sessions were')} held${breakdown.length ? ` (${breakdown.map((c) => `${c.label.toLowerCase()}: ${quantity(c.value ?? 0, 'sessions')}`).join(', ')})` : ''}.`,
        sourceEventIds: held.flatMap((a) => a.eventIds),
      };
    },
  };
}

export const sessionsByStage = sessionsBy('stage', 'sessions_by_stage', 'Sessions held, by stage', [
  'co_planning',
  'co_design',
  'co_delivery',
  'co_evaluation',
]);
export const sessionsByFormat = sessionsBy('format', 'sessions_by_format', 'Sessions held, by format', [
  'in_person',
  'online',
  'phone',
  'paper',
  'hybrid',
]);

export const retention: IndicatorDefinition = {
  id: 'retention',
  title: 'People who came back',
  description: 'Share of the people involved who attended two or more held sessions.',
  compute(facts) {
    const attendance = heldAttendance(facts);
    const sessions = new Map<string, Set<string>>();
    for (const a of attendance) sessions.set(a.participantId, (sessions.get(a.participantId) ?? new Set()).add(a.activityId));
    const returning = [...sessions.values()].filter((s) => s.size >= 2).length;
    const share = percent(returning, sessions.size);
    return {
      id: this.id,
      title: this.title,
      unit: 'percent',
      value: share,
      n: sessions.size,
      breakdown: [
        peopleCell('returning', 'At two or more sessions', returning, returning),
        peopleCell('once', 'At one session', sessions.size - returning, sessions.size - returning),
      ],
      breakdownUnit: 'people',
      items: [],
      statement: `${returning} of ${quantity(sessions.size, 'people')} (${share ?? 0}%) took part in two or more sessions.`,
      sourceEventIds: attendance.map((a) => a.eventId),
    };
  },
};

export const offlineShare: IndicatorDefinition = {
  id: 'offline_share',
  title: 'People who took part offline',
  description:
    'Share of the people involved who took part at least once on paper, by phone or in person: the digital divide is a named risk. The breakdown shows the offline formats only.',
  compute(facts) {
    const attendance = heldAttendance(facts);
    const people = unique(attendance.map((a) => a.participantId));
    const offline = unique(attendance.filter((a) => OFFLINE_FORMATS.includes(a.format as never)).map((a) => a.participantId));
    const byFormat = (['paper', 'phone', 'in_person'] as const)
      .map((format) => {
        const count = unique(attendance.filter((a) => a.format === format).map((a) => a.participantId)).length;
        return peopleCell(format, labelOf(format), count, count);
      })
      .filter((c) => c.n !== 0);
    const share = percent(offline.length, people.length);
    return {
      id: this.id,
      title: this.title,
      unit: 'percent',
      value: share,
      n: people.length,
      breakdown: byFormat,
      breakdownUnit: 'people',
      items: [],
      statement: `${offline.length} of ${quantity(people.length, 'people')} (${share ?? 0}%) took part at least once on paper, by phone or in person.`,
      sourceEventIds: attendance.map((a) => a.eventId),
    };
  },
};

const groupCount = (group: string) => quantityId('people', 'involved', 'seldom_heard_group', group);

export const reachSeldomHeard: IndicatorDefinition = {
  id: 'reach_seldom_heard',
  title: 'Reach into seldom-heard groups',
  description: 'People involved who identify with each seldom-heard group (a person may identify with several).',
  compute(facts) {
    const people = involved(facts);
    const groups = unique(people.flatMap((id) => facts.participants.get(id)?.groups ?? [])).sort();
    const counts = groups.map((g) => ({ key: g, value: people.filter((id) => facts.participants.get(id)?.groups.includes(g)).length }));
    const reached = people.filter((id) => (facts.participants.get(id)?.groups.length ?? 0) > 0).length;
    const reachedId = groupCount('any');
    return {
      id: this.id,
      title: this.title,
      unit: 'people',
      value: reached,
      n: people.length,
      breakdown: counts.map((c) => peopleCell(c.key, labelOf(c.key), c.value, c.value)),
      items: [],
      statement: reachedStatement(reached, people.length),
      sourceEventIds: registrationIds(facts, people),
      disclosure: {
        quantities: [
          ...counts.map((c) => ({
            id: groupCount(c.key),
            value: c.value,
            dimension: 'seldom_heard_group' as const,
            category: c.key,
            restsOn: c.value,
          })),
          { id: reachedId, value: reached, dimension: 'seldom_heard_group', category: 'any', restsOn: reached },
        ],
        // A person may be in several groups: only with a single group is the number reached its count.
        relations: counts.length === 1 ? [sumRelation(reachedId, [groupCount(counts[0].key)])] : [],
        value: reachedId,
        breakdown: counts.map((c) => ({ value: groupCount(c.key) })),
        dropHidden: true,
      },
    };
  },
  restate(shown) {
    return reachedStatement(shown.value, shown.n);
  },
};

function reachedStatement(reached: number | null, people: number): string {
  return reached === null
    ? `Of the ${quantity(people, 'people')} involved, the number who identify with a seldom-heard group is not shown: it rests on too few people.`
    : `${reached} of the ${quantity(people, 'people')} involved ${agree(reached, 'identifies', 'identify')} with at least one seldom-heard group.`;
}

export const reachAgainstPopulation: IndicatorDefinition = {
  id: 'reach_against_population',
  title: 'Reach compared with the local population',
  description: "Share of the people involved in each group beside that group's share of the local population, from the profile the council supplies.",
  compute(facts, context) {
    const people = involved(facts);
    if (!context.population) {
      return {
        id: this.id,
        title: this.title,
        unit: 'percent',
        value: null,
        n: people.length,
        breakdown: [],
        items: [],
        statement: 'No local population profile has been supplied, so reach cannot be compared with the population.',
        note: 'Supply a population profile file to compare reach with the local population.',
        sourceEventIds: [],
      };
    }
    const counts = context.population.groups.map((g) => people.filter((id) => facts.participants.get(id)?.groups.includes(g.id)).length);
    const items = context.population.groups.map((g, i) => ({
      group: g.name,
      populationShare: Math.round(g.share * 1000) / 10,
      participantShare: percent(counts[i], people.length),
      suppressed: false,
      eventIds: [] as string[],
    }));
    return {
      id: this.id,
      title: this.title,
      unit: 'percent',
      value: null,
      n: people.length,
      breakdown: items.map((i) => ({ key: i.group, label: i.group, value: i.participantShare, n: null, suppressed: false })),
      items,
      statement: underRepresented(items, context.population.area),
      note: `Population source: ${context.population.source}.`,
      sourceEventIds: registrationIds(facts, people),
      // A share of a known number of people tells the count: each share publishes its group's count.
      disclosure: {
        quantities: context.population.groups.map((g, i) => ({
          id: groupCount(g.id),
          value: counts[i],
          dimension: 'seldom_heard_group' as const,
          category: g.id,
          restsOn: counts[i],
        })),
        relations: [],
        breakdown: context.population.groups.map((g) => ({ value: groupCount(g.id) })),
        items: context.population.groups.map((g, index) => ({ index, field: 'participantShare', id: groupCount(g.id) })),
      },
    };
  },
  restate(shown, context) {
    return underRepresented(
      shown.items as unknown as { group: string; populationShare: number; participantShare: number | null }[],
      context.population?.area ?? '',
    );
  },
};

function underRepresented(items: { group: string; populationShare: number; participantShare: number | null }[], area: string): string {
  const under = items.filter((i) => i.participantShare !== null && i.participantShare < i.populationShare).map((i) => i.group);
  return under.length
    ? `Compared with ${area}, these groups are under-represented: ${under.join(', ')}.`
    : `No group is under-represented compared with ${area}.`;
}
