import { OFFLINE_FORMATS, PARTICIPANT_ROLES, roleGroup, ParticipantRole } from '@coprod/domain';
import { IndicatorDefinition, countCell, hours, peopleCell, peopleShare, percent, unique } from './indicator';
import { counted, labelOf } from './labels';
import { AttendanceFact, ProjectFacts } from './project-facts';

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
  compute(facts, context) {
    const people = involved(facts);
    const breakdown = PARTICIPANT_ROLES.map((role) => {
      const count = people.filter((id) => roleOf(facts, id) === role).length;
      return peopleCell(role, labelOf(role), count, count, context.suppressionThreshold);
    }).filter((cell) => cell.n !== 0);
    return {
      id: this.id,
      title: this.title,
      unit: 'people',
      value: people.length,
      n: people.length,
      breakdown,
      items: [],
      statement: `${counted(people.length, 'person', 'people')} took part in at least one session.`,
      sourceEventIds: [...heldAttendance(facts).map((a) => a.eventId), ...registrationIds(facts, people)],
    };
  },
};

export const peopleByRoleGroup: IndicatorDefinition = {
  id: 'people_by_role_group',
  title: 'Residents, council staff and councillors',
  description: 'Unique people involved, grouped as residents and communities (every role that is not council staff or a councillor), council staff, and councillors.',
  compute(facts, context) {
    const people = involved(facts);
    const groups = ['residents_and_communities', 'council_staff', 'councillors'] as const;
    const count = (group: string) => people.filter((id) => roleGroup(roleOf(facts, id) as ParticipantRole) === group).length;
    const residents = count('residents_and_communities');
    return {
      id: this.id,
      title: this.title,
      unit: 'people',
      value: residents,
      n: people.length,
      breakdown: groups.map((g) => peopleCell(g, labelOf(g), count(g), count(g), context.suppressionThreshold)),
      items: [],
      statement: `${residents} of the ${people.length} people involved were residents or community members (${percent(residents, people.length) ?? 0}%).`,
      sourceEventIds: heldAttendance(facts).map((a) => a.eventId),
    };
  },
};

export const hoursByRole: IndicatorDefinition = {
  id: 'hours_by_role',
  title: 'Hours contributed, by role',
  description: 'Minutes of attendance recorded at held sessions, summed and shown in hours, by role. Time is the currency of effort.',
  compute(facts, context) {
    const attendance = heldAttendance(facts);
    const total = attendance.reduce((sum, a) => sum + a.minutes, 0);
    const breakdown = PARTICIPANT_ROLES.map((role) => {
      const mine = attendance.filter((a) => roleOf(facts, a.participantId) === role);
      const people = unique(mine.map((a) => a.participantId)).length;
      return peopleCell(role, labelOf(role), hours(mine.reduce((s, a) => s + a.minutes, 0)), people, context.suppressionThreshold);
    }).filter((cell) => cell.n !== 0);
    const people = unique(attendance.map((a) => a.participantId)).length;
    return {
      id: this.id,
      title: this.title,
      unit: 'hours',
      value: hours(total),
      n: people,
      breakdown,
      items: [],
      statement: `People gave ${hours(total)} hours to the project across ${unique(attendance.map((a) => a.activityId)).length} sessions.`,
      sourceEventIds: attendance.map((a) => a.eventId),
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
        statement: `${counted(held.length, 'session was', 'sessions were')} held${breakdown.length ? ` (${breakdown.map((c) => `${c.label.toLowerCase()}: ${c.value}`).join(', ')})` : ''}.`,
        sourceEventIds: held.flatMap((a) => a.eventIds),
      };
    },
  };
}

export const sessionsByStage = sessionsBy('stage', 'sessions_by_stage', 'Sessions held, by stage', ['co_planning', 'co_design', 'co_delivery', 'co_evaluation']);
export const sessionsByFormat = sessionsBy('format', 'sessions_by_format', 'Sessions held, by format', ['in_person', 'online', 'phone', 'paper', 'hybrid']);

