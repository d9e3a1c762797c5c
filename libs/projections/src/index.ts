export * from './runtime/projection';
export * from './runtime/projection-runtime';
export * from './runtime/read-model-database';
export * from './record/record-index.projection';
export * from './record/projects.projection';
export * from './record/record-reader';
export * from './read-models';
