import { PARTICIPANT_ROLES, roleGroup, SURVEY_ITEMS, type ParticipantRole } from '@coprod/domain';
import { breakdownSpec, quantityId } from '../disclosure/breakdown-spec';
import type { CellQuantities, DisclosedQuantity } from '../disclosure/disclosure-spec';
import { BreakdownEntry, IndicatorDefinition, IndicatorItem, peopleCell, unique } from './indicator';
import { agree, counted, labelOf, quantity } from './labels';
import { ProjectFacts, SurveyFact } from './project-facts';
import { heldAttendance, OTHER_ROLES } from './people.indicators';
interface Pair {
  participantId: string;
  pre: number;
  post: number;
  eventIds: string[];
}

/** Matched pre/post answers to one item: people with an unmatched response are left out. */
function pairs(facts: ProjectFacts, item: string): Pair[] {
  const byPerson = new Map<string, { pre?: SurveyFact; post?: SurveyFact }>();
  for (const s of facts.surveys) {
    const entry = byPerson.get(s.participantId) ?? {};
    entry[s.phase] = s;
    byPerson.set(s.participantId, entry);
  }
  return [...byPerson.entries()]
    .filter(([, r]) => typeof r.pre?.answers[item] === 'number' && typeof r.post?.answers[item] === 'number')
    .map(([participantId, r]) => ({
      participantId,
      pre: r.pre!.answers[item],
      post: r.post!.answers[item],
      eventIds: [r.pre!.eventId, r.post!.eventId],
    }));
}

const mean = (values: number[]) => (values.length ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100 : null);
const total = (values: number[]) => values.reduce((s, v) => s + v, 0);

/** Survey change is reported for each of these groups apart: pooling staff with residents muddles both. */
const SURVEY_GROUPS = ['residents_and_communities', 'council_staff', 'councillors'] as const;

const groupOf = (facts: ProjectFacts, participantId: string) => {
  const role = facts.participants.get(participantId)?.role;
  return role === undefined ? undefined : roleGroup(role as ParticipantRole);
};

