import { Provider } from '@nestjs/common';
import { FrameworkRegistry, loadPopulationFile } from '@coprod/frameworks';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export const POPULATION_PROFILE = Symbol('POPULATION_PROFILE');

/** The council's local population profile, when one is configured. */
export const populationProvider: Provider = {
  provide: POPULATION_PROFILE,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => (config.populationFile ? loadPopulationFile(config.populationFile) : undefined),
};

/** Shipped frameworks plus the council's own folders, with the council's disclosure settings laid over each. */
export const frameworkRegistryProvider: Provider = {
  provide: FrameworkRegistry,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => FrameworkRegistry.load(config.frameworkDirs, { disclosure: config.disclosure?.settings }),
};
