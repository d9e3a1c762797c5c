export * from './measure';
export * from './measure.decide';
export * from './measure.decider';
export * from './measure.facts';
