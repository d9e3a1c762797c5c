import { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetProjectOutcomes, HandleDomainCommand, ProjectOutcomes, READ_MODELS, ReadModels } from '@coprod/application';
import { CliModule } from '../../apps/cli/src/cli.module';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { withoutDeploymentStore } from '../support/deployment-store';

export const PROJECT = 'p-import';
export const SESSION = 'act-import-1';
export const OFFICER = { id: 'ivy.importer', role: 'evaluation_lead' };

/** A fresh data folder for one record. */
export function freshDataDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `coprod-import-${label}-`));
}

/** The record's application, opened on a data folder with the environment the CLI would have. */
export async function openRecord(dataDir: string): Promise<{ app: INestApplicationContext; close: () => Promise<void> }> {
  const saved = { ...process.env };
  process.env = withoutDeploymentStore(saved, { COPROD_DATA_DIR: dataDir, COPROD_ACTOR: OFFICER.id, COPROD_ACTOR_ROLE: OFFICER.role });
  const app = await NestFactory.createApplicationContext(CliModule, { logger: false });
  return {
    app,
    close: async () => {
      await app.close();
      process.env = saved;
    },
  };
}

let sequence = 0;

/** Records one command the way the API does: one command, one id, source api; answers its position. */
export async function recordOne(app: INestApplicationContext, type: string, data: Record<string, unknown>): Promise<number> {
  sequence += 1;
  const result = await app
    .get(CommandBus)
    .execute(
      new HandleDomainCommand(
        { type, data, metadata: { commandId: `one-${process.pid}-${Date.now()}-${sequence}`, now: new Date().toISOString(), actor: OFFICER } },
        { source: 'api', correlationId: `one-${sequence}` },
      ),
    );
  return result.position;
}

/** A project with one held session of three hours, ready for registers, surveys and claims. */
export async function recordProjectAndSession(app: INestApplicationContext, projectId = PROJECT, activityId = SESSION): Promise<void> {
  await recordOne(app, 'RegisterProject', {
    projectId,
    title: 'Library opening hours review',
    serviceArea: 'Libraries',
    aim: 'Decide with residents when the branch libraries open',
    frameworkId: 'west-berkshire',
    improvementSought: 'Opening hours that suit the people who use the libraries',
    openToNewMembers: true,
  });
  await recordOne(app, 'PlanActivity', {
    activityId,
    projectId,
    title: 'Opening hours workshop',
    activityType: 'workshop',
    stage: 'co_design',
    format: 'in_person',
    plannedFor: '2026-03-10T18:00:00.000Z',
    ladderLevel: 'co_design',
  });
  const position = await recordOne(app, 'HoldActivity', {
    activityId,
    heldOn: '2026-03-10T18:00:00.000Z',
    durationMinutes: 180,
    ladderLevel: 'co_design',
  });
  // Pages list the sessions from the read models: they must show this one.
  await app.get<ReadModels>(READ_MODELS).runtime.waitFor(position, 60_000);
}

/** Every indicator's value and n, without the event ids behind them (which differ between two records). */
export async function figuresOf(
  app: INestApplicationContext,
  projectId = PROJECT,
): Promise<Record<string, { value: unknown; n: number; breakdown: unknown }>> {
  const readModels = app.get<ReadModels>(READ_MODELS);
  await readModels.runtime.waitFor(await app.get<EventStore>(EVENT_STORE).headPosition(), 120_000);
  const outcomes: ProjectOutcomes = await app.get(QueryBus).execute(new GetProjectOutcomes({ projectId, now: new Date().toISOString() }));
  return Object.fromEntries(
    Object.values(outcomes.summary.indicators).map((r) => [
      r.id,
      { value: r.value, n: r.n, breakdown: r.breakdown.map((b) => [b.key, b.value, b.n, b.suppressed]) },
    ]),
  );
}
