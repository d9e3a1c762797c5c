export * from './sensitivity';
export * from './linear-audit';
export * from './disclosure-spec';
export * from './breakdown-spec';
export * from './disclose';
export * from './role-table';
export * from './council-file';
