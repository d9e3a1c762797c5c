import { Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { KEY_STORE, KeyStore } from '@coprod/privacy/keys/key-store.port';
import { FrameworkRegistry } from '@coprod/frameworks';
import { PersonalDataCipher } from '@coprod/privacy/cipher/personal-data-cipher';
import { APP_CONFIG, AppConfig, loadConfig } from './config/app-config';
import { PERSONAL_DATA_PROTECTOR } from './commands/personal-data-protector';
import { CommandExecutor } from './commands/command-executor';
import { DeciderRegistry } from './commands/decider-registry';
import { HandleDomainCommandHandler } from './commands/handle-domain-command';
import { ReferenceChecker } from './commands/reference-checker';
import { cipherProvider, keyStoreProvider, personalDataProtectorProvider } from './privacy/personal-data.providers';
import { GetProjectOutcomesHandler, ListProjectsHandler } from './queries/outcome.queries';
import { frameworkRegistryProvider, populationProvider } from './queries/population.provider';
import { ProjectOutcomesCache } from './queries/project-outcomes.cache';
import { ProjectOutcomesService } from './queries/project-outcomes.service';
import { HistoryRecord, ReportEvidence, ReportService } from './reports';
import { READ_MODELS, ReadModels } from './read-models/read-models';
import { eventStoreProvider } from './store/event-store.provider';
import { IntegrityWatch } from './integrity/integrity-watch';

const infrastructure = [
  { provide: APP_CONFIG, useFactory: () => loadConfig() },
  eventStoreProvider,
  keyStoreProvider,
  cipherProvider,
  personalDataProtectorProvider,
  frameworkRegistryProvider,
  populationProvider,
  {
    provide: READ_MODELS,
    inject: [EVENT_STORE, APP_CONFIG],
    useFactory: (store: EventStore, config: AppConfig) => {
      const logger = new Logger('ReadModels');
      return new ReadModels(store, config.readModelsFile, { log: (m) => logger.log(m), error: (m) => logger.error(m) });
    },
  },
];
const commandPath = [DeciderRegistry, ReferenceChecker, CommandExecutor, HandleDomainCommandHandler];
const queries = [IntegrityWatch, ProjectOutcomesService, ProjectOutcomesCache, GetProjectOutcomesHandler, ListProjectsHandler, ReportEvidence, HistoryRecord, ReportService];

/** The write path, the read models and the queries, shared by the API and the CLI. */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [...infrastructure, ...commandPath, ...queries],
  exports: [CqrsModule, APP_CONFIG, EVENT_STORE, KEY_STORE, PersonalDataCipher, PERSONAL_DATA_PROTECTOR, FrameworkRegistry, READ_MODELS, ...commandPath, ...queries],
})
export class ApplicationModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.readModels.close();
    await this.store.close();
    await (this.keys as unknown as { close?: () => Promise<void> | void }).close?.();
  }
}
