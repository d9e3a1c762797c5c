import { Position, RecordedEvent } from '@eventstore/db-client';
import { StoredEvent } from '../event-envelope';
import { EventFilter } from '../event-store.port';
import { eventHash } from '../integrity';
import { matchesFilter } from './esdb-filter';
import { RecordedEnvelope, envelopeOf, isSystemEvent } from './esdb-mapping';
import { SealEntries, isSeal } from './seal';

/** What the adapter remembers of one record event: enough to find it on the server, place it and hash it. */
export interface IndexedEvent {
  /** Dense global position: its rank among the record's events in `$all` order. */
  position: number;
  id: string;
  stream: string;
  /** Its revision in the record: how many record events its stream held before it. */
  revision: number;
  type: string;
  storePosition: Position;
  /** The hash derived from its content and place. */
  hash: string;
  /** A different hash that a seal, or the event's own metadata from an earlier version, holds for it. */
  witness?: string;
}

/** One stream as the server holds it: its last record revision, its last server revision, and other tools' events in it. */
export interface StreamState {
  /** The stream's name, kept once for all its events. */
  name: string;
  revision: number;
  serverRevision: bigint;
  foreign: number;
}

/** An event in `$all` that is neither a system event nor part of the record. */
export interface ForeignEvent {
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  /** Whether the stream also holds record events. */
  inRecordStream: boolean;
}

/** Where the chain derived from the server first disagrees with what was sealed or claimed. */
export interface RecordBreak {
  position: number;
  eventId: string;
  problem: string;
}

/**
 * The record as the server orders it. Positions are not assigned by any writer: an event's global
 * position is its rank among record events in `$all`, its revision is its rank among record events of
 * its stream, and its hash chains to the event before it. Every process that reads the same `$all`
 * derives the same record, so two writers, a resent append or a late commit cannot fork it.
 *
 * What was sealed (seal.ts) or claimed by events of earlier versions is checked against the
 * derivation; the first disagreement is kept as the record's break. It costs about 400 bytes per event.
 */
export class RecordIndex {
  private readonly events: IndexedEvent[] = [];
  private readonly positionById = new Map<string, number>();
  private readonly streams = new Map<string, StreamState>();
  private scanned: Position | undefined;
  private sealRevision: bigint | undefined;
  private sealed = 0;
  private firstBreak: RecordBreak | undefined;
  private foreignCount = 0;
  private readonly ahead: SealEntries[] = [];
  private readonly types = new Map<string, string>();

  constructor(
    /** The stream seals are appended to; it is not part of the record. */
    readonly sealStream: string,
    private readonly onForeign: (event: ForeignEvent) => void = () => undefined,
  ) {}

  /** Global position of the last event in the record (0 when empty). */
  get head(): number {
    return this.events.length;
  }

  /** The derived hash of the last event ('' when empty): what the next event chains to. */
  get headHash(): string {
    return this.events[this.events.length - 1]?.hash ?? '';
  }

  /** The `$all` position read up to, including events that are not indexed. */
  get scannedTo(): Position | undefined {
    return this.scanned;
  }

  /** The highest global position covered by a seal. */
  get sealedTo(): number {
    return this.sealed;
  }

  /** The seal stream's last revision, or undefined when nothing was sealed yet. */
  get sealStreamRevision(): bigint | undefined {
    return this.sealRevision;
  }

  /** The first place the derived chain disagrees with a seal or a claim, if any. */
  get break(): RecordBreak | undefined {
    return this.firstBreak;
  }

  /** How many events in `$all` are neither system events nor part of the record. */
  get foreignEvents(): number {
    return this.foreignCount;
  }

  /** The highest position covered by seals read ahead of `$all` (see `sealAhead`). */
  get sealedAheadTo(): number {
    const last = this.ahead[this.ahead.length - 1];
    return last ? last.from + last.entries.length - 1 : 0;
  }

  /**
   * A seal read from the seal stream ahead of the events it covers, at the first scan of `$all`: an
   * event it names at the position it names takes the sealed hash instead of hashing it again, so a
   * start costs hashing only what was not sealed. Every hash is still recomputed by `coprod verify`,
   * and the seal is checked again when the scan reaches it in `$all`.
   */
  sealAhead(seal: SealEntries): void {
    this.ahead.push(seal);
  }

