export * from './record-backup';
