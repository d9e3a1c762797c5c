import Database from 'better-sqlite3';
import { CommandBus } from '@nestjs/cqrs';
import { join } from 'node:path';
import { eventIdFor, HandleDomainCommand, READ_MODELS, ReadModels } from '@coprod/application';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { FrameworkRegistry, IndicatorResult } from '@coprod/frameworks';
import { buildDemoRecord } from '../../apps/cli/src/demo/demo-record';
import { resolveCorrectionTargets } from '../../apps/cli/src/demo/demo-step';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { expectRecordMatchesFixture } from './support/recorded-fixture';

interface OutcomeBody {
  framework: { id: string };
  outcomes: { id: string; title: string; indicators: IndicatorResult[] }[];
}

/** Shows an indicator as evidence: a figure, the people it rests on, and the events it came from. */
const evidence = (i: IndicatorResult) => ({ id: i.id, value: i.value, n: i.n, events: i.sourceEventIds.length });

describe('the demo record gives every outcome of every shipped framework its evidence', () => {
  let api: ApiHarness;
  let storedIds: Set<string>;
  const shipped = FrameworkRegistry.load().list().map((f) => f.id);

  beforeAll(async () => {
    api = await startApiHarness();
    // The demo record, through the real command path, as `coprod demo` records it.
    const bus = api.app.get(CommandBus);
    const steps = resolveCorrectionTargets(buildDemoRecord(), (index) => eventIdFor(`demo-${index}`, 0));
    let position = 0;
    for (const [index, step] of steps.entries()) {
      const result = await bus.execute(
        new HandleDomainCommand(
          { type: step.type, data: step.data, metadata: { commandId: `demo-${index}`, now: step.at, actor: step.actor } },
          { source: step.source, correlationId: `demo-${index}` },
        ),
      );
      position = Math.max(position, result.position);
    }
    await api.app.get<ReadModels>(READ_MODELS).runtime.waitFor(position, 30_000);
    const db = new Database(join(api.dataDir, 'events.db'), { readonly: true });
    try {
      storedIds = new Set((db.prepare('SELECT id FROM events').all() as { id: string }[]).map((r) => r.id));
    } finally {
      db.close();
    }
  }, 120_000);
  afterAll(() => api.close());

  it('records the very events of the fixture the figures unit spec computes the same evidence from', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    expectRecordMatchesFixture('demo.events.json', { points: { head: await store.headPosition() }, events: await store.readAll() });
  });

  it('ships the four frameworks and the demo has four projects', async () => {
    expect(shipped.sort()).toEqual(['bracknell-forest', 'care-act-nef-scie', 'southend', 'west-berkshire']);
    const projects = await api.http().get('/api/projects').expect(200);
    expect(projects.body).toHaveLength(4);
  });

  it('for every project and framework, every outcome has an indicator with a figure, its n and stored event ids', async () => {
    const projects = (await api.http().get('/api/projects').expect(200)).body as { projectId: string }[];
    const gaps: string[] = [];
    for (const { projectId } of projects) {
      for (const framework of shipped) {
        const body = (await api.http().get(`/api/projects/${projectId}/outcomes`).query({ framework }).expect(200)).body as OutcomeBody;
        expect(body.framework.id).toBe(framework);
        expect(body.outcomes.length).toBeGreaterThan(0);
        for (const outcome of body.outcomes) {
          for (const indicator of outcome.indicators) {
            const missing = indicator.sourceEventIds.filter((id) => !storedIds.has(id));
            if (missing.length) gaps.push(`${projectId}/${framework}/${outcome.id}/${indicator.id}: ${missing.length} event ids not in the store`);
          }
          const evidenced = outcome.indicators.filter((i) => i.value !== null && Number.isInteger(i.n) && i.sourceEventIds.length > 0);
          if (evidenced.length === 0) {
            gaps.push(`${projectId}/${framework}/${outcome.id}: no indicator with a figure and its events (${JSON.stringify(outcome.indicators.map(evidence))})`);
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  }, 60_000);
});
