export * from './project';
export * from './project.decide';
export * from './project.decider';
export * from './project.facts';
