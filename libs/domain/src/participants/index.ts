export * from './participant';
export * from './participant.decide';
export * from './participant.decider';
export * from './participant.facts';
