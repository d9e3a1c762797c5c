import { LIKERT_MAX, LIKERT_MIN, SurveyItem, SURVEY_ITEMS } from '@coprod/domain';
import { instant } from './demo-clock';
import { DemoActor, DemoSource } from './demo-step';
import { seededRandom, wholeBetween } from './seeded-random';
import { Timeline } from './timeline';

/** A before-and-after self-assessment of a project's members. */
export interface SurveyRounds {
  projectId: string;
  /** Everyone who answered before taking part. */
  pre: { on: string; respondents: string[]; source?: DemoSource };
  /** Those who answered again afterwards; anyone missing stays unmatched (pre only). */
  post: { on: string; respondents: string[]; source?: DemoSource };
}

/**
 * Records both rounds. Answers start low to middling and mostly rise by a point or two afterwards,
 * a plausible picture of people growing in confidence; the spread is seeded by the project id.
 */
export function recordSurveyRounds(timeline: Timeline, recorder: DemoActor, rounds: SurveyRounds): void {
  const random = seededRandom(`survey:${rounds.projectId}`);
  const before = new Map<string, Record<SurveyItem, number>>();
  const pre = timeline.from(instant(rounds.pre.on), recorder, rounds.pre.source ?? 'api');
  for (const participantId of rounds.pre.respondents) {
    const answers = Object.fromEntries(SURVEY_ITEMS.map((item) => [item, wholeBetween(random, LIKERT_MIN, 3)])) as Record<SurveyItem, number>;
    before.set(participantId, answers);
    pre.record('RecordSurveyResponse', response(rounds.projectId, participantId, 'pre', answers, instant(rounds.pre.on)));
  }
  const post = timeline.from(instant(rounds.post.on), recorder, rounds.post.source ?? 'api');
  for (const participantId of rounds.post.respondents) {
    const start = before.get(participantId);
    const answers = Object.fromEntries(
      SURVEY_ITEMS.map((item) => [item, Math.min(LIKERT_MAX, (start?.[item] ?? 3) + wholeBetween(random, 0, 2))]),
    ) as Record<SurveyItem, number>;
    post.record('RecordSurveyResponse', response(rounds.projectId, participantId, 'post', answers, instant(rounds.post.on)));
  }
}

function response(projectId: string, participantId: string, phase: 'pre' | 'post', answers: Record<SurveyItem, number>, respondedOn: string) {
  return { projectId, participantId, responseId: `srv-${projectId}-${participantId}-${phase}`, phase, answers, respondedOn };
}
