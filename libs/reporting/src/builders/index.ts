export * from './report-inputs';
export * from './regenerate-command';
export { consentedQuotes, quotesInOrder } from './consented-quotes';
export { buildCaseStudy, type CaseStudyInput } from './case-study.builder';
export { buildCommitteeExtract, type CommitteeExtractInput } from './committee-extract.builder';
export { buildAuditHistory, HISTORY_SUBJECT_KINDS, type AuditHistoryInput, type HistoryEvent, type HistorySubjectKind } from './audit-history.builder';
export { summariseEventData } from './event-summary';
export { wordsCarried, type WordsCarried } from './words-carried';
export { buildEasyRead, type EasyReadInput } from '../easy-read/easy-read.builder';
