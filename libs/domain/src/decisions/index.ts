export * from './decision';
export * from './decision.decide';
export * from './decision.decider';
export * from './decision.facts';
export * from './proposal-id';
