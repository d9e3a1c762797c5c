import type { BreakdownEntry, IndicatorResult } from '@coprod/frameworks';
import { breakdownChart } from './indicator-blocks';

const cell = (label: string, value: number | null): BreakdownEntry => ({
  key: label.toLowerCase(),
  label,
  value,
  n: value,
  suppressed: value === null,
});
const result = (breakdown: BreakdownEntry[]): IndicatorResult => ({
  id: 'people_by_role',
  title: 'People involved, by role',
  unit: 'people',
  value: 9,
  n: 9,
  breakdown,
  items: [],
  statement: '9 people took part.',
  sourceEventIds: [],
});

describe("a breakdown chart's description", () => {
  it('names the one largest group, with its count in words that agree', () => {
    expect(breakdownChart(result([cell('Residents', 5), cell('Councillors', 1), cell('Council officers', 3)]), 'c')?.alt).toBe(
      'People involved, by role, by 3 groups. The largest is residents, at 5 people.',
    );
  });

  it('names every group that ties for the largest, not just the first', () => {
    expect(breakdownChart(result([cell('Residents', 3), cell('Councillors', 1), cell('Council officers', 3)]), 'c')?.alt).toBe(
      'People involved, by role, by 3 groups. The largest are residents and council officers, at 3 people each.',
    );
  });

  it('says how many groups are hidden, and draws no chart with fewer than two bars', () => {
    expect(breakdownChart(result([cell('Residents', 6), cell('Carers', null), cell('Council officers', 2)]), 'c')?.alt).toBe(
      'People involved, by role, by 3 groups. The largest is residents, at 6 people. 1 group is not shown because too few people are in it.',
    );
    expect(breakdownChart(result([cell('Residents', 6), cell('Carers', null)]), 'c')).toBeUndefined();
  });

  it("carries the figure's n where it counts people, and none where no person is counted (reflections on principles)", () => {
    const people = breakdownChart(result([cell('Residents', 6), cell('Council officers', 3)]), 'c');
    expect(people?.n).toBe(9);
    const reflections: IndicatorResult = { ...result([cell('Equality', 1), cell('Inclusive', 1)]), id: 'principle_reflections', unit: 'items', n: 0 };
    const chart = breakdownChart(reflections, 'c');
    expect(chart?.categories).toEqual(['Equality', 'Inclusive']);
    expect(chart).not.toHaveProperty('n');
  });
});
