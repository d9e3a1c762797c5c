export * from './core/event';
export * from './core/fact';
export * from './core/decider';
export * from './core/project-id-claim';
export * from './core/errors';
export * from './core/erasure';
export * from './core/vocabulary';

export * from './projects';
export * from './participants';
export * from './activities';
export * from './decisions';
export * from './expenses';
export * from './quotes';
export * from './surveys';
export * from './measures';
export * from './corrections';
export * from './record';
