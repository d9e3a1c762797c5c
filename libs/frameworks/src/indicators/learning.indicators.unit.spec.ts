import { foldProjectFacts } from './project-facts';
import { IndicatorContext } from './indicator';
import { surveyChange } from './learning.indicators';

const context: IndicatorContext = {
  suppressionThreshold: 5,
  framework: { id: 'west-berkshire', name: 'West Berkshire', version: '1', principles: [], setupActivities: [], notCoproduction: [] },
};

/** Given these people and survey answers [confidence, skills, influence], the facts an indicator reads. */
function given(people: Record<string, string>, responses: [participantId: string, phase: 'pre' | 'post', answers: [number, number, number]][]) {
  const events = [
    ...Object.entries(people).map(([participantId, role]) => ({ type: 'ParticipantRegistered', data: { participantId, role, seldomHeardGroups: [], preferredFormats: [] } })),
    ...responses.map(([participantId, phase, [c, s, i]]) => ({
      type: 'SurveyResponseRecorded',
      data: { participantId, phase, answers: { confidence_in_partnership: c, skills_and_knowledge: s, sense_of_influence: i } },
    })),
  ];
  return foldProjectFacts(events.map((e, i) => ({ ...e, eventId: `e${i + 1}`, position: i + 1, occurredAt: '2026-03-01T10:00:00.000Z' })));
}

const residents = { a: 'resident', b: 'resident', c: 'resident', d: 'resident', e: 'resident' };

describe('survey_change: matched pairs only, suppressed below the threshold', () => {
  it('counts only people who answered before and after; the unmatched are left out and said so', () => {
    const facts = given({ ...residents, f: 'carer', g: 'carer' }, [
      ['a', 'pre', [1, 2, 3]], ['a', 'post', [3, 2, 4]],
      ['b', 'pre', [2, 2, 2]], ['b', 'post', [3, 3, 2]],
      ['c', 'pre', [3, 1, 1]], ['c', 'post', [3, 2, 2]],
      ['d', 'pre', [2, 4, 2]], ['d', 'post', [4, 4, 3]],
      ['e', 'pre', [1, 1, 1]], ['e', 'post', [2, 2, 1]],
      ['f', 'pre', [1, 1, 1]],
      ['g', 'post', [5, 5, 5]],
    ]);
    const result = surveyChange.compute(facts, context);
    // Confidence changes: +2 +1 0 +2 +1 = 6 / 5 pairs = 1.2; f (pre only) and g (post only) do not count.
    expect(result.value).toBe(1.2);
    expect(result.n).toBe(5);
    expect(result.items[0]).toMatchObject({ itemId: 'confidence_in_partnership', pairs: 5, meanBefore: 1.8, meanAfter: 3, meanChange: 1.2, suppressed: false });
    expect(result.note).toBe('2 responses without a matching before or after response are not counted.');
    expect(result.sourceEventIds).not.toContain('e18');
  });

  it('shows a role whose pairs reach the threshold and withholds one whose pairs do not', () => {
    const facts = given({ ...residents, f: 'carer', g: 'carer' }, [
      ...Object.keys(residents).flatMap((id) => [[id, 'pre', [2, 2, 2]], [id, 'post', [4, 3, 2]]] as [string, 'pre' | 'post', [number, number, number]][]),
      ['f', 'pre', [1, 1, 1]], ['f', 'post', [2, 1, 1]],
      ['g', 'pre', [3, 3, 3]], ['g', 'post', [5, 3, 3]],
    ]);
    const cells = surveyChange.compute(facts, context).secondaryBreakdown!.filter((c) => c.key.startsWith('confidence_in_partnership:'));
    expect(cells).toEqual([
      { key: 'confidence_in_partnership:resident', label: 'Confidence working in partnership: Residents', value: 2, n: 5, suppressed: false },
      { key: 'confidence_in_partnership:carer', label: 'Confidence working in partnership: Carers', value: null, n: 2, suppressed: true },
    ]);
  });

  it('with fewer pairs than the threshold, withholds the means before and after as well as the change', () => {
    const facts = given({ a: 'resident', b: 'carer' }, [
      ['a', 'pre', [1, 2, 3]], ['a', 'post', [4, 2, 3]],
      ['b', 'pre', [2, 2, 2]], ['b', 'post', [2, 3, 2]],
    ]);
    const result = surveyChange.compute(facts, context);
    expect(result.value).toBeNull();
    for (const item of result.items) expect(item).toMatchObject({ pairs: 2, meanBefore: null, meanAfter: null, meanChange: null, suppressed: true });
    expect(result.breakdown.every((cell) => cell.value === null && cell.suppressed)).toBe(true);
    expect(result.statement).toBe('Too few matched before-and-after answers to report a change.');
  });
});
