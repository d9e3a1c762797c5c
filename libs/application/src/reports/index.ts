export * from './report.service';
export * from './report-evidence';
export * from './history-record';
export * from './report-definitions';
