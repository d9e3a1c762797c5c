/** What a caller learns after a command: where its events went, so reads can wait for them. */
export interface CommandResult {
  commandId: string;
  stream: string;
  eventIds: string[];
  eventTypes: string[];
  /** Global position of the last event recorded (or found, for a repeated command). */
  position: number;
  nextExpectedRevision: number;
  /** True when the command id had already been handled: nothing new was recorded. */
  duplicate: boolean;
}

/** Two writers changed the same record at once and retrying did not resolve it. */
export class ConcurrencyConflictError extends Error {
  override readonly name = 'ConcurrencyConflictError';
}
