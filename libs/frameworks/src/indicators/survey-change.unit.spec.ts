import { foldProjectFacts } from './project-facts';
import { IndicatorContext } from './indicator';
import { computeDisclosed } from './outcome-summary';

const context: IndicatorContext = {
  suppressionThreshold: 5,
  framework: { id: 'west-berkshire', name: 'West Berkshire', version: '1', principles: [], setupActivities: [], notCoproduction: [] },
};

type Answers = [confidence: number, skills: number, influence: number];

/** Five residents (and whoever else is named) answering before and after: enough pairs for their change to be shown. */
function survey(changes: [participantId: string, role: string, before: Answers, after: Answers][]) {
  const events = changes.flatMap(([participantId, role, before, after]) => [
    { type: 'ParticipantRegistered', data: { participantId, role, seldomHeardGroups: [], preferredFormats: [] } },
    ...(
      [
        ['pre', before],
        ['post', after],
      ] as const
    ).map(([phase, [c, s, i]]) => ({
      type: 'SurveyResponseRecorded',
      data: { participantId, phase, answers: { confidence_in_partnership: c, skills_and_knowledge: s, sense_of_influence: i } },
    })),
  ]);
  return foldProjectFacts(events.map((e, i) => ({ ...e, eventId: `e${i + 1}`, position: i + 1, occurredAt: '2026-03-01T10:00:00.000Z' })));
}

const five = (before: Answers, after: (i: number) => Answers) =>
  ['a', 'b', 'c', 'd', 'e'].map((id, i): [string, string, Answers, Answers] => [id, 'resident', before, after(i)]);

describe('survey change in words and means: the sign of the change, and means to two decimal places', () => {
  it('writes a fall without a plus sign, and no change as 0', () => {
    const fell = computeDisclosed('survey_change', survey(five([4, 4, 4], (i) => [i < 2 ? 3 : 4, 4, 4])), context);
    expect(fell.value).toBe(-0.4);
    expect(fell.statement).toBe(
      'Among 5 people from residents and communities who answered before and after, confidence working in partnership changed by -0.4 on a 1 to 5 scale.',
    );
    const same = computeDisclosed('survey_change', survey(five([3, 3, 3], () => [3, 3, 3])), context);
    expect(same.statement).toBe(
      'Among 5 people from residents and communities who answered before and after, confidence working in partnership changed by 0 on a 1 to 5 scale.',
    );
  });

  it('gives the means before, after and of the change for each item and group, rounded to two decimal places', () => {
    // Confidence: 1,1,2,2,2 -> 2,3,3,3,5: before 1.6, after 3.2, change 1.6. Skills: 3 -> 4 for two of the five (0.4).
    const result = computeDisclosed(
      'survey_change',
      survey([
        ...five([2, 3, 3], (i) => [[2, 3, 3, 3, 5][i], i < 2 ? 4 : 3, 3]).map(([id, role, , after], i): [string, string, Answers, Answers] => [
          id,
          role,
          [[1, 1, 2, 2, 2][i], 3, 3],
          after,
        ]),
        ['k1', 'councillor', [1, 1, 1], [2, 2, 2]],
        ['k2', 'councillor', [1, 1, 1], [3, 1, 1]],
        ['k3', 'councillor', [2, 1, 1], [2, 1, 1]],
      ]),
      { ...context, suppressionThreshold: 1 },
    );
    const line = (itemId: string, groupId: string) => result.items.find((i) => i.itemId === itemId && i.groupId === groupId);
    expect(line('confidence_in_partnership', 'residents_and_communities')).toMatchObject({
      item: 'Confidence working in partnership',
      group: 'Residents and communities',
      pairs: 5,
      meanBefore: 1.6,
      meanAfter: 3.2,
      meanChange: 1.6,
      suppressed: false,
    });
    expect(line('skills_and_knowledge', 'residents_and_communities')).toMatchObject({ meanBefore: 3, meanAfter: 3.4, meanChange: 0.4 });
    // Councillors apart: 1,1,2 -> 2,3,2 is a change of 1, 2 and 0: a mean of 1, before 1.33 and after 2.33.
    expect(line('confidence_in_partnership', 'councillors')).toMatchObject({
      group: 'Councillors',
      pairs: 3,
      meanBefore: 1.33,
      meanAfter: 2.33,
      meanChange: 1,
    });
    expect(result.secondaryBreakdown?.find((c) => c.key === 'confidence_in_partnership:councillors')).toMatchObject({
      label: 'Confidence working in partnership: Councillors',
      value: 1,
      n: 3,
    });
    // The headline is the residents' confidence; the breakdown their three items.
    expect(result.value).toBe(1.6);
    expect(result.breakdown.map((c) => [c.key, c.label, c.value, c.n])).toEqual([
      ['confidence_in_partnership', 'Confidence working in partnership', 1.6, 5],
      ['skills_and_knowledge', 'Skills and knowledge', 0.4, 5],
      ['sense_of_influence', 'Sense of influence', 0, 5],
    ]);
    expect(result.note).toBeUndefined();
  });
});
