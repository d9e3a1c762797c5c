export * from './event-envelope';
export * from './event-store.port';
export * from './errors';
export * from './integrity';
export * from './validate-event';
export * from './sqlite/sqlite-event-store';
