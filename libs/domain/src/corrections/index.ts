export * from './correction';
export * from './correctable';
