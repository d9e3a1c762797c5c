import { FactEvent, foldProjectFacts } from './project-facts';

const WORDS = 'I only understood the tariff when someone drew it for me';
const UNSTATED = 'I would join if somebody rang me first';

/** The facts folded from these contributions, numbered e1, e2, ... in order. */
function contributions(...data: Record<string, unknown>[]) {
  return foldProjectFacts(
    data.map((d, i): FactEvent => ({
      eventId: `e${i + 1}`,
      type: 'ContributionRecorded',
      data: { activityId: 'a-1', participantIds: ['r1'], kind: 'idea', ...d },
      position: i + 1,
      occurredAt: '2026-03-01T10:00:00.000Z',
    })),
  ).contributions;
}

describe('contribution facts', () => {
  const facts = contributions(
    { contributionId: 'c-1', participantIds: ['r1', 'r2'], recordedAs: 'staff_summary', summary: 'Asked for a worked example' },
    // Opened words, as if a caller had decrypted them first: the facts still must not take them.
    { contributionId: 'c-2', kind: 'feedback', recordedAs: 'participant_words', personal: { subjectId: 'r1', fields: { words: WORDS } } },
    { contributionId: 'c-3', participantIds: ['r3'], summary: UNSTATED },
  );

  it('counts every contribution with its people and kind, whoever\'s words it holds, as before', () => {
    expect(facts.map((c) => [c.contributionId, c.eventId, c.kind, c.participantIds])).toEqual([
      ['c-1', 'e1', 'idea', ['r1', 'r2']],
      ['c-2', 'e2', 'feedback', ['r1']],
      ['c-3', 'e3', 'idea', ['r3']],
    ]);
    expect(facts.map((c) => c.recordedAs)).toEqual(['staff_summary', 'participant_words', null]);
  });

  it('holds the text of staff summaries only: never the words, nor the text of a contribution that did not say whose words it was', () => {
    expect(facts.map((c) => c.staffSummary)).toEqual(['Asked for a worked example', null, null]);
    expect(JSON.stringify(facts)).not.toContain(WORDS);
    expect(JSON.stringify(facts)).not.toContain(UNSTATED);
  });
});
