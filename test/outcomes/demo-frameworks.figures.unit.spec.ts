import { FrameworkRegistry } from '@coprod/frameworks/framework/framework-registry';
import type { IndicatorResult } from '@coprod/frameworks/indicators/indicator';
import { FixtureOutcomes, outcomesOverFixture } from './support/fixture-outcomes';
import { readRecordedFixture } from './support/recorded-fixture';

/*
 * The evidence demo-frameworks.e2e.spec.ts asks of the demo record, computed by the application's own outcomes query
 * from the events `coprod demo` records (captured in fixtures/demo.events.json; the end-to-end suite fails when the
 * demo records anything else): quick enough to run against every mutant of the figures code.
 */

/** Shows an indicator as evidence: a figure, the people it rests on, and the events it came from. */
const evidence = (i: IndicatorResult) => ({ id: i.id, value: i.value, n: i.n, events: i.sourceEventIds.length });

describe('the demo record, from its recorded events, gives every outcome of every shipped framework its evidence', () => {
  const { events } = readRecordedFixture<{ head: number }>('demo.events.json');
  const storedIds = new Set(events.map((e) => e.id));
  const shipped = FrameworkRegistry.load()
    .list()
    .map((f) => f.id);
  let app: FixtureOutcomes;

  beforeAll(() => {
    // Asked as the API asks: as of the moment of asking, with the product's default settings.
    app = outcomesOverFixture(events, {}, new Date().toISOString());
  });
  afterAll(() => app.close());

  it('ships the four frameworks and the demo has four projects', () => {
    expect([...shipped].sort()).toEqual(['bracknell-forest', 'care-act-nef-scie', 'southend', 'west-berkshire']);
    expect(app.projectIds()).toHaveLength(4);
  });

  it('for every project and framework, every outcome has an indicator with a figure, its n and stored event ids', () => {
    const gaps: string[] = [];
    for (const projectId of app.projectIds()) {
      for (const framework of shipped) {
        const { summary } = app.outcomes({ projectId, frameworkId: framework });
        expect(summary.framework.id).toBe(framework);
        expect(summary.outcomes.length).toBeGreaterThan(0);
        for (const outcome of summary.outcomes) {
          for (const indicator of outcome.indicators) {
            const missing = indicator.sourceEventIds.filter((id) => !storedIds.has(id));
            if (missing.length) gaps.push(`${projectId}/${framework}/${outcome.id}/${indicator.id}: ${missing.length} event ids not in the store`);
          }
          const evidenced = outcome.indicators.filter((i) => i.value !== null && Number.isInteger(i.n) && i.sourceEventIds.length > 0);
          if (evidenced.length === 0) {
            gaps.push(
              `${projectId}/${framework}/${outcome.id}: no indicator with a figure and its events (${JSON.stringify(outcome.indicators.map(evidence))})`,
            );
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  });
});
