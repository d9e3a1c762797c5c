export * from './expense';
export * from './expense.decide';
export * from './expense.decider';
export * from './expense.facts';
