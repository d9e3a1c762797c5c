import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApplicationModule,
  CommandResult,
  GetProjectOutcomes,
  HandleDomainCommand,
  OutcomeQuery,
  ProjectOutcomes,
  READ_MODELS,
  ReadModels,
} from '@coprod/application';
import { EVENT_STORE, EventStore } from '@coprod/event-store';

/** Who records a command: an officer, or a finance officer for approvals and payments. */
export interface TestActor {
  id: string;
  role: string;
}

export const OFFICER: TestActor = { id: 'ann.officer', role: 'evaluation_lead' };
export const FINANCE: TestActor = { id: 'bob.finance', role: 'evaluation_lead' };
/** Pays what finance approved: the approver never pays. */
export const PAYER: TestActor = { id: 'cat.payments', role: 'evaluation_lead' };

/** The application module (command path, read models, queries) on real files in a fresh folder. */
export interface OutcomeApp {
  app: INestApplicationContext;
  dataDir: string;
  store: EventStore;
  readModels: ReadModels;
  /** Records one command through the CommandBus and waits until the read models include it. */
  record(type: string, data: Record<string, unknown>, options: { now: string; actor?: TestActor }): Promise<CommandResult>;
  outcomes(query: Omit<OutcomeQuery, 'now'> & { now?: string }): Promise<ProjectOutcomes>;
  /** Global position of the last event stored. */
  head(): Promise<number>;
  close(options?: { keepFiles?: boolean }): Promise<void>;
}

/** Instant the queries are asked at: after everything the scenarios record happened. */
export const QUERY_NOW = '2026-08-01T00:00:00.000Z';

export async function startOutcomeApp(env: Record<string, string> = {}, dataDir = mkdtempSync(join(tmpdir(), 'coprod-outcomes-'))): Promise<OutcomeApp> {
  const saved = { ...process.env };
  for (const key of ['COPROD_EVENTS_FILE', 'COPROD_READ_MODELS_FILE', 'COPROD_KEYS_FILE', 'COPROD_POPULATION_FILE', 'COPROD_SUPPRESSION_THRESHOLD', 'COPROD_DISCLOSURE_FILE', 'EVENTSTORE_CONNECTION_STRING']) {
    delete process.env[key];
  }
  Object.assign(process.env, { COPROD_DATA_DIR: dataDir, ...env });
  let app: INestApplicationContext;
  try {
    app = await NestFactory.createApplicationContext(ApplicationModule, { logger: false });
    await app.init();
  } finally {
    process.env = saved;
  }
  const commandBus = app.get(CommandBus);
  const queryBus = app.get(QueryBus);
  const readModels = app.get<ReadModels>(READ_MODELS);
  const store = app.get<EventStore>(EVENT_STORE);
  let commands = 0;
  return {
    app,
    dataDir,
    store,
    readModels,
    async record(type, data, { now, actor = OFFICER }) {
      commands += 1;
      const commandId = `${type}-${commands}`;
      const result: CommandResult = await commandBus.execute(
        new HandleDomainCommand({ type, data, metadata: { commandId, now, actor } }, { source: 'api', correlationId: commandId }),
      );
      await readModels.runtime.waitFor(result.position);
      return result;
    },
    outcomes: (query) => queryBus.execute(new GetProjectOutcomes({ now: QUERY_NOW, ...query })),
    head: () => store.headPosition(),
    async close({ keepFiles = false } = {}) {
      await app.close();
      if (!keepFiles) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
