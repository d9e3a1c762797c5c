/** The copy cannot go on without making the target differ from the source; nothing after `position` was written. */
export class MigrationRefusedError extends Error {
  override readonly name = 'MigrationRefusedError';
  constructor(
    message: string,
    /** The global position at which source and target disagree. */
    readonly position: number,
  ) {
    super(message);
  }
}
