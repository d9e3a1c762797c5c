import { randomUUID } from 'node:crypto';
import {
  AppendResult,
  DeadlineExceededError,
  EventData,
  MaxAppendSizeExceededError,
  NotLeaderError,
  Position,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';

/**
 * A MODEL of an EventStoreDB/KurrentDB cluster's documented semantics, for tests on machines that
 * cannot run a server. It is not a server and proves nothing about one; it reproduces what the
 * adapter relies on, so that the adapter's own code can be run through faults a real cluster shows:
 *
 * - one transaction log; every event's `$all` position is its log position (commit = prepare, as for
 *   appends since server 20), reads forward from a position are inclusive, subscriptions exclusive;
 * - optimistic concurrency per stream only, with the server's idempotency rules for a repeated append
 *   (IndexWriter.CheckCommit): the same ids after the same exact expected revision succeed again
 *   without writing, the same ids under `any` are recognised only while the server remembers them;
 * - a write is committed once a quorum of nodes holds it; until then nobody reads it, and the leader
 *   answers `Timeout` after its commit timeout (2 s by default) while the write stays in the log and
 *   commits when the quorum is back (a timeout that commits later);
 * - followers serve reads from what they have replicated, which lags while they are paused;
 *   `requiresLeader` on a follower is refused with NotLeader naming the leader, and the client
 *   reconnects to it for the next call; appends without it are forwarded to the leader;
 * - a leader change drops the old leader's uncommitted writes and its subscriptions;
 * - the 1 MiB append limit (`MaxAppendSize`), counted as the server does: data + metadata + 2 bytes
 *   per character of the event type.
 */
export interface EventStoreDbModelOptions {
  /** Nodes in the cluster (1 for a single node). Writes need a majority. */
  nodes?: number;
  /** The server's MaxAppendSize in bytes (1 MiB by default). */
  maxAppendSize?: number;
  /** How long the leader waits for a quorum before answering Timeout (2000 ms by default, as CommitTimeoutMs). */
  commitTimeoutMs?: number;
  /** How many recent event ids the server remembers for appends with `any` (its committed-events cache). */
  rememberedIds?: number;
}

/** One event in the model's transaction log. */
export interface LogRecord {
  logPosition: bigint;
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  isJson: boolean;
  data: Uint8Array;
  metadata: Uint8Array;
  created: Date;
}

/** The client's view of the expected revision, as `appendToStream` receives it. */
export type ModelExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

interface ModelNode {
  name: string;
  port: number;
  paused: boolean;
  /** Log records this node can serve reads from. */
  visible: number;
}

interface CommitWaiter {
  upTo: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A live reader on one node: told when that node's visible log grows or the node stops serving it. */
export interface ModelListener {
  node: string;
  grew(): void;
  dropped(error: Error): void;
}

/** Faults the next append meets, in order. */
export type AppendFault = 'unavailable-before-write' | 'response-lost-after-commit';

export class EventStoreDbModel {
  readonly maxAppendSize: number;
  readonly commitTimeoutMs: number;
  private readonly rememberedIds: number;
  private readonly log: LogRecord[] = [];
  private readonly nodes: ModelNode[];
  private leaderIndex = 0;
  private committed = 0;
  private nextPosition = 0n;
  private readonly waiters = new Set<CommitWaiter>();
  private readonly listeners = new Set<ModelListener>();
  private readonly appendFaults: AppendFault[] = [];
  private readsStalled = false;
  private readonly stalledReads = new Set<() => void>();

  constructor(options: EventStoreDbModelOptions = {}) {
    const count = options.nodes ?? 1;
    this.nodes = Array.from({ length: count }, (_, i) => ({ name: `node${i + 1}`, port: 2113 + i, paused: false, visible: 0 }));
    this.maxAppendSize = options.maxAppendSize ?? 1024 * 1024;
    this.commitTimeoutMs = options.commitTimeoutMs ?? 2000;
    this.rememberedIds = options.rememberedIds ?? 10_000;
    // A fresh server's $all already holds system events.
    this.writeSystemEvent('$settings', '$settings');
    this.writeSystemEvent('$scavenges', '$scavengeIndexInitialized');
  }

  get leader(): string {
    return this.nodes[this.leaderIndex].name;
  }

  get followers(): string[] {
    return this.nodes.filter((_, i) => i !== this.leaderIndex).map((n) => n.name);
  }

  /** Every record written to the log, committed or not, in log order. */
  records(): readonly LogRecord[] {
    return this.log;
  }

  // ---- faults -------------------------------------------------------------------------------

  /** The next appends meet these faults, one each, before any other. */
  failNextAppends(...faults: AppendFault[]): void {
    this.appendFaults.push(...faults);
  }

  /** Stops a follower replicating: it keeps serving reads from what it had. With too few nodes left, writes cannot commit. */
  pause(node: string): void {
    this.node(node).paused = true;
  }

  /** The node replicates again: it catches up, and writes waiting for a quorum commit. */
  resume(node: string): void {
    this.node(node).paused = false;
    this.advance();
  }

  /** Another node becomes leader. The old leader's uncommitted writes are lost and its readers dropped. */
  changeLeader(to?: string): void {
    const old = this.nodes[this.leaderIndex];
    const next = to ? this.nodes.findIndex((n) => n.name === to) : this.nodes.findIndex((n, i) => i !== this.leaderIndex && !n.paused);
    if (next < 0 || next === this.leaderIndex) throw new Error(`no node to become leader instead of ${old.name}`);
    this.log.splice(this.committed);
    for (const waiter of [...this.waiters]) {
      this.waiters.delete(waiter);
      waiter.reject(unavailable(`${old.name} stopped being leader before the write was committed`));
    }
    this.leaderIndex = next;
    this.nodes[next].paused = false;
    for (const listener of [...this.listeners]) {
      if (listener.node === old.name) listener.dropped(unavailable(`${old.name} stopped being leader`));
    }
    this.advance();
  }

  /** Reads are accepted but give nothing until released: a server that stops answering mid-read. */
  stallReads(stalled: boolean): void {
    this.readsStalled = stalled;
    if (!stalled) {
      for (const release of [...this.stalledReads]) release();
      this.stalledReads.clear();
    }
  }

  /** Removes a deleted stream's events from the log, as a scavenge does after a stream is deleted or truncated. */
  scavenge(stream: string): void {
    const kept = this.log.filter((r, i) => i >= this.committed || r.stream !== stream);
    const removed = this.log.length - kept.length;
    this.log.splice(0, this.log.length, ...kept);
    this.committed -= removed;
    for (const node of this.nodes) node.visible = Math.min(node.visible, this.committed);
  }

  /** Drops every live subscription and read, as a server restart or network cut does. */
  dropConnections(): void {
    for (const listener of [...this.listeners]) listener.dropped(unavailable('the connection was lost'));
  }

  // ---- the server's operations ---------------------------------------------------------------

  /** An append as the server handles it, arriving at `nodeName`. */
  async append(nodeName: string, stream: string, events: readonly EventData[], expected: ModelExpectedRevision, requiresLeader: boolean): Promise<AppendResult> {
    this.checkLeader(nodeName, requiresLeader);
    const proposed = events.map((event) => encode(event));
    const size = proposed.reduce((sum, e) => sum + e.data.length + e.metadata.length + e.type.length * 2, 0);
    if (size > this.maxAppendSize) throw MaxAppendSizeExceededError.fromMaxAppendSize(this.maxAppendSize);
    const fault = this.appendFaults.shift();
    if (fault === 'unavailable-before-write') throw unavailable('the connection dropped before the append reached the server');

    const decision = this.checkCommit(stream, expected, proposed.map((e) => e.id));
    if (decision.kind === 'wrong') {
      throw new WrongExpectedVersionError(undefined, { streamName: stream, current: decision.current, expected: expected as never });
    }
    let last: LogRecord;
    let lastIndex: number;
    if (decision.kind === 'idempotent') {
      lastIndex = this.log.indexOf(decision.last);
      last = decision.last;
    } else {
      if (proposed.length === 0) {
        const current = this.lastRevision(stream, this.log.length);
        return { success: true, nextExpectedRevision: current ?? -1n, position: undefined };
      }
      let revision = this.lastRevision(stream, this.log.length) ?? -1n;
      for (const event of proposed) {
        revision += 1n;
        this.log.push({ ...event, stream, revision, logPosition: this.nextPosition, created: new Date() });
        this.nextPosition += BigInt(100 + event.data.length + event.metadata.length);
      }
      lastIndex = this.log.length - 1;
      last = this.log[lastIndex];
      this.advance();
    }
    await this.committedUpTo(lastIndex + 1);
    if (fault === 'response-lost-after-commit') throw unavailable('the connection dropped before the answer arrived');
    return { success: true, nextExpectedRevision: last.revision, position: { commit: last.logPosition, prepare: last.logPosition } };
  }

  /** Records of `$all` the node can serve, in order. */
  readAll(nodeName: string, requiresLeader: boolean): readonly LogRecord[] {
    this.checkLeader(nodeName, requiresLeader);
    return this.log.slice(0, this.node(nodeName).visible);
  }

  /** Records of one stream the node can serve, in revision order. */
  readStream(nodeName: string, stream: string, requiresLeader: boolean): readonly LogRecord[] {
    return this.readAll(nodeName, requiresLeader).filter((r) => r.stream === stream);
  }

  /** How many records the node can serve now. */
  visibleOn(nodeName: string): number {
    return this.node(nodeName).visible;
  }

  checkLeader(nodeName: string, requiresLeader: boolean): void {
    if (requiresLeader && nodeName !== this.leader) throw notLeader(this.nodes[this.leaderIndex]);
  }

  listen(listener: ModelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves when reads may proceed: at once, unless reads are stalled. */
  readGate(): Promise<void> {
    if (!this.readsStalled) return Promise.resolve();
    return new Promise((resolve) => this.stalledReads.add(resolve));
  }

  // ---- internals -----------------------------------------------------------------------------

  private node(name: string): ModelNode {
    const node = this.nodes.find((n) => n.name === name);
    if (!node) throw new Error(`the model has no node ${name}`);
    return node;
  }

  private writeSystemEvent(stream: string, type: string): void {
    const data = Buffer.from('{}');
    this.log.push({ logPosition: this.nextPosition, stream, revision: 0n, id: randomUUID(), type, isJson: true, data, metadata: new Uint8Array(), created: new Date() });
    this.nextPosition += 100n;
    this.advance();
  }

  private lastRevision(stream: string, upTo: number): bigint | undefined {
    for (let i = upTo - 1; i >= 0; i -= 1) if (this.log[i].stream === stream) return this.log[i].revision;
    return undefined;
  }

  /** The server's decision for an append, on everything written so far (committed or not). */
  private checkCommit(stream: string, expected: ModelExpectedRevision, ids: string[]): Decision {
    const current = this.lastRevision(stream, this.log.length);
    const currentOrNone = current ?? ('no_stream' as const);
    if (expected === 'any' || expected === 'stream_exists') {
      if (expected === 'stream_exists' && current === undefined) return { kind: 'wrong', current: currentOrNone };
      const remembered = this.log.slice(-this.rememberedIds);
      const found = ids.map((id) => remembered.find((r) => r.id === id && r.stream === stream));
      if (ids.length > 0 && found[0]) {
        if (found.some((r) => !r)) return { kind: 'wrong', current: currentOrNone };
        return { kind: 'idempotent', last: found[found.length - 1]! };
      }
      return { kind: 'ok' };
    }
    const expectedNumber = expected === 'no_stream' ? -1n : expected;
    const currentNumber = current ?? -1n;
    if (expectedNumber < currentNumber) {
      const inStream = this.log.filter((r) => r.stream === stream);
      let last: LogRecord | undefined;
      for (let i = 0; i < ids.length; i += 1) {
        const record = inStream.find((r) => r.revision === expectedNumber + 1n + BigInt(i));
        if (!record || record.id !== ids[i]) return { kind: 'wrong', current: currentOrNone };
        last = record;
      }
      return last ? { kind: 'idempotent', last } : { kind: 'wrong', current: currentOrNone };
    }
    if (expectedNumber > currentNumber) return { kind: 'wrong', current: currentOrNone };
    return { kind: 'ok' };
  }

  /** Commits what a quorum holds, lets each node serve what it has, and wakes waiters and readers. */
  private advance(): void {
    const quorum = Math.floor(this.nodes.length / 2) + 1;
    const replicating = this.nodes.filter((n, i) => i === this.leaderIndex || !n.paused).length;
    if (replicating >= quorum) this.committed = this.log.length;
    for (const node of this.nodes) {
      if (node === this.nodes[this.leaderIndex] || !node.paused) node.visible = this.committed;
    }
    for (const waiter of [...this.waiters]) {
      if (this.committed >= waiter.upTo) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
    for (const listener of [...this.listeners]) listener.grew();
  }

  /** Resolves once the first `count` records are committed; Timeout after the commit timeout, the write staying in the log. */
  private committedUpTo(count: number): Promise<void> {
    if (this.committed >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: CommitWaiter = {
        upTo: count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new DeadlineExceededError(undefined, 'Timeout: the write was not committed by a quorum in time (CommitTimeout)'));
      }, this.commitTimeoutMs);
      this.waiters.add(waiter);
    });
  }
}

type Decision = { kind: 'ok' } | { kind: 'idempotent'; last: LogRecord } | { kind: 'wrong'; current: bigint | 'no_stream' };

/** An event as the client sends it: JSON text as bytes, exactly as `appendToStream` serialises it. */
function encode(event: EventData): Omit<LogRecord, 'logPosition' | 'stream' | 'revision' | 'created'> {
  const isJson = event.contentType === 'application/json';
  const data = isJson ? Buffer.from(JSON.stringify(event.data), 'utf8') : (event.data as Uint8Array);
  const metadata =
    event.metadata === undefined
      ? new Uint8Array()
      : event.metadata instanceof Uint8Array
        ? event.metadata
        : Buffer.from(JSON.stringify(event.metadata), 'utf8');
  return { id: event.id, type: event.type, isJson, data, metadata };
}

function unavailable(reason: string): UnavailableError {
  return new UnavailableError(undefined, `14 UNAVAILABLE: ${reason}`);
}

function notLeader(leader: ModelNode): NotLeaderError {
  const metadata = { getMap: () => ({ 'leader-endpoint-host': leader.name, 'leader-endpoint-port': String(leader.port) }) };
  return new NotLeaderError({ message: 'Leader info available', code: 5, metadata } as never);
}

/** The position the client reports for a record. */
export function positionOf(record: LogRecord): Position {
  return { commit: record.logPosition, prepare: record.logPosition };
}
