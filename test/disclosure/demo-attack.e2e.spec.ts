import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { eventIdFor, GetProjectOutcomes, HandleDomainCommand, ProjectOutcomes, READ_MODELS, ReadModels } from '@coprod/application';
import { FrameworkRegistry, OutcomeFrameworkView, summariseOutcomes } from '@coprod/frameworks';
import { buildDemoRecord } from '../../apps/cli/src/demo/demo-record';
import { resolveCorrectionTargets } from '../../apps/cli/src/demo/demo-step';
import { ApiHarness, startApiHarness } from '../support/api-harness';
import { attack, isProtectedCell, truth } from './attack';

interface Cell {
  key: string;
  value: number | null;
}

describe('the demo record at threshold 5: every project, every framework, as the JSON API publishes it', () => {
  let api: ApiHarness;
  const registry = FrameworkRegistry.load();
  const shipped = registry.list().map((f) => f.id);
  let projects: string[];

  beforeAll(async () => {
    api = await startApiHarness();
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
    projects = ((await api.http().get('/api/projects').expect(200)).body as { projectId: string }[]).map((p) => p.projectId);
  }, 180_000);
  afterAll(() => api.close());

  /** The same figures with nothing hidden: what the attacker is trying to learn. */
  async function openFigures(projectId: string, framework: string) {
    const outcomes: ProjectOutcomes = await api.app
      .get(QueryBus)
      .execute(new GetProjectOutcomes({ projectId, frameworkId: framework, now: new Date().toISOString() }));
    const view = registry.get(framework) as unknown as OutcomeFrameworkView;
    return JSON.parse(JSON.stringify(summariseOutcomes(outcomes.facts, { suppressionThreshold: 1, framework: view }).indicators));
  }

  it('recovers no protected cell by solving the published equations', async () => {
    const leaks: unknown[] = [];
    let protectedHere = 0;
    for (const projectId of projects) {
      for (const framework of shipped) {
        const body = (await api.http().get(`/api/projects/${projectId}/outcomes`).query({ framework }).expect(200)).body as {
          suppressionThreshold: number;
          indicators: never;
        };
        expect(body.suppressionThreshold).toBe(5);
        const real = truth(await openFigures(projectId, framework));
        // Something is protected in the demo (small roles, groups, means, money), so the attack has cells to go after.
        protectedHere += JSON.stringify(body.indicators).split('not_shown_separately').length - 1;
        const found = attack(body.indicators).filter((r) => isProtectedCell(r.cell) && (real.get(r.cell) ?? 0) !== 0);
        if (found.length) leaks.push({ projectId, framework, found });
      }
    }
    expect(projects.length).toBe(4);
    expect(protectedHere).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  }, 120_000);

  it('shows no breakdown whose bars are all "not shown" but one, and still shows sessions by format and who was in the room', async () => {
    const lonely: string[] = [];
    for (const projectId of projects) {
      const body = (await api.http().get(`/api/projects/${projectId}/outcomes`).expect(200)).body as {
        indicators: Record<string, { breakdown: Cell[] }>;
      };
      for (const [id, indicator] of Object.entries(body.indicators)) {
        const shownCells = indicator.breakdown.filter((c) => c.value !== null).length;
        const hiddenCells = indicator.breakdown.length - shownCells;
        if (shownCells === 1 && hiddenCells > 0) lonely.push(`${projectId}/${id}`);
      }
      const open = await openFigures(projectId, 'west-berkshire');
      expect(body.indicators.sessions_by_format.breakdown).toEqual(open.sessions_by_format.breakdown);
      expect(body.indicators.people_by_role_group.breakdown).toEqual(open.people_by_role_group.breakdown);
      const councillors = (b: Cell[]) => b.filter((c) => c.key === 'councillor');
      expect(councillors(body.indicators.people_involved_by_role.breakdown)).toEqual(councillors(open.people_involved_by_role.breakdown));
    }
    expect(lonely).toEqual([]);
  }, 60_000);
});
