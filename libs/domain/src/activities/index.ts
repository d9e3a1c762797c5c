export * from './activity';
export * from './activity.decide';
export * from './activity.decider';
export * from './activity.facts';
