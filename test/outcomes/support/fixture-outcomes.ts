import Database from 'better-sqlite3';
import { FactoryProvider } from '@nestjs/common';
import type { StoredEvent } from '@coprod/event-store/event-envelope';
import { projectsProjection, ProjectsReader } from '@coprod/projections/record/projects.projection';
import { recordIndexProjection } from '@coprod/projections/record/record-index.projection';
import { RecordReader } from '@coprod/projections/record/record-reader';
import type { ReadModels } from '@coprod/projections/read-models';
import { loadConfig } from '@coprod/application/config/app-config';
import { OutcomeQuery, ProjectOutcomes, ProjectOutcomesService } from '@coprod/application/queries/project-outcomes.service';
import { frameworkRegistryProvider, populationProvider } from '@coprod/application/queries/population.provider';

/*
 * The libraries' index files bring the EventStoreDB client and the whole of Nest with them: about two seconds a
 * suite, paid again for every mutant of a mutation run. The query uses only these parts of them (Nest's decorators
 * for its injection, which nothing here injects through), so only they are loaded; anything else it came to use
 * would be missing and fail the suite loudly, never quietly change a figure.
 */
jest.mock('@nestjs/common', () => ({ Inject: () => () => undefined, Injectable: () => () => undefined }));
jest.mock('@coprod/event-store', () => jest.requireActual('@coprod/event-store/sqlite/schema'));
jest.mock('@coprod/projections', () => jest.requireActual('@coprod/projections/record/record-reader'));

/**
 * The application's own outcomes query (`ProjectOutcomesService`, the one behind `GET /api/projects/:id/outcomes`)
 * over the real record index and project list, filled in memory from a recorded fixture by their own projections,
 * configured as the application configures it from the same environment. Nothing between the stored events and the
 * figures is restated here, so a figure computed through it is the figure the API gives for that record; only the
 * application's start-up (files, command path, HTTP) is left out, which keeps a check to milliseconds.
 * Imported by path, not through the libraries' index files, so that a check loads only what it runs.
 */
export interface FixtureOutcomes {
  outcomes(query: Omit<OutcomeQuery, 'now'> & { now?: string }): ProjectOutcomes;
  /** The ids of every project, as `GET /api/projects` lists them. */
  projectIds(): string[];
  close(): void;
}

export function outcomesOverFixture(events: readonly StoredEvent[], env: Record<string, string>, now: string): FixtureOutcomes {
  const db = new Database(':memory:');
  const projections = [recordIndexProjection, projectsProjection];
  for (const projection of projections) projection.create(db);
  const apply = projections.map((projection) => projection.prepare(db));
  db.transaction(() => events.forEach((event) => apply.forEach((one) => one(event))))();
  const config = loadConfig(env);
  const factory = <T>(provider: unknown) => (provider as FactoryProvider<T>).useFactory(config) as T;
  // The service reads the record through the reader only.
  const readModels = { reader: new RecordReader(db), projects: new ProjectsReader(db) } as unknown as ReadModels;
  const service = new ProjectOutcomesService(readModels, factory(frameworkRegistryProvider), config, factory(populationProvider));
  return {
    // Every question is answered afresh, never from an earlier test's answer: a mutation run credits a figure's code
    // only to the tests that ran it, so a test reading another's answer would never be run against that code's mutants.
    outcomes: (query) => service.compute({ now, ...query }),
    projectIds: () => readModels.projects.list().map((p) => p.projectId),
    close: () => db.close(),
  };
}
