export * from './runtime/projection';
export * from './runtime/projection-runtime';
export * from './runtime/read-model-database';
export * from './record/record-index.projection';
export * from './record/projects.projection';
export * from './record/record-reader';

import { recordIndexProjection } from './record/record-index.projection';
import { projectsProjection } from './record/projects.projection';

/** Every read model the product keeps. */
export const ALL_PROJECTIONS = [recordIndexProjection, projectsProjection] as const;