  /** Takes in the next event of `$all`, in order. */
  add(record: RecordedEvent & { position: Position }): void {
    this.scanned = record.position;
    if (isSystemEvent(record)) return;
    if (record.streamId === this.sealStream) {
      this.sealRevision = record.revision;
      if (isSeal(record)) this.applySeal(record.data as unknown as SealEntries);
      return;
    }
    const stream = this.streams.get(record.streamId) ?? { name: record.streamId, revision: -1, serverRevision: -1n, foreign: 0 };
    this.streams.set(record.streamId, stream);
    stream.serverRevision = record.revision;
    const envelope = envelopeOf(record);
    if (!envelope) {
      stream.foreign += 1;
      this.foreignCount += 1;
      this.onForeign({ stream: record.streamId, revision: record.revision, id: record.id, type: record.type, inRecordStream: stream.revision >= 0 });
      return;
    }
    if (this.positionById.has(envelope.id)) {
      // The same id again in another stream, or appended twice under `any` after the server forgot it.
      stream.foreign += 1;
      this.foreignCount += 1;
      this.onForeign({ stream: record.streamId, revision: record.revision, id: record.id, type: record.type, inRecordStream: stream.revision >= 0 });
      return;
    }
    stream.revision += 1;
    this.append({ ...envelope, stream: stream.name }, stream.revision, record.position);
  }

  at(position: number): IndexedEvent | undefined {
    return position >= 1 ? this.events[position - 1] : undefined;
  }

  byId(id: string): IndexedEvent | undefined {
    const position = this.positionById.get(id);
    return position === undefined ? undefined : this.at(position);
  }

  stream(stream: string): StreamState | undefined {
    return this.streams.get(stream);
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

  /**
   * The stored event for a record event read from the server, placed by the index; undefined when the
   * index has not seen it (yet). With `witnesses`, an event whose seal or claim disagrees carries that
   * hash, so that verifying the chain finds the disagreement; without, every hash is the derived one.
   */
  place(record: RecordedEvent, witnesses: boolean): StoredEvent | undefined {
    const envelope = envelopeOf(record);
    const indexed = envelope && this.byId(envelope.id);
    if (!envelope || !indexed || indexed.stream !== envelope.stream) return undefined;
    const { claimed: _, ...content } = envelope;
    return {
      ...content,
      revision: indexed.revision,
      position: indexed.position,
      prevHash: this.at(indexed.position - 1)?.hash ?? '',
      hash: (witnesses ? indexed.witness : undefined) ?? indexed.hash,
      storePosition: { commit: indexed.storePosition.commit.toString(10), prepare: indexed.storePosition.prepare.toString(10) },
    };
  }

  private append(envelope: RecordedEnvelope, revision: number, storePosition: Position): void {
    const position = this.head + 1;
    const { claimed, ...content } = envelope;
    const hash = this.sealedAhead(position, envelope.id) ?? eventHash({ ...content, revision, position, prevHash: this.headHash });
    const type = this.types.get(envelope.type) ?? (this.types.set(envelope.type, envelope.type), envelope.type);
    const indexed: IndexedEvent = { position, id: envelope.id, stream: envelope.stream, revision, type, storePosition, hash };
    this.events.push(indexed);
    this.positionById.set(envelope.id, position);
    if (claimed && (claimed.position !== position || claimed.hash !== hash)) {
      indexed.witness = claimed.hash;
      this.noteBreak(position, envelope.id, `it claims global position ${claimed.position} with hash ${claimed.hash}, but in the server's order it is at ${position} with hash ${hash}: two writers sealed the same position before this version`);
    }
  }

  private sealedAhead(position: number, id: string): string | undefined {
    while (this.ahead.length > 0 && this.ahead[0].from + this.ahead[0].entries.length <= position) this.ahead.shift();
    const seal = this.ahead[0];
    if (!seal || seal.from > position) return undefined;
    const [sealedId, hash] = seal.entries[position - seal.from];
    return sealedId === id ? hash : undefined;
  }

  private applySeal(seal: SealEntries): void {
    seal.entries.forEach(([id, sealedHash], i) => {
      const position = seal.from + i;
      const event = this.byId(id);
      if (!event) {
        this.noteBreak(position, id, `event ${id}, sealed at position ${position}, is no longer in the server's $all: events were removed`);
      } else if (event.hash !== sealedHash) {
        event.witness = sealedHash;
        this.noteBreak(event.position, id, `sealed at position ${position} with hash ${sealedHash}, but the server's order now gives position ${event.position} and hash ${event.hash}`);
      }
      this.sealed = Math.max(this.sealed, position);
    });
  }

  private noteBreak(position: number, eventId: string, problem: string): void {
    if (!this.firstBreak || position < this.firstBreak.position) this.firstBreak = { position, eventId, problem };
  }
}