export const surveyChange: IndicatorDefinition = {
  id: 'survey_change',
  title: 'Change in skills, confidence and sense of influence',
  description:
    'Mean change on a 1 to 5 scale between the same person’s answers before and after taking part, per item and for residents and community members, council staff and councillors apart; only matched pairs count. The headline is the residents’ change in confidence working in partnership.',
  compute(facts) {
    const items: IndicatorItem[] = [];
    const quantities: DisclosedQuantity[] = [];
    const itemRefs: { index: number; field: string; id: string }[] = [];
    const byGroup: BreakdownEntry[] = [];
    const byGroupRefs: CellQuantities[] = [];
    const residents: BreakdownEntry[] = [];
    const residentRefs: CellQuantities[] = [];
    const counted_: string[] = [];
    for (const item of SURVEY_ITEMS) {
      const all = pairs(facts, item);
      for (const group of SURVEY_GROUPS) {
        const matched = all.filter((p) => groupOf(facts, p.participantId) === group);
        if (matched.length === 0) continue;
        const n = matched.length;
        const id = (what: string) => quantityId(what, `survey_${item}`, 'survey_mean', group);
        const change = id('change_sum');
        quantities.push(
          {
            id: id('before_sum'),
            value: total(matched.map((p) => p.pre)),
            dimension: 'survey_mean',
            category: group,
            restsOn: n,
            min: n,
            max: 5 * n,
          },
          {
            id: id('after_sum'),
            value: total(matched.map((p) => p.post)),
            dimension: 'survey_mean',
            category: group,
            restsOn: n,
            min: n,
            max: 5 * n,
          },
          {
            id: change,
            value: total(matched.map((p) => p.post - p.pre)),
            dimension: 'survey_mean',
            category: group,
            restsOn: n,
            min: -4 * n,
            max: 4 * n,
          },
        );
        const index = items.length;
        items.push({
          item: labelOf(item),
          itemId: item,
          group: labelOf(group),
          groupId: group,
          pairs: n,
          meanBefore: mean(matched.map((p) => p.pre)),
          meanAfter: mean(matched.map((p) => p.post)),
          meanChange: mean(matched.map((p) => p.post - p.pre)),
          suppressed: false,
          eventIds: matched.flatMap((p) => p.eventIds),
        });
        itemRefs.push(
          { index, field: 'meanBefore', id: id('before_sum') },
          { index, field: 'meanAfter', id: id('after_sum') },
          { index, field: 'meanChange', id: change },
        );
        const cell = peopleCell(`${item}:${group}`, `${labelOf(item)}: ${labelOf(group)}`, mean(matched.map((p) => p.post - p.pre)) ?? 0, n);
        byGroup.push(cell);
        byGroupRefs.push({ value: change });
        if (group === 'residents_and_communities') {
          residents.push({ ...cell, key: item, label: labelOf(item) });
          residentRefs.push({ value: change });
        }
        counted_.push(...matched.flatMap((p) => p.eventIds));
      }
    }
    const people = unique(facts.surveys.filter((s) => counted_.includes(s.eventId)).map((s) => s.participantId));
    const unmatched = facts.surveys.filter((s) => !counted_.includes(s.eventId)).length;
    const headline = residents.find((c) => c.key === 'confidence_in_partnership');
    return {
      id: this.id,
      title: this.title,
      unit: 'score',
      value: headline?.value ?? null,
      n: headline?.n ?? 0,
      breakdown: residents,
      secondaryBreakdown: byGroup,
      items,
      statement: surveyStatement(headline),
      note: unmatched
        ? `${counted(unmatched, 'response', 'responses')} without a matching before or after response ${agree(unmatched, 'is', 'are')} not counted.`
        : undefined,
      sourceEventIds: [...counted_],
      disclosure: {
        quantities,
        relations: quantities
          .filter((q) => q.id.startsWith('change_sum'))
          .map((q) => ({
            terms: [
              [q.id, 1],
              [q.id.replace('change_sum', 'after_sum'), -1],
              [q.id.replace('change_sum', 'before_sum'), 1],
            ],
          })),
        value: headline ? residentRefs[residents.indexOf(headline)].value : undefined,
        breakdown: residentRefs,
        secondary: byGroupRefs,
        items: itemRefs,
      },
    };
  },
  restate(shown) {
    return surveyStatement(shown.breakdown.find((c) => c.key === 'confidence_in_partnership'));
  },
};

function surveyStatement(headline: BreakdownEntry | undefined): string {
  if (!headline) return 'No resident or community member has answered both before and after, so no change can be reported.';
  if (headline.value === null)
    return `The residents' change in confidence is not shown: too few residents and community members answered both before and after.`;
  return `Among ${quantity(headline.n ?? 0, 'people')} from residents and communities who answered before and after, confidence working in partnership changed by ${headline.value > 0 ? '+' : ''}${headline.value} on a 1 to 5 scale.`;
}

export const trainingCompletions: IndicatorDefinition = {
  id: 'training_completions',
  title: 'Briefing and training completed',
  description: 'People who attended a held training or briefing session on co-production, by role.',
  compute(facts) {
    const training = heldAttendance(facts).filter((a) => facts.activities.get(a.activityId)?.activityType === 'training');
    const people = unique(training.map((a) => a.participantId));
    const counts = PARTICIPANT_ROLES.map((role) => ({
      key: role,
      value: people.filter((id) => facts.participants.get(id)?.role === role).length,
    })).filter((c) => c.value !== 0);
    return {
      id: this.id,
      title: this.title,
      unit: 'people',
      value: people.length,
      n: people.length,
      breakdown: counts.map((c) => peopleCell(c.key, labelOf(c.key), c.value, c.value)),
      items: [],
      statement: `${counted(people.length, 'person', 'people')} completed a briefing or training session on co-production.`,
      sourceEventIds: training.map((a) => a.eventId),
      disclosure: breakdownSpec({
        dimension: 'role',
        population: 'training',
        measure: 'people',
        cells: counts.map((c) => ({ ...c, people: c.value })),
        categories: PARTICIPANT_ROLES,
        total: { value: people.length, people: people.length },
        mergedLabel: OTHER_ROLES,
      }),
    };
  },
};
