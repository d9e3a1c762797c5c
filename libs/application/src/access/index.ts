export * from './command-permissions';
export * from './participant-erasure';
export * from './subject-access';
export * from './token-store.provider';
export * from './record-access.module';
export * from './access-log';
