import fc from 'fast-check';
import { checkInvariants, correctionsStayFinal, eventRef, ids, invariant, isWholeBetween, mostly, reason, request, StreamView } from '../core/properties';
import { SURVEY_ITEMS } from '../core/vocabulary';
import { SurveyEvent, SurveyResponseRecorded } from './survey';
import { surveyDecider } from './survey.decider';

const participantId = ids('p-1', 'p-2');
const score = mostly([1, 2, 3, 4, 5], [0, 6, 2.5, Number.NaN]);
const answers = fc.oneof(
  { weight: 8, arbitrary: fc.record({ confidence_in_partnership: score, skills_and_knowledge: score, sense_of_influence: score }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.constant({ happiness: 3 }) },
);
const survey = fc.record({ projectId: fc.constant('p1'), participantId });

const respond = request(
  'RecordSurveyResponse',
  fc
    .tuple(
      survey,
      fc.record({
        responseId: fc.constantFrom('r-1', 'r-2'),
        phase: mostly(['pre', 'post'], ['mid']),
        answers,
        respondedOn: mostly(['2026-01-15', '2026-06-15', '2026-06-15T17:00:00+01:00'], ['', 'June']),
      }),
    )
    .map(([who, response]) => ({ ...who, ...response })),
);
const correcting = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.tuple(survey, fc.record({ eventId: eventRef, reason, ...fields }, { requiredKeys: ['eventId', 'reason'] })).map(([who, correction]) => ({ ...who, ...correction }));

const requests = fc.oneof(
  { weight: 3, arbitrary: respond },
  { weight: 3, arbitrary: request('AmendSurveyResponse', correcting({ answers })) },
  { weight: 2, arbitrary: request('VoidSurveyResponse', correcting({})) },
);

/** Walks one person's responses on one project: Likert answers only, at most one pre and one post, the pre first. */
function responseInvariants({ id, raw, read }: StreamView<SurveyEvent>): void {
  const byPhase = new Map<string, SurveyResponseRecorded['data']>();
  for (const { data } of read) {
    invariant(`${data.projectId}.${data.participantId}` === id, `response ${data.responseId} by ${data.participantId} on ${data.projectId} is in stream ${id}`);
    invariant(data.phase === 'pre' || data.phase === 'post', `response ${data.responseId} has phase "${data.phase}"`);
    const items = Object.entries(data.answers);
    invariant(items.length > 0, `response ${data.responseId} has no answers`);
    for (const [item, answer] of items) {
      invariant((SURVEY_ITEMS as readonly string[]).includes(item), `response ${data.responseId} answers unknown item ${item}`);
      invariant(isWholeBetween(answer, 1, 5), `response ${data.responseId} answers ${item} with ${answer}`);
    }
    invariant(!byPhase.has(data.phase), `${id} has two ${data.phase} responses`);
    byPhase.set(data.phase, data);
  }
  const [pre, post] = [byPhase.get('pre'), byPhase.get('post')];
  if (pre && post) {
    invariant(pre.responseId !== post.responseId, `${id}'s pre and post responses share id ${pre.responseId}`);
    invariant(!(Date.parse(pre.respondedOn) > Date.parse(post.respondedOn)), `${id}'s pre response (${pre.respondedOn}) is after the post (${post.respondedOn})`);
  }
  correctionsStayFinal(raw);
}

describe('survey properties', () => {
  it('keeps answers on the 1 to 5 scale, and at most one pre and one post per person per project', () => {
    checkInvariants(surveyDecider, { opening: respond, requests }, responseInvariants);
  });
});
