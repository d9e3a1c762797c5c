import { randomUUID } from 'node:crypto';
import { Position, RecordedEvent } from '@eventstore/db-client';
import { anEvent } from '../contract/event-store.contract';
import { EventToAppend, StoredEvent } from '../event-envelope';
import { sealEvent } from '../integrity';
import { toJsonEvent } from './esdb-mapping';
import { ForeignEvent, RecordIndex } from './record-index';
import { SEAL_STREAM, toSealEvent } from './seal';

const recordedAt = '2026-03-02T10:00:00.000Z';

/** A server event in `$all`: its stream, its revision there, its log position. */
class Server {
  private log = 0n;
  private readonly revisions = new Map<string, bigint>();
  readonly all: (RecordedEvent & { position: Position })[] = [];

  write(stream: string, type: string, data: unknown, metadata: unknown, id: string = randomUUID()): RecordedEvent & { position: Position } {
    const revision = (this.revisions.get(stream) ?? -1n) + 1n;
    this.revisions.set(stream, revision);
    this.log += 100n;
    const record = { streamId: stream, id, isJson: true, revision, type, created: new Date(), data, metadata, position: { commit: this.log, prepare: this.log } } as RecordedEvent & { position: Position };
    this.all.push(record);
    return record;
  }

  append(stream: string, event: EventToAppend, extraMetadata: Record<string, unknown> = {}): RecordedEvent & { position: Position } {
    const json = toJsonEvent(event, recordedAt);
    return this.write(stream, json.type, json.data, { ...(json.metadata as object), ...extraMetadata }, json.id);
  }
}

/** What the embedded store seals for the same appends: the hashes the derived record must reproduce. */
function sealedChain(specs: { stream: string; event: EventToAppend }[]): StoredEvent[] {
  const revisions = new Map<string, number>();
  let prevHash = '';
  return specs.map(({ stream, event }, i) => {
    const revision = (revisions.get(stream) ?? -1) + 1;
    revisions.set(stream, revision);
    const sealed = sealEvent(event, { stream, revision, position: i + 1, recordedAt, prevHash });
    prevHash = sealed.hash;
    return sealed;
  });
}

function indexOf(server: Server, onForeign?: (event: ForeignEvent) => void): RecordIndex {
  const index = new RecordIndex(SEAL_STREAM, onForeign);
  server.all.forEach((record) => index.add(record));
  return index;
}

describe('RecordIndex: the record derived from $all', () => {
  const specs = [
    { stream: 'quote-q1', event: anEvent({ type: 'QuoteCaptured' }) },
    { stream: 'expense-e1', event: anEvent({ type: 'ExpenseClaimed' }) },
    { stream: 'expense-e1', event: anEvent({ type: 'ExpensePaid' }) },
    { stream: 'quote-q1', event: anEvent({ type: 'QuoteConsentWithdrawn' }) },
  ];

  it('numbers events 1..N in $all order and chains exactly the hashes the embedded store seals for them', () => {
    const server = new Server();
    server.write('$settings', '$settings', {}, undefined);
    specs.forEach(({ stream, event }) => server.append(stream, event));
    const index = indexOf(server);
    const expected = sealedChain(specs);
    expect(index.head).toBe(4);
    expect([1, 2, 3, 4].map((p) => index.at(p)!.hash)).toEqual(expected.map((e) => e.hash));
    expect(index.byId(specs[2].event.id)).toMatchObject({ position: 3, stream: 'expense-e1', revision: 1 });
    expect(index.headHash).toBe(expected[3].hash);
    expect(index.scannedTo).toEqual(server.all[server.all.length - 1].position);
  });

  it("skips other applications' events: they take no position and no record revision, and the stream's server revision is kept", () => {
    const server = new Server();
    const foreign: ForeignEvent[] = [];
    server.write('billing-1', 'InvoiceImported', { amount: 12 }, undefined);
    server.append('expense-e1', specs[1].event);
    server.write('expense-e1', 'LegacyNote', { text: 'by hand' }, { author: 'someone' });
    server.append('expense-e1', specs[2].event);
    const index = indexOf(server, (e) => foreign.push(e));
    expect(index.head).toBe(2);
    expect(index.stream('expense-e1')).toEqual({ name: 'expense-e1', revision: 1, serverRevision: 2n, foreign: 1 });
    expect(index.byId(specs[2].event.id)).toMatchObject({ position: 2, revision: 1 });
    expect(foreign.map((e) => [e.stream, e.inRecordStream])).toEqual([
      ['billing-1', false],
      ['expense-e1', true],
    ]);
    expect(index.foreignEvents).toBe(2);
  });

  it('accepts events of an earlier version whose claimed place matches the derived one', () => {
    const server = new Server();
    sealedChain(specs).forEach((sealed, i) => server.append(specs[i].stream, specs[i].event, { position: sealed.position, prevHash: sealed.prevHash, hash: sealed.hash }));
    const index = indexOf(server);
    expect(index.break).toBeUndefined();
    expect(index.head).toBe(4);
  });

  it('finds the fork of two earlier writers that sealed the same position, and keeps the claimed hash as witness', () => {
    const server = new Server();
    const [first, second] = [anEvent(), anEvent()];
    const [a] = sealedChain([{ stream: 'activity-a', event: first }]);
    const [b] = sealedChain([{ stream: 'activity-b', event: second }]);
    server.append('activity-a', first, { position: 1, prevHash: '', hash: a.hash });
    server.append('activity-b', second, { position: 1, prevHash: '', hash: b.hash });
    const index = indexOf(server);
    expect(index.break).toMatchObject({ position: 2, eventId: second.id, problem: expect.stringMatching(/claims global position 1 .* at 2/) });
    const placed = index.place(server.all[1], true)!;
    expect(placed.hash).toBe(b.hash);
    expect(index.place(server.all[1], false)!.hash).toBe(index.at(2)!.hash);
  });

  it('checks seals: matching ones advance what is sealed, an event gone from $all is a break', () => {
    const server = new Server();
    specs.forEach(({ stream, event }) => server.append(stream, event));
    const hashes = sealedChain(specs).map((e) => [e.id, e.hash] as [string, string]);
    const seal = toSealEvent(SEAL_STREAM, { from: 1, entries: hashes.slice(0, 3) });
    server.write(SEAL_STREAM, seal.type, seal.data, undefined, seal.id);
    const index = indexOf(server);
    expect(index.sealedTo).toBe(3);
    expect(index.sealStreamRevision).toBe(0n);
    expect(index.break).toBeUndefined();

    // The same record with its second event removed (a stream truncated and scavenged), then sealed as before.
    const damaged = new Server();
    specs.filter((_, i) => i !== 1).forEach(({ stream, event }) => damaged.append(stream, event));
    damaged.write(SEAL_STREAM, seal.type, seal.data, undefined, seal.id);
    const broken = indexOf(damaged);
    expect(broken.break).toMatchObject({ position: 2, eventId: specs[1].event.id, problem: expect.stringMatching(/no longer in the server's \$all/) });
    expect(broken.at(2)!.witness).toBe(hashes[2][1]);
  });

  it('does not place an event it has not indexed, or one of another stream with the same id', () => {
    const server = new Server();
    server.append('activity-a', specs[0].event);
    const index = indexOf(server);
    const other = new Server().append('activity-b', specs[0].event);
    expect(index.place(other, true)).toBeUndefined();
    expect(index.place(new Server().append('activity-a', anEvent()), true)).toBeUndefined();
  });
});
