'use strict';
/** Opens the product as the CLI does (the Nest ApplicationModule) on a data folder, and fills it. */
const path = require('node:path');
const { product } = require('./register');

/** Environment for a product instance on `dataDir`: the local identity, loopback only, quiet logs. */
function productEnv(dataDir) {
  return {
    COPROD_DATA_DIR: dataDir,
    COPROD_EVENTS_FILE: path.join(dataDir, 'events.db'),
    COPROD_READ_MODELS_FILE: path.join(dataDir, 'read-models.db'),
    COPROD_KEYS_FILE: path.join(dataDir, 'keys.db'),
    COPROD_AUTH: 'local',
    HOST: '127.0.0.1',
  };
}

/** The ApplicationModule as a Nest context, with the pieces the benchmarks drive. */
async function openApplication(dataDir) {
  Object.assign(process.env, productEnv(dataDir));
  const { NestFactory } = product('node_modules/@nestjs/core');
  const { CommandBus, QueryBus } = product('node_modules/@nestjs/cqrs');
  const application = product('libs/application/src');
  const { EVENT_STORE } = product('libs/event-store/src');
  const app = await NestFactory.createApplicationContext(application.ApplicationModule, { logger: false });
  return {
    app,
    commandBus: app.get(CommandBus),
    queryBus: app.get(QueryBus),
    store: app.get(EVENT_STORE),
    readModels: app.get(application.READ_MODELS),
    application,
    get: (token) => app.get(token),
    /** Sends one command through the CommandBus: reference checks, read, fold, decide, append. */
    execute(command, origin = { source: 'api', correlationId: command.metadata.commandId }) {
      return this.commandBus.execute(new application.HandleDomainCommand(command, origin));
    },
    close: () => app.close(),
  };
}

/** The demo record's commands, with correction targets filled in, as the CLI's `demo` builds them. */
function demoSteps() {
  const { buildDemoRecord } = product('apps/cli/src/demo/demo-record');
  const { resolveCorrectionTargets } = product('apps/cli/src/demo/demo-step');
  const { eventIdFor } = product('libs/application/src/commands/event-ids');
  return resolveCorrectionTargets(buildDemoRecord(), (index) => eventIdFor(`demo-${index}`, 0));
}

/** Records the demo record through the command path (dated as recorded over 2026) and waits for the read models. */
async function recordDemo(ctx) {
  let position = 0;
  for (const [index, step] of demoSteps().entries()) {
    const result = await ctx.execute(
      { type: step.type, data: step.data, metadata: { commandId: `demo-${index}`, now: step.at, actor: step.actor } },
      { source: step.source, correlationId: `demo-${index}`, recordedAt: step.at },
    );
    position = Math.max(position, result.position);
  }
  await ctx.readModels.runtime.waitFor(position, 120_000);
  return position;
}

module.exports = { openApplication, productEnv, demoSteps, recordDemo };
