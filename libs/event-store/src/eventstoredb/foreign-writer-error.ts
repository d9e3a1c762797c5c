/**
 * Events in the store do not continue this process's integrity chain: another process wrote to the
 * same store at the same time. The chain needs exactly one writer process per store.
 */
export class ForeignWriterError extends Error {
  override readonly name = 'ForeignWriterError';
  constructor(
    readonly store: string,
    readonly eventId: string,
    readonly claimedPosition: number,
    readonly expectedPosition: number,
  ) {
    super(
      `${store}: event ${eventId} claims global position ${claimedPosition} but the record continues at ` +
        `${expectedPosition} with a different previous hash, so another process wrote to this store at the same time. ` +
        'Run exactly one coprod writer process per store: stop the others, then run `coprod verify` to locate the fork.',
    );
  }
}
