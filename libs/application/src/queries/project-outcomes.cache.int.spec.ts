import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationModule } from '../application.module';
import { HandleDomainCommand } from '../commands/handle-domain-command';
import { READ_MODELS, ReadModels } from '../read-models/read-models';
import { GetProjectOutcomes } from './outcome.queries';
import { ProjectOutcomesCache } from './project-outcomes.cache';
import { OutcomeQuery, ProjectOutcomes, ProjectOutcomesService } from './project-outcomes.service';

const officer = { id: 'ann.officer', role: 'evaluation_lead' };
const HELD_AT = '2026-06-02T18:00:00.000Z';
const JUST_BEFORE = '2026-06-02T17:59:59.999Z';

/** The application module on its own files, as one process of the product opens it. */
async function open(dataDir: string) {
  const saved = { ...process.env };
  for (const key of ['COPROD_EVENTS_FILE', 'COPROD_READ_MODELS_FILE', 'COPROD_KEYS_FILE', 'COPROD_POPULATION_FILE', 'EVENTSTORE_CONNECTION_STRING']) delete process.env[key];
  process.env.COPROD_DATA_DIR = dataDir;
  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(ApplicationModule, { logger: false });
  } finally {
    process.env = saved;
  }
  const readModels = app.get<ReadModels>(READ_MODELS);
  let sent = 0;
  return {
    app,
    async record(type: string, data: Record<string, unknown>, now: string) {
      sent += 1;
      const commandId = `${type}-${process.pid}-${sent}-${dataDir.length}`;
      const result = await app
        .get(CommandBus)
        .execute(new HandleDomainCommand({ type, data, metadata: { commandId, now, actor: officer } }, { source: 'api', correlationId: commandId }));
      await readModels.runtime.waitFor(result.position);
    },
    ask: (query: Partial<OutcomeQuery> & { now: string }): Promise<ProjectOutcomes> =>
      app.get(QueryBus).execute(new GetProjectOutcomes({ projectId: 'p-1', ...query })),
    fresh: (query: Partial<OutcomeQuery> & { now: string }) => app.get(ProjectOutcomesService).compute({ projectId: 'p-1', ...query }),
  };
}

const sessionsHeld = (answer: ProjectOutcomes) => answer.summary.indicators.sessions_by_stage.value;
const plainJson = (answer: ProjectOutcomes) => JSON.parse(JSON.stringify(answer)) as unknown;

