export * from './correction';
export * from './correction.decide';
export * from './correction.decider';
