import { Readable } from 'node:stream';
import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendResult,
  AppendToStreamOptions,
  EventData,
  Filter,
  NotLeaderError,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  StreamNotFoundError,
  StreamingRead,
  SubscribeToAllOptions,
  isCommandError,
} from '@eventstore/db-client';
import { EventStoreClient } from '../eventstore-client';
import { EventStoreDbModel, LogRecord, positionOf } from './eventstoredb-model';

/**
 * A client of the EventStoreDB MODEL with the interface of `EventStoreDBClient`: what the adapter
 * calls, answered from the model with the client's own result shapes and error classes. Like the real
 * client, it talks to one node at a time and, after a NotLeader answer, to the leader it names.
 */
export class EventStoreDbModelClient implements EventStoreClient {
  private node: string;
  private readonly open = new Set<Readable>();

  constructor(
    private readonly model: EventStoreDbModel,
    options: { node?: string } = {},
  ) {
    this.node = options.node ?? model.leader;
  }

  /** The node this client sends its next call to. */
  get connectedTo(): string {
    return this.node;
  }

  async appendToStream(stream: string, events: EventData | EventData[], options: AppendToStreamOptions = {}): Promise<AppendResult> {
    const list = Array.isArray(events) ? events : [events];
    const expected = options.expectedRevision ?? 'any';
    return this.call(() => this.model.append(this.node, stream, list, expected, options.requiresLeader ?? false));
  }

  readAll(options: ReadAllOptions = {}): StreamingRead<AllStreamResolvedEvent> {
    return this.read<AllStreamResolvedEvent>(() => {
      const records = this.model.readAll(this.node, options.requiresLeader ?? false);
      const backwards = options.direction === 'backwards';
      const from = options.fromPosition ?? (backwards ? 'end' : 'start');
      let selected: LogRecord[];
      if (backwards) {
        selected = [...records].reverse();
        if (typeof from === 'object') selected = selected.filter((r) => r.logPosition < from.commit);
      } else {
        selected = from === 'start' ? [...records] : from === 'end' ? [] : records.filter((r) => r.logPosition >= from.commit);
      }
      return selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)).map(resolved);
    });
  }

  readStream(stream: string, options: ReadStreamOptions = {}): StreamingRead<ResolvedEvent> {
    return this.read<ResolvedEvent>(() => {
      const records = this.model.readStream(this.node, stream, options.requiresLeader ?? false);
      if (records.length === 0) throw new StreamNotFoundError(undefined, stream);
      const backwards = options.direction === 'backwards';
      const from = options.fromRevision ?? (backwards ? 'end' : 'start');
      let selected = backwards ? [...records].reverse() : [...records];
      if (typeof from === 'bigint') selected = selected.filter((r) => (backwards ? r.revision <= from : r.revision >= from));
      else if (from === 'end' && !backwards) selected = [];
      return selected.slice(0, Number(options.maxCount ?? Number.MAX_SAFE_INTEGER)).map(resolved);
    });
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllStreamSubscription {
    const subscription = new ModelSubscription(this.model, this.node, options, (error) => this.noteError(error));
    this.track(subscription);
    return subscription as unknown as AllStreamSubscription;
  }

  async dispose(): Promise<void> {
    for (const stream of [...this.open]) stream.destroy();
    this.open.clear();
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      this.noteError(error as Error);
      throw error;
    }
  }

  /** Like the real client: after NotLeader, the next call goes to the leader named in the answer. */
  private noteError(error: Error): void {
    if (isCommandError(error) && error instanceof NotLeaderError) this.node = error.leader.address;
  }

  private read<T>(produce: () => T[]): StreamingRead<T> {
    const stream = new ModelRead();
    this.track(stream);
    void this.model.readGate().then(() => {
      if (stream.destroyed) return;
      try {
        for (const item of produce()) stream.push(item);
        stream.push(null);
      } catch (error) {
        this.noteError(error as Error);
        stream.destroy(error as Error);
      }
    });
    return stream as unknown as StreamingRead<T>;
  }

  private track(stream: Readable): void {
    this.open.add(stream);
    stream.once('close', () => this.open.delete(stream));
  }
}

class ModelRead extends Readable {
  constructor() {
    super({ objectMode: true, highWaterMark: Number.MAX_SAFE_INTEGER });
  }

  override _read(): void {
    // Everything is pushed as soon as the model answers.
  }

  async cancel(): Promise<void> {
    this.destroy();
  }

}

/** A catch-up subscription to `$all` on one node: what it has after the start position, then live. */
class ModelSubscription extends Readable {
  private delivered = 0;
  private stop: (() => void) | undefined;

  constructor(
    private readonly model: EventStoreDbModel,
    private readonly node: string,
    private readonly options: SubscribeToAllOptions,
    onError: (error: Error) => void,
  ) {
    super({ objectMode: true, highWaterMark: Number.MAX_SAFE_INTEGER });
    void model.readGate().then(() => {
      if (this.destroyed) return;
      try {
        model.checkLeader(node, options.requiresLeader ?? false);
      } catch (error) {
        onError(error as Error);
        this.destroy(error as Error);
        return;
      }
      this.delivered = this.startIndex();
      this.emit('confirmation');
      this.stop = model.listen({ node, grew: () => this.deliver(), dropped: (error) => this.destroy(error) });
      this.deliver();
      this.emit('caughtUp');
    });
  }

  override _read(): void {
    // Events are pushed as the node's log grows.
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.stop?.();
    callback(error);
  }

  async unsubscribe(): Promise<void> {
    this.destroy();
  }

  private startIndex(): number {
    const from = this.options.fromPosition ?? 'start';
    const records = this.model.readAll(this.node, false);
    if (from === 'start') return 0;
    if (from === 'end') return records.length;
    const next = records.findIndex((r) => r.logPosition > from.commit);
    return next < 0 ? records.length : next;
  }

  private deliver(): void {
    if (this.destroyed) return;
    const records = this.model.readAll(this.node, false);
    for (; this.delivered < records.length; this.delivered += 1) {
      const record = records[this.delivered];
      if (passes(record, this.options.filter)) this.push(resolved(record));
    }
  }
}

function passes(record: LogRecord, filter: Filter | undefined): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'eventType' ? record.type : record.stream;
  if ('prefixes' in filter) return filter.prefixes.some((prefix) => subject.startsWith(prefix));
  return new RegExp(filter.regex).test(subject);
}

/** A log record as the real client returns it (convertGrpcRecord): JSON data parsed, metadata parsed when it is JSON. */
function resolved(record: LogRecord): AllStreamResolvedEvent {
  const dataText = Buffer.from(record.data).toString('utf8');
  const data = record.isJson ? parseOr(dataText, dataText) : record.data;
  const metadata = record.metadata.length === 0 ? undefined : parseOr(Buffer.from(record.metadata).toString('utf8'), record.metadata);
  return {
    event: {
      streamId: record.stream,
      id: record.id,
      revision: record.revision,
      type: record.type,
      data,
      metadata,
      isJson: record.isJson,
      created: record.created,
      position: positionOf(record),
    } as never,
    commitPosition: record.logPosition,
  };
}

function parseOr<T>(text: string, fallback: T): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
