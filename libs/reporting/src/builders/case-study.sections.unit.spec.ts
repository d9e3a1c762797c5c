import { methodsSection } from './case-study.sections';
import type { ProjectEvidence } from './report-inputs';

/** The slice of a project's evidence the methods section reads: no survey, no quotes, no outcomes, two dates. */
const evidence = {
  summary: { indicators: {} },
  facts: { quotes: new Map(), participants: new Map() },
  framework: { outcomes: [] },
  clocks: { asOf: '2026-07-01T00:00:00.000Z' },
  range: { lastRecordedAt: '2026-07-01T00:00:00.000Z' },
} as unknown as ProjectEvidence;

const smallGroups = (threshold: number) => methodsSection(evidence, 'public', threshold).blocks[0];

describe('the methods section of a case study, on small groups', () => {
  it('says which breakdowns are withheld for resting on too few people', () => {
    expect(smallGroups(5)).toEqual({
      kind: 'paragraph',
      text: 'Every figure says how many people it rests on (n). Breakdowns resting on fewer than 5 people are not shown.',
    });
    expect(smallGroups(2)).toMatchObject({ text: expect.stringContaining('Breakdowns resting on fewer than 2 people are not shown.') });
  });

  it('says plainly that nothing is withheld at a threshold of 1, rather than "fewer than 1 people"', () => {
    const { text } = smallGroups(1) as { text: string };
    expect(text).not.toMatch(/fewer than 1\b/);
    expect(text).toBe(
      'Every figure says how many people it rests on (n). No breakdown is withheld for resting on too few people: this report shows groups of any size, down to a single person.',
    );
  });
});
