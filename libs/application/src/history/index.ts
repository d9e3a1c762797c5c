export * from './event-summary';
export * from './entity-history.query';
export * from './figure-trace.query';