export const retention: IndicatorDefinition = {
  id: 'retention',
  title: 'People who came back',
  description: 'Share of the people involved who attended two or more held sessions.',
  compute(facts, context) {
    const attendance = heldAttendance(facts);
    const sessions = new Map<string, Set<string>>();
    for (const a of attendance) sessions.set(a.participantId, (sessions.get(a.participantId) ?? new Set()).add(a.activityId));
    const returning = [...sessions.values()].filter((s) => s.size >= 2).length;
    const share = peopleShare(returning, sessions.size, context.suppressionThreshold);
    return {
      id: this.id,
      title: this.title,
      unit: 'percent',
      value: share.value,
      n: sessions.size,
      breakdown: [
        peopleCell('returning', 'At two or more sessions', returning, returning, context.suppressionThreshold),
        peopleCell('once', 'At one session', sessions.size - returning, sessions.size - returning, context.suppressionThreshold),
      ],
      items: [],
      statement: share.suppressed
        ? `Of ${sessions.size} people, the share who took part in two or more sessions is not shown: one side rests on fewer than ${context.suppressionThreshold} people.`
        : `${returning} of ${sessions.size} people (${share.value ?? 0}%) took part in two or more sessions.`,
      sourceEventIds: attendance.map((a) => a.eventId),
    };
  },
};

export const offlineShare: IndicatorDefinition = {
  id: 'offline_share',
  title: 'People who took part offline',
  description: 'Share of the people involved who took part at least once on paper, by phone or in person: the digital divide is a named risk.',
  compute(facts, context) {
    const attendance = heldAttendance(facts);
    const people = unique(attendance.map((a) => a.participantId));
    const offline = unique(attendance.filter((a) => OFFLINE_FORMATS.includes(a.format as never)).map((a) => a.participantId));
    const byFormat = ['paper', 'phone', 'in_person', 'online', 'hybrid'].map((format) => {
      const count = unique(attendance.filter((a) => a.format === format).map((a) => a.participantId)).length;
      return peopleCell(format, labelOf(format), count, count, context.suppressionThreshold);
    }).filter((c) => c.n !== 0);
    const share = peopleShare(offline.length, people.length, context.suppressionThreshold);
    return {
      id: this.id,
      title: this.title,
      unit: 'percent',
      value: share.value,
      n: people.length,
      breakdown: byFormat,
      items: [],
      statement: share.suppressed
        ? `Of ${people.length} people, the share who took part offline is not shown: one side rests on fewer than ${context.suppressionThreshold} people.`
        : `${offline.length} of ${people.length} people (${share.value ?? 0}%) took part at least once on paper, by phone or in person.`,
      sourceEventIds: attendance.map((a) => a.eventId),
    };
  },
};

export const reachSeldomHeard: IndicatorDefinition = {
  id: 'reach_seldom_heard',
  title: 'Reach into seldom-heard groups',
  description: 'People involved who identify with each seldom-heard group (a person may identify with several).',
  compute(facts, context) {
    const people = involved(facts);
    const groups = unique(people.flatMap((id) => facts.participants.get(id)?.groups ?? [])).sort();
    const breakdown = groups.map((g) => {
      const count = people.filter((id) => facts.participants.get(id)?.groups.includes(g)).length;
      return peopleCell(g, labelOf(g), count, count, context.suppressionThreshold);
    });
    const reached = people.filter((id) => (facts.participants.get(id)?.groups.length ?? 0) > 0).length;
    return {
      id: this.id,
      title: this.title,
      unit: 'people',
      value: reached,
      n: people.length,
      breakdown,
      items: [],
      statement: `${reached} of ${people.length} people involved identify with at least one seldom-heard group.`,
      sourceEventIds: registrationIds(facts, people),
    };
  },
};

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
    const items = context.population.groups.map((g) => {
      const count = people.filter((id) => facts.participants.get(id)?.groups.includes(g.id)).length;
      const suppressed = count > 0 && count < context.suppressionThreshold;
      const share = percent(count, people.length);
      return {
        group: g.name,
        populationShare: Math.round(g.share * 1000) / 10,
        participantShare: suppressed ? null : share,
        suppressed,
        eventIds: [] as string[],
      };
    });
    const under = items.filter((i) => i.participantShare !== null && i.participantShare < i.populationShare).map((i) => i.group);
    return {
      id: this.id,
      title: this.title,
      unit: 'percent',
      value: null,
      n: people.length,
      breakdown: items.map((i) => ({ key: i.group, label: i.group, value: i.participantShare, n: null, suppressed: i.suppressed })),
      items,
      statement: under.length
        ? `Compared with ${context.population.area}, these groups are under-represented: ${under.join(', ')}.`
        : `No group is under-represented compared with ${context.population.area}.`,
      note: `Population source: ${context.population.source}.`,
      sourceEventIds: registrationIds(facts, people),
    };
  },
};
