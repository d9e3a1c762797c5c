export * from './survey';
export * from './survey.decide';
export * from './survey.decider';
export * from './survey.facts';
