import { LADDER_LEVELS, NEEDHAM_CARR_LEVELS, roleGroup, ParticipantRole } from '@coprod/domain';
import { IndicatorDefinition, countCell, percent, unique } from './indicator';
import { counted, labelOf } from './labels';
import { InfluenceFact, ProjectFacts } from './project-facts';
import { heldAttendance } from './people.indicators';

/** People behind an influence: contributors of its contributions and attendees of its activities. */
export function peopleBehind(facts: ProjectFacts, influence: InfluenceFact): string[] {
  const contributors = facts.contributions
    .filter((c) => influence.contributionIds.includes(c.contributionId))
    .flatMap((c) => c.participantIds);
  const attendees = heldAttendance(facts)
    .filter((a) => influence.activityIds.includes(a.activityId))
    .map((a) => a.participantId);
  return unique([...contributors, ...attendees]);
}

function residentsBehind(facts: ProjectFacts, influence: InfluenceFact): string[] {
  return peopleBehind(facts, influence).filter((id) => {
    const role = facts.participants.get(id)?.role;
    return role !== undefined && roleGroup(role as ParticipantRole) === 'residents_and_communities';
  });
}

function influencedDecisions(facts: ProjectFacts): string[] {
  return unique(facts.influences.map((i) => i.decisionId)).filter((id) => facts.decisions.has(id));
}

export const decisionsInfluenced: IndicatorDefinition = {
  id: 'decisions_influenced',
  title: 'Decisions influenced',
  description: 'Decisions with at least one documented influence from contributions or sessions, by who made the decision.',
  compute(facts) {
    const ids = influencedDecisions(facts);
    const people = unique(facts.influences.flatMap((i) => peopleBehind(facts, i)));
    const makers = unique(ids.map((id) => facts.decisions.get(id)!.decisionMaker));
    return {
      id: this.id,
      title: this.title,
      unit: 'decisions',
      value: ids.length,
      n: people.length,
      breakdown: makers.map((m) => countCell(m, labelOf(m), ids.filter((id) => facts.decisions.get(id)!.decisionMaker === m).length)),
      items: ids.map((id) => {
        const d = facts.decisions.get(id)!;
        return { decisionId: id, title: d.title, reference: d.reference, decidedOn: d.decidedOn, eventIds: [d.eventId] };
      }),
      statement: `${ids.length} of ${facts.decisions.size} recorded decisions were influenced by the people involved.`,
      sourceEventIds: [...ids.map((id) => facts.decisions.get(id)!.eventId), ...facts.influences.map((i) => i.eventId)],
    };
  },
};

export const influenceLevels: IndicatorDefinition = {
  id: 'influence_levels',
  title: 'Level of influence reached',
  description: "Documented influences by the rung reached on TLAP's ladder of co-production, and by Needham and Carr's levels (basic, intermediate, transformational).",
  compute(facts) {
    const ladder = LADDER_LEVELS.map((level) => countCell(level, labelOf(level), facts.influences.filter((i) => i.ladderLevel === level).length)).filter((c) => c.value !== 0);
    const needham = NEEDHAM_CARR_LEVELS.map((level) => countCell(level, labelOf(level), facts.influences.filter((i) => i.needhamCarrLevel === level).length));
    const highest = LADDER_LEVELS.slice().reverse().find((level) => facts.influences.some((i) => i.ladderLevel === level));
    const people = unique(facts.influences.flatMap((i) => peopleBehind(facts, i)));
    return {
      id: this.id,
      title: this.title,
      unit: 'decisions',
      value: facts.influences.length,
      n: people.length,
      breakdown: ladder,
      secondaryBreakdown: needham,
      items: [],
      statement: highest
        ? `The highest level reached was ${labelOf(highest).toLowerCase()}; ${facts.influences.filter((i) => i.ladderLevel === 'co_production' || i.ladderLevel === 'co_design').length} of ${facts.influences.length} influences were at co-design or co-production.`
        : 'No influence on a decision has been documented yet.',
      sourceEventIds: facts.influences.map((i) => i.eventId),
    };
  },
};

export const residentInfluenceShare: IndicatorDefinition = {
  id: 'resident_influence_share',
  title: 'Decisions with documented resident influence',
  description: "Share of the project's recorded decisions with at least one influence traced to a resident, carer, person who draws on care, family member or community representative.",
  compute(facts) {
    const withResidents = unique(facts.influences.filter((i) => residentsBehind(facts, i).length > 0).map((i) => i.decisionId)).filter((id) => facts.decisions.has(id));
    const share = percent(withResidents.length, facts.decisions.size);
    const people = unique(facts.influences.flatMap((i) => residentsBehind(facts, i)));
    return {
      id: this.id,
      title: this.title,
      unit: 'percent',
      value: share,
      n: people.length,
      breakdown: [countCell('with', 'With resident influence', withResidents.length), countCell('without', 'Without', facts.decisions.size - withResidents.length)],
      items: [],
      statement: `${withResidents.length} of ${facts.decisions.size} decisions (${share ?? 0}%) show documented influence from residents and communities.`,
      sourceEventIds: [...[...facts.decisions.values()].map((d) => d.eventId), ...facts.influences.map((i) => i.eventId)],
    };
  },
};

export const youSaidWeDid: IndicatorDefinition = {
  id: 'you_said_we_did',
  title: 'You said, we did',
  description: 'Each documented influence: what people said and what changed because of it, with the decision it changed.',
  compute(facts) {
    const items = facts.influences.map((i) => {
      const d = facts.decisions.get(i.decisionId);
      return {
        influenceId: i.influenceId,
        decisionId: i.decisionId,
        decision: d?.title ?? i.decisionId,
        reference: d?.reference ?? '',
        youSaid: i.youSaid,
        weDid: i.weDid,
        whereInRecommendation: i.whereInRecommendation,
        level: labelOf(i.ladderLevel),
        eventIds: [i.eventId, ...(d ? [d.eventId] : [])],
      };
    });
    const people = unique(facts.influences.flatMap((i) => peopleBehind(facts, i)));
    return {
      id: this.id,
      title: this.title,
      unit: 'items',
      value: items.length,
      n: people.length,
      breakdown: [],
      items,
      statement: `${counted(items.length, 'change', 'changes')} can be traced to what people said.`,
      sourceEventIds: items.flatMap((i) => i.eventIds),
    };
  },
};

export const proposalsNotAdopted: IndicatorDefinition = {
  id: 'proposals_not_adopted',
  title: 'Proposals not adopted, and why',
  description: 'Proposals the decision-makers did not adopt, each with the reason given: being honest about what did not change.',
  compute(facts) {
    const items = facts.notAdopted.map((p) => ({
      proposalId: p.proposalId,
      decisionId: p.decisionId,
      decision: facts.decisions.get(p.decisionId)?.title ?? p.decisionId,
      proposal: p.proposal,
      reason: p.reason,
      eventIds: [p.eventId],
    }));
    return {
      id: this.id,
      title: this.title,
      unit: 'items',
      value: items.length,
      n: 0,
      breakdown: [],
      items,
      statement: items.length ? `${counted(items.length, 'proposal was', 'proposals were')} not adopted; each has a recorded reason.` : 'Every recorded proposal was adopted or is still open.',
      sourceEventIds: items.flatMap((i) => i.eventIds),
    };
  },
};
