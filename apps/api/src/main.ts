import 'reflect-metadata';
import { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json } from 'express';
import { refuseNonJsonBodies, refuseUnsafeJson } from './auth/json-bodies.middleware';
import { AccessLog, APP_CONFIG, AppConfig, CommandExecutor, loadConfig, StartupLogger } from '@coprod/application';
import { setupWeb } from '../../web/src/setup-web';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { AppModule } from './app.module';
import { validationPipe } from './http/validation';
import { COMMAND_DTOS } from './commands/dto';
import { loadShedder } from './http/load-shedding.middleware';
import { recordPersonalDataReads } from './http/personal-data-reads.middleware';

/** The routes of the JSON API; every other path is the web interface. */
const API_PATHS = ['/api', '/health'];

/** The levels asked for, through a logger that leaves a refusal to start to the caller to print once. */
function startupLogger(levels: LogLevel[] | false | undefined): StartupLogger | false {
  return levels === false ? false : new StartupLogger(levels ?? ['log', 'warn', 'error']);
}

/** Builds the HTTP application (used by `coprod serve` and by the end-to-end tests). */
export async function createApi(options: { logger?: LogLevel[] | false } = {}): Promise<INestApplication> {
  // abortOnError false: a refusal to start (such as a keys file that does not belong to the record) reaches the caller as one clear error.
  const app = await NestFactory.create(AppModule, { bodyParser: false, abortOnError: false, logger: startupLogger(options.logger) });
  // First of all, so a request the service has no room for costs nothing more than its refusal.
  const executor = app.get(CommandExecutor);
  const shedder = loadShedder({ limits: app.get<AppConfig>(APP_CONFIG).loadShedding, queuedCommands: () => executor.queueDepth });
  app.use(shedder);
  app.use(recordPersonalDataReads(app.get(AccessLog)));
  // The API reads JSON only; the web interface's forms are read by its own stack (setupWeb).
  app.use(API_PATHS, refuseNonJsonBodies);
  app.use(API_PATHS, json({ limit: '1mb', strict: true, type: () => true }));
  app.use(API_PATHS, refuseUnsafeJson);
  const web = setupWeb(app, app.get<AppConfig>(APP_CONFIG));
  const close = app.close.bind(app);
  app.close = async () => {
    shedder.stop();
    await close();
    web.close();
  };
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('coprod')
      .setDescription('The record of co-production: commands that record involvement, and the outcome figures derived from them')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
    { extraModels: Object.values(COMMAND_DTOS) },
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/openapi.json' });
  return app;
}

/** Serves the API on the configured host and port until stopped. */
export async function startApi(): Promise<INestApplication> {
  const config = loadConfig();
  const app = await createApi();
  await app.listen(config.port, config.host);
  const store = app.get<EventStore>(EVENT_STORE);
  console.log(`coprod API listening on http://${config.host}:${config.port} (OpenAPI at /api/docs; events in ${store.description})`);
  return app;
}

if (require.main === module) {
  startApi().catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
