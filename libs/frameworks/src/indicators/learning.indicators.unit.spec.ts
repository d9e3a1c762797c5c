import { foldProjectFacts } from './project-facts';
import { IndicatorContext } from './indicator';
import { computeDisclosed } from './outcome-summary';

const context: IndicatorContext = {
  suppressionThreshold: 5,
  framework: { id: 'west-berkshire', name: 'West Berkshire', version: '1', principles: [], setupActivities: [], notCoproduction: [] },
};

/** Given these people and survey answers [confidence, skills, influence], the facts an indicator reads. */
function given(people: Record<string, string>, responses: [participantId: string, phase: 'pre' | 'post', answers: [number, number, number]][]) {
  const events = [
    ...Object.entries(people).map(([participantId, role]) => ({
      type: 'ParticipantRegistered',
      data: { participantId, role, seldomHeardGroups: [], preferredFormats: [] },
    })),
    ...responses.map(([participantId, phase, [c, s, i]]) => ({
      type: 'SurveyResponseRecorded',
      data: { participantId, phase, answers: { confidence_in_partnership: c, skills_and_knowledge: s, sense_of_influence: i } },
    })),
  ];
  return foldProjectFacts(events.map((e, i) => ({ ...e, eventId: `e${i + 1}`, position: i + 1, occurredAt: '2026-03-01T10:00:00.000Z' })));
}

const residents = { a: 'resident', b: 'resident', c: 'resident', d: 'resident', e: 'resident' };

const surveyChange = { compute: (facts: ReturnType<typeof given>, ctx: IndicatorContext) => computeDisclosed('survey_change', facts, ctx) };

describe('survey_change: matched pairs only, by role group, suppressed below the threshold', () => {
  it('counts only people who answered before and after; the unmatched are left out and said so', () => {
    const facts = given({ ...residents, f: 'carer', g: 'carer' }, [
      ['a', 'pre', [1, 2, 3]],
      ['a', 'post', [3, 2, 4]],
      ['b', 'pre', [2, 2, 2]],
      ['b', 'post', [3, 3, 2]],
      ['c', 'pre', [3, 1, 1]],
      ['c', 'post', [3, 2, 2]],
      ['d', 'pre', [2, 4, 2]],
      ['d', 'post', [4, 4, 3]],
      ['e', 'pre', [1, 1, 1]],
      ['e', 'post', [2, 2, 1]],
      ['f', 'pre', [1, 1, 1]],
      ['g', 'post', [5, 5, 5]],
    ]);
    const result = surveyChange.compute(facts, context);
    // Confidence changes: +2 +1 0 +2 +1 = 6 / 5 pairs = 1.2; f (pre only) and g (post only) do not count.
    expect(result.value).toBe(1.2);
    expect(result.n).toBe(5);
    expect(result.items[0]).toMatchObject({
      itemId: 'confidence_in_partnership',
      groupId: 'residents_and_communities',
      pairs: 5,
      meanBefore: 1.8,
      meanAfter: 3,
      meanChange: 1.2,
      suppressed: false,
    });
    expect(result.statement).toBe(
      'Among 5 people from residents and communities who answered before and after, confidence working in partnership changed by +1.2 on a 1 to 5 scale.',
    );
    expect(result.note).toBe('2 responses without a matching before or after response are not counted.');
    expect(result.sourceEventIds).not.toContain('e18');
  });

  it("reports residents, staff and councillors apart: the headline is the residents' change, never pooled with staff", () => {
    const facts = given({ ...residents, o: 'council_officer', k: 'councillor' }, [
      ...Object.keys(residents).flatMap(
        (id) =>
          [
            [id, 'pre', [2, 2, 2]],
            [id, 'post', [4, 3, 2]],
          ] as [string, 'pre' | 'post', [number, number, number]][],
      ),
      ['o', 'pre', [1, 1, 1]],
      ['o', 'post', [5, 1, 1]],
      ['k', 'pre', [3, 3, 3]],
      ['k', 'post', [3, 3, 3]],
    ]);
    const result = surveyChange.compute(facts, context);
    // Residents +2 each (n = 5); pooled with the officer's +4 and the councillor's 0 it would read +2 of 7: the pool is never shown.
    expect([result.value, result.n]).toEqual([2, 5]);
    const cells = result.secondaryBreakdown!.filter((c) => c.key.startsWith('confidence_in_partnership:'));
    expect(cells).toEqual([
      {
        key: 'confidence_in_partnership:residents_and_communities',
        label: 'Confidence working in partnership: Residents and communities',
        value: 2,
        n: 5,
        suppressed: false,
      },
      {
        key: 'confidence_in_partnership:council_staff',
        label: 'Confidence working in partnership: Council staff',
        value: null,
        n: 1,
        suppressed: true,
      },
      { key: 'confidence_in_partnership:councillors', label: 'Confidence working in partnership: Councillors', value: null, n: 1, suppressed: true },
    ]);
    expect(
      computeDisclosed('survey_change', facts, { ...context, suppressionThreshold: 1 })
        .secondaryBreakdown!.slice(0, 3)
        .map((c) => c.value),
    ).toEqual([2, 4, 0]);
  });

  it('with fewer pairs than the threshold, withholds the means before and after as well as the change', () => {
    const facts = given({ a: 'resident', b: 'carer' }, [
      ['a', 'pre', [1, 2, 3]],
      ['a', 'post', [4, 2, 3]],
      ['b', 'pre', [2, 2, 2]],
      ['b', 'post', [2, 3, 2]],
    ]);
    const result = surveyChange.compute(facts, context);
    expect(result.value).toBeNull();
    for (const item of result.items) expect(item).toMatchObject({ pairs: 2, meanBefore: null, meanAfter: null, meanChange: null, suppressed: true });
    expect(result.breakdown.every((cell) => cell.value === null && cell.suppressed)).toBe(true);
    expect(result.statement).toBe(
      "The residents' change in confidence is not shown: too few residents and community members answered both before and after.",
    );
  });
});
