import { LADDER_LEVELS, NEEDHAM_CARR_LEVELS, roleGroup, ParticipantRole } from '@coprod/domain';
import { IndicatorDefinition, countCell, percent, unique } from './indicator';
import { agree, counted, labelOf, quantity } from './labels';
import { InfluenceFact, ProjectFacts } from './project-facts';
import { heldAttendance } from './people.indicators';

/** People behind an influence: contributors of its contributions and attendees of its activities. */
export function peopleBehind(facts: ProjectFacts, influence: InfluenceFact): string[] {
  const contributors = facts.contributions.filter((c) => influence.contributionIds.includes(c.contributionId)).flatMap((c) => c.participantIds);
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
        return { decisionId: id, title: d.title, reference: d.reference, decidedOn: d.decidedOn.slice(0, 10), eventIds: [d.eventId] };
      }),
      breakdownUnit: 'decisions',
      statement: `${ids.length} of ${quantity(facts.decisions.size, 'decisions')} recorded ${agree(ids.length, 'was', 'were')} influenced by the people involved (${quantity(people.length, 'people')} behind the influences).`,
      sourceEventIds: [...ids.map((id) => facts.decisions.get(id)!.eventId), ...facts.influences.map((i) => i.eventId)],
    };
  },
};

/** The highest rung of a list of levels that any of the influences reached. */
function highestOf<T extends string>(levels: readonly T[], reached: readonly string[]): T | undefined {
  return levels
    .slice()
    .reverse()
    .find((level) => reached.includes(level));
}

export const influenceLevels: IndicatorDefinition = {
  id: 'influence_levels',
  title: 'Level of influence reached',
  description:
    "The highest rung reached on TLAP's ladder of co-production, and how many decisions reached each rung at best (each decision counted once, at the highest level its influences reached); beside it Needham and Carr's levels (basic, intermediate, transformational).",
  compute(facts) {
    const decisions = influencedDecisions(facts);
    const best = decisions.map((id) => {
      const mine = facts.influences.filter((i) => i.decisionId === id);
      return {
        ladder: highestOf(
          LADDER_LEVELS,
          mine.map((i) => i.ladderLevel),
        ),
        needham: highestOf(
          NEEDHAM_CARR_LEVELS,
          mine.map((i) => i.needhamCarrLevel),
        ),
      };
    });
    const ladder = LADDER_LEVELS.map((level) => countCell(level, labelOf(level), best.filter((b) => b.ladder === level).length)).filter(
      (c) => c.value !== 0,
    );
    const needham = NEEDHAM_CARR_LEVELS.map((level) => countCell(level, labelOf(level), best.filter((b) => b.needham === level).length));
    const highest = highestOf(
      LADDER_LEVELS,
      best.map((b) => b.ladder ?? ''),
    );
    const people = unique(facts.influences.flatMap((i) => peopleBehind(facts, i)));
    const atCoDesign = best.filter((b) => b.ladder === 'co_production' || b.ladder === 'co_design').length;
    return {
      id: this.id,
      title: this.title,
      unit: 'level',
      value: highest ? LADDER_LEVELS.indexOf(highest) + 1 : null,
      ...(highest ? { valueLabel: labelOf(highest) } : {}),
      n: people.length,
      breakdown: ladder,
      breakdownUnit: 'decisions',
      secondaryBreakdown: needham,
      items: [],
      statement: highest
        ? `The highest level reached was ${labelOf(highest).toLowerCase()} (rung ${LADDER_LEVELS.indexOf(highest) + 1} of ${LADDER_LEVELS.length}); ${atCoDesign} of ${quantity(decisions.length, 'decisions')} influenced reached co-design or co-production.`
        : 'No influence on a decision has been documented yet.',
      sourceEventIds: facts.influences.map((i) => i.eventId),
    };
  },
};

export const residentInfluenceShare: IndicatorDefinition = {
  id: 'resident_influence_share',
  title: 'Decisions with documented resident influence',
  description:
    "Share of the project's recorded decisions with at least one influence traced to a resident, carer, person who draws on care, family member or community representative.",
  compute(facts) {
    const withResidents = unique(facts.influences.filter((i) => residentsBehind(facts, i).length > 0).map((i) => i.decisionId)).filter((id) =>
      facts.decisions.has(id),
    );
    const share = percent(withResidents.length, facts.decisions.size);
    const people = unique(facts.influences.flatMap((i) => residentsBehind(facts, i)));
    return {
      id: this.id,
      title: this.title,
      unit: 'percent',
      value: share,
      n: people.length,
      breakdown: [
        countCell('with', 'With resident influence', withResidents.length),
        countCell('without', 'Without', facts.decisions.size - withResidents.length),
      ],
      breakdownUnit: 'decisions',
      items: [],
      statement: `${withResidents.length} of ${quantity(facts.decisions.size, 'decisions')} (${share ?? 0}%) ${agree(withResidents.length, 'shows', 'show')} documented influence from residents and communities.`,
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
      // A proposal recorded on the project need not have been turned down by a recorded decision.
      decision: p.decisionId === null ? 'Not linked to a decision' : (facts.decisions.get(p.decisionId)?.title ?? p.decisionId),
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
      statement: items.length
        ? `${counted(items.length, 'proposal was', 'proposals were')} not adopted; each has a recorded reason.`
        : 'Every recorded proposal was adopted or is still open.',
      sourceEventIds: items.flatMap((i) => i.eventIds),
    };
  },
};
