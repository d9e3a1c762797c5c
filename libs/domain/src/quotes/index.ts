export * from './quote';
export * from './quote.decide';
export * from './quote.decider';
export * from './quote.facts';