describe('outcome answers remembered between identical questions', () => {
  let dataDir: string;
  let product: Awaited<ReturnType<typeof open>>;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'coprod-outcome-cache-'));
    product = await open(dataDir);
    await product.record(
      'RegisterProject',
      {
        projectId: 'p-1',
        title: 'Community energy guidance',
        serviceArea: 'Environment',
        aim: 'An introductory note written with residents',
        frameworkId: 'west-berkshire',
        improvementSought: 'A note residents understand',
        openToNewMembers: true,
      },
      '2026-05-01T09:00:00.000Z',
    );
    await product.record(
      'PlanActivity',
      {
        activityId: 'act-1',
        projectId: 'p-1',
        title: 'Drop-in session',
        activityType: 'workshop',
        stage: 'co_design',
        format: 'in_person',
        plannedFor: HELD_AT,
        ladderLevel: 'co_design',
      },
      '2026-05-02T09:00:00.000Z',
    );
    // Recorded ahead of time (as an officer entering the diary might): it happens at HELD_AT.
    await product.record('HoldActivity', { activityId: 'act-1', heldOn: HELD_AT, durationMinutes: 90, ladderLevel: 'co_design' }, '2026-05-03T09:00:00.000Z');
  });

  afterEach(async () => {
    await product.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives the same answer to the same question, equal to computing it afresh', async () => {
    const first = await product.ask({ now: '2026-05-20T10:00:00.000Z' });
    const again = await product.ask({ now: '2026-05-20T10:00:00.000Z' });
    expect(plainJson(again)).toEqual(plainJson(first));
    expect(plainJson(again)).toEqual(plainJson(product.fresh({ now: '2026-05-20T10:00:00.000Z' })));
  });

  it('as of now, a later now before the next recorded moment echoes that now and is otherwise the same', async () => {
    await product.ask({ now: '2026-05-20T10:00:00.000Z' });
    const later = await product.ask({ now: JUST_BEFORE });
    expect(later.clocks.asOf).toBe(JUST_BEFORE);
    expect(plainJson(later)).toEqual(plainJson(product.fresh({ now: JUST_BEFORE })));
  });

  it('as of now, once now reaches a recorded moment the answer includes what happened then', async () => {
    expect(sessionsHeld(await product.ask({ now: JUST_BEFORE }))).toBe(0);
    const after = await product.ask({ now: HELD_AT });
    expect(sessionsHeld(after)).toBe(1);
    expect(plainJson(after)).toEqual(plainJson(product.fresh({ now: HELD_AT })));
  });

  it('as of now, carries one provenance digest while now moves between recorded moments, and another once now passes one', async () => {
    const early = await product.ask({ now: '2026-05-20T10:00:00.000Z' });
    const later = await product.ask({ now: JUST_BEFORE });
    expect(later.clocks.provenanceDigest).toBe(early.clocks.provenanceDigest);
    const after = await product.ask({ now: HELD_AT });
    expect(after.clocks.eventCount).toBe(early.clocks.eventCount + 1);
    expect(after.clocks.provenanceDigest).not.toBe(early.clocks.provenanceDigest);
    expect(after.clocks.provenanceDigest).toBe(product.fresh({ now: HELD_AT }).clocks.provenanceDigest);
  });

  it('as of now, a clock set back before a recorded moment leaves it out again', async () => {
    expect(sessionsHeld(await product.ask({ now: '2026-07-01T00:00:00.000Z' }))).toBe(1);
    expect(sessionsHeld(await product.ask({ now: JUST_BEFORE }))).toBe(0);
  });

  it('after a write, the next answer includes it', async () => {
    const before = await product.ask({ now: '2026-07-01T00:00:00.000Z' });
    await product.record('PlanActivity', { activityId: 'act-2', projectId: 'p-1', title: 'Second session', activityType: 'workshop', stage: 'co_design', format: 'online', plannedFor: HELD_AT, ladderLevel: 'co_design' }, '2026-05-04T09:00:00.000Z');
    await product.record('HoldActivity', { activityId: 'act-2', heldOn: '2026-06-10T18:00:00.000Z', durationMinutes: 60, ladderLevel: 'co_design' }, '2026-06-10T19:00:00.000Z');
    const after = await product.ask({ now: '2026-07-01T00:00:00.000Z' });
    expect(sessionsHeld(before)).toBe(1);
    expect(sessionsHeld(after)).toBe(2);
    expect(after.clocks.knownAtPosition).toBeGreaterThan(before.clocks.knownAtPosition);
  });

  it('an answer as of a date does not change with now', async () => {
    const early = await product.ask({ asOf: '2026-06-01', now: '2026-06-05T00:00:00.000Z' });
    const late = await product.ask({ asOf: '2026-06-01', now: '2027-01-01T00:00:00.000Z' });
    expect(plainJson(late)).toEqual(plainJson(early));
    expect(sessionsHeld(late)).toBe(0);
  });

  it('after another process writes the read models, the next answer reads them afresh', async () => {
    const before = await product.ask({ now: '2026-07-01T00:00:00.000Z' });
    // A second process on the same files (a command line import) records and projects on its own.
    const other = await open(dataDir);
    try {
      await other.record('PlanActivity', { activityId: 'act-3', projectId: 'p-1', title: 'Third session', activityType: 'workshop', stage: 'co_design', format: 'online', plannedFor: HELD_AT, ladderLevel: 'co_design' }, '2026-05-05T09:00:00.000Z');
      await other.record('HoldActivity', { activityId: 'act-3', heldOn: '2026-06-11T18:00:00.000Z', durationMinutes: 60, ladderLevel: 'co_design' }, '2026-06-11T19:00:00.000Z');
    } finally {
      await other.app.close();
    }
    const after = await product.ask({ now: '2026-07-01T00:00:00.000Z' });
    expect(sessionsHeld(before)).toBe(1);
    expect(sessionsHeld(after)).toBe(2);
  });

  it('answers a repeated question from memory, computing it once', async () => {
    const computed = jest.spyOn(product.app.get(ProjectOutcomesService), 'computeTimed');
    const first = await product.ask({ asOf: '2026-06-01', now: '2026-06-05T00:00:00.000Z' });
    const again = await product.ask({ asOf: '2026-06-01', now: '2026-06-06T00:00:00.000Z' });
    expect(again).toBe(first);
    expect(computed).toHaveBeenCalledTimes(1);
  });

  it('as of now, answers from memory while now stays between recorded moments, and computes again once it passes one', async () => {
    const computed = jest.spyOn(product.app.get(ProjectOutcomesService), 'computeTimed');
    await product.ask({ now: '2026-05-20T10:00:00.000Z' });
    await product.ask({ now: JUST_BEFORE });
    expect(computed).toHaveBeenCalledTimes(1);
    await product.ask({ now: HELD_AT });
    expect(computed).toHaveBeenCalledTimes(2);
  });

  it('after a write, computes the answer again rather than answering from memory', async () => {
    const computed = jest.spyOn(product.app.get(ProjectOutcomesService), 'computeTimed');
    await product.ask({ asOf: '2026-07-01', now: '2026-07-02T00:00:00.000Z' });
    await product.record('PlanActivity', { activityId: 'act-4', projectId: 'p-1', title: 'Fourth session', activityType: 'workshop', stage: 'co_design', format: 'online', plannedFor: HELD_AT, ladderLevel: 'co_design' }, '2026-05-06T09:00:00.000Z');
    await product.ask({ asOf: '2026-07-01', now: '2026-07-02T00:00:00.000Z' });
    expect(computed).toHaveBeenCalledTimes(2);
  });

  it('remembers a bounded number of answers however many questions are asked', async () => {
    for (let day = 1; day <= 100; day += 1) await product.ask({ asOf: new Date(Date.UTC(2026, 0, day)).toISOString(), now: HELD_AT });
    expect(product.app.get(ProjectOutcomesCache).size).toBeLessThanOrEqual(64);
    expect(product.app.get(ProjectOutcomesCache).size).toBeGreaterThan(0);
  });
});
