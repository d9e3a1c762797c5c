import { PARTICIPANT_ROLES, SURVEY_ITEMS } from '@coprod/domain';
import { BreakdownEntry, IndicatorDefinition, peopleCell, unique } from './indicator';
import { counted, labelOf } from './labels';
import { ProjectFacts, SurveyFact } from './project-facts';
import { heldAttendance } from './people.indicators';

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
    .map(([participantId, r]) => ({ participantId, pre: r.pre!.answers[item], post: r.post!.answers[item], eventIds: [r.pre!.eventId, r.post!.eventId] }));
}

const mean = (values: number[]) => (values.length ? Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100 : null);

export const surveyChange: IndicatorDefinition = {
  id: 'survey_change',
  title: 'Change in skills, confidence and sense of influence',
  description: 'Mean change on a 1-5 scale between the same person’s answers before and after taking part, per item; only matched pairs count.',
  compute(facts, context) {
    const threshold = context.suppressionThreshold;
    const items = SURVEY_ITEMS.map((item) => {
      const matched = pairs(facts, item);
      // Too few pairs: the means before and after would tell each person's answers as surely as the change.
      const suppressed = matched.length > 0 && matched.length < threshold;
      return {
        item: labelOf(item),
        itemId: item,
        pairs: matched.length,
        meanBefore: suppressed ? null : mean(matched.map((p) => p.pre)),
        meanAfter: suppressed ? null : mean(matched.map((p) => p.post)),
        meanChange: suppressed ? null : mean(matched.map((p) => p.post - p.pre)),
        suppressed,
        eventIds: matched.flatMap((p) => p.eventIds),
      };
    });
    const byRole: BreakdownEntry[] = [];
    for (const item of SURVEY_ITEMS) {
      for (const role of PARTICIPANT_ROLES) {
        const matched = pairs(facts, item).filter((p) => facts.participants.get(p.participantId)?.role === role);
        if (matched.length === 0) continue;
        byRole.push(peopleCell(`${item}:${role}`, `${labelOf(item)}: ${labelOf(role)}`, mean(matched.map((p) => p.post - p.pre)) ?? 0, matched.length, threshold));
      }
    }
    const people = unique(items.flatMap((i) => facts.surveys.filter((s) => i.eventIds.includes(s.eventId)).map((s) => s.participantId)));
    const unmatched = facts.surveys.filter((s) => !items.some((i) => i.eventIds.includes(s.eventId))).length;
    const confidence = items.find((i) => i.itemId === 'confidence_in_partnership');
    return {
      id: this.id,
      title: this.title,
      unit: 'score',
      value: confidence?.meanChange ?? null,
      n: people.length,
      breakdown: items.map((i) => ({ key: i.itemId, label: i.item, value: i.meanChange, n: i.pairs, suppressed: i.suppressed })),
      secondaryBreakdown: byRole,
      items,
      statement:
        confidence && confidence.meanChange !== null
          ? `Among ${confidence.pairs} people who answered before and after, confidence working in partnership changed by ${confidence.meanChange > 0 ? '+' : ''}${confidence.meanChange} on a 1-5 scale.`
          : 'Too few matched before-and-after answers to report a change.',
      note: unmatched ? `${unmatched} responses without a matching before or after response are not counted.` : undefined,
      sourceEventIds: items.flatMap((i) => i.eventIds),
    };
  },
};

export const trainingCompletions: IndicatorDefinition = {
  id: 'training_completions',
  title: 'Briefing and training completed',
  description: 'People who attended a held training or briefing session on co-production, by role.',
  compute(facts, context) {
    const training = heldAttendance(facts).filter((a) => facts.activities.get(a.activityId)?.activityType === 'training');
    const people = unique(training.map((a) => a.participantId));
    const breakdown = PARTICIPANT_ROLES.map((role) => {
      const count = people.filter((id) => facts.participants.get(id)?.role === role).length;
      return peopleCell(role, labelOf(role), count, count, context.suppressionThreshold);
    }).filter((c) => c.n !== 0);
    return {
      id: this.id,
      title: this.title,
      unit: 'people',
      value: people.length,
      n: people.length,
      breakdown,
      items: [],
      statement: `${counted(people.length, 'person', 'people')} completed a briefing or training session on co-production.`,
      sourceEventIds: training.map((a) => a.eventId),
    };
  },
};
