import { NO_STREAM } from '@eventstore/db-client';
import { EventStoreClient } from './eventstore-client';
import { RecordIndex } from './record-index';
import { SEAL_STREAM, toSealEvent } from './seal';
import { isWrongExpectedVersion } from './server-errors';
import { StoreLogger } from './store-logger';

/** What the sealer needs from its store. */
export interface SealerSource {
  client: EventStoreClient;
  index: RecordIndex;
  description: string;
  logger: StoreLogger;
  /** Brings the index up to date with the leader's `$all`. */
  sync(): Promise<void>;
  /** False while the record may not be written (a break, or opened to be copied). */
  writable(): boolean;
}

/** Hashes per seal event: about 110 bytes each, well under the server's 1 MiB append limit. */
const MAX_ENTRIES = 2000;
/** Refusals in a row (other processes sealing first) after which this round gives way to the next. */
const MAX_CONFLICTS = 10;
/** How long appends may gather before they are sealed together. */
const DEFAULT_DELAY_MS = 1000;

/**
 * Appends the hash of every event in the record to the seal stream, in runs, once each. The seal
 * stream is written with the exact expected revision of its last seal, so of two processes sealing at
 * once the server takes one run and refuses the other, which re-reads and goes on from there; a resent
 * seal is recognised by its id. Seals make a later change to the server's order (an event removed, a
 * stream truncated and scavenged) show as a break instead of a silently renumbered record, and spare
 * the next start from hashing what they cover. Sealing runs beside the appends, a second after them or
 * once a run is full, and never delays them; what is not sealed when a process stops is sealed by the
 * next one.
 */
export class Sealer {
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private again = false;

  constructor(
    private readonly source: SealerSource,
    private readonly delayMs = DEFAULT_DELAY_MS,
  ) {}

  /** Seals what is not sealed yet: soon, or at once when a full run is waiting. */
  request(): void {
    if (this.source.index.head - this.source.index.sealedTo >= MAX_ENTRIES) return this.start();
    if (this.timer || this.running) {
      this.again ||= !!this.running;
      return;
    }
    this.timer = setTimeout(() => this.start(), this.delayMs);
    this.timer.unref();
  }

  /** Seals what is waiting now, and resolves once no round is in progress. */
  async flush(): Promise<void> {
    if (this.timer) this.start();
    while (this.running) await this.running;
  }

  private start(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.rounds().finally(() => (this.running = undefined));
  }

  private async rounds(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.sealAll();
      } catch (error) {
        this.source.logger.warn(`${this.source.description}: sealing stopped (${(error as Error).message.split('\n')[0]}); it resumes after the next append or start`);
        return;
      }
    } while (this.again);
  }

  private async sealAll(): Promise<void> {
    const { client, index } = this.source;
    await this.source.sync();
    let sealedTo = index.sealedTo;
    let expected: bigint | typeof NO_STREAM = index.sealStreamRevision ?? NO_STREAM;
    for (let conflicts = 0; this.source.writable() && sealedTo < index.head; ) {
      const from = sealedTo + 1;
      const to = Math.min(index.head, from + MAX_ENTRIES - 1);
      const entries: [string, string][] = [];
      for (let position = from; position <= to; position += 1) {
        const event = index.at(position)!;
        entries.push([event.id, event.hash]);
      }
      try {
        const result = await client.appendToStream(SEAL_STREAM, [toSealEvent(SEAL_STREAM, { from, entries })], { expectedRevision: expected, requiresLeader: true });
        sealedTo = to;
        expected = result.nextExpectedRevision;
        conflicts = 0;
      } catch (error) {
        if (!isWrongExpectedVersion(error) || (conflicts += 1) >= MAX_CONFLICTS) throw error;
        // Another process sealed first: go on from what the server now holds.
        await this.source.sync();
        sealedTo = index.sealedTo;
        expected = index.sealStreamRevision ?? NO_STREAM;
      }
    }
  }
}
