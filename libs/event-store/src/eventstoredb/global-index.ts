import { Position } from '@eventstore/db-client';
import { StoredEvent } from '../event-envelope';
import { EventFilter } from '../event-store.port';
import { matchesFilter } from './esdb-filter';
import { ForeignWriterError } from './foreign-writer-error';

/** What the adapter remembers of one event: enough to find it on the server and to answer retries. */
export interface IndexedEvent {
  position: number;
  id: string;
  stream: string;
  revision: number;
  type: string;
  storePosition: Position;
}

/**
 * The record's dense global positions mapped onto EventStoreDB's `$all` positions, built by reading
 * `$all` once at start and then only what is new. It costs about 200 bytes of memory per event.
 * Each event must continue the hash chain; anything else means a second writer.
 */
export class GlobalIndex {
  private readonly events: IndexedEvent[] = [];
  private readonly positionById = new Map<string, number>();
  private readonly revisionByStream = new Map<string, number>();
  private lastHash = '';
  private scanned: Position | undefined;

  constructor(private readonly store: string) {}

  /** Global position of the last event in the record (0 when empty). */
  get head(): number {
    return this.events.length;
  }

  /** Hash of the last event in the record ('' when empty). */
  get headHash(): string {
    return this.lastHash;
  }

  /** The `$all` position read up to, including system and foreign events that are not indexed. */
  get scannedTo(): Position | undefined {
    return this.scanned;
  }

  /** Notes that `$all` has been read up to here. */
  markScanned(position: Position): void {
    this.scanned = position;
  }

  /** Adds the next event of the record, refusing one that does not continue the chain. */
  add(event: StoredEvent, storePosition: Position): void {
    if (event.position !== this.head + 1 || event.prevHash !== this.lastHash) {
      throw new ForeignWriterError(this.store, event.id, event.position, this.head + 1);
    }
    this.events.push({
      position: event.position,
      id: event.id,
      stream: event.stream,
      revision: event.revision,
      type: event.type,
      storePosition,
    });
    this.positionById.set(event.id, event.position);
    this.revisionByStream.set(event.stream, event.revision);
    this.lastHash = event.hash;
    this.markScanned(storePosition);
  }

  at(position: number): IndexedEvent | undefined {
    return position >= 1 ? this.events[position - 1] : undefined;
  }

  byId(id: string): IndexedEvent | undefined {
    const position = this.positionById.get(id);
    return position === undefined ? undefined : this.at(position);
  }

  /** The stream's last revision, or `no_stream`. */
  streamRevision(stream: string): number | 'no_stream' {
    return this.revisionByStream.get(stream) ?? 'no_stream';
  }

  /** Events after `after`, up to `upTo`, passing the filter, at most `maxCount`, in global order. */
  select(options: EventFilter & { after?: number; upTo?: number; maxCount?: number }): IndexedEvent[] {
    const from = Math.max(options.after ?? 0, 0);
    const to = Math.min(options.upTo ?? this.head, this.head);
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const selected: IndexedEvent[] = [];
    for (let i = from; i < to && selected.length < limit; i += 1) {
      if (matchesFilter(this.events[i], options)) selected.push(this.events[i]);
    }
    return selected;
  }
}
