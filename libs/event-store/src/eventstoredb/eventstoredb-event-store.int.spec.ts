import { randomUUID } from 'node:crypto';
import { ErrorType, jsonEvent } from '@eventstore/db-client';
import { anEvent } from '../contract/event-store.contract';
import { StoredEvent } from '../event-envelope';
import { AppendTooLargeError, RecordReadOnlyError } from '../errors';
import { eventHash } from '../integrity';
import { migrateStore } from '../migration/migrate-store';
import { verifyCopy } from '../migration/verify-copy';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { EventStoreDbEventStore, EventStoreDbEventStoreOptions } from './eventstoredb-event-store';
import { EventStoreDbModel } from './model/eventstoredb-model';
import { appendAsEarlierVersion } from './model/earlier-version-writer';
import { EventStoreDbModelClient } from './model/eventstoredb-model-client';
import { SEAL_STREAM, SealEntries } from './seal';
import { StoreLogger } from './store-logger';

const stream = () => `activity-${randomUUID()}`;

describe('the EventStoreDB adapter, on the model of a server', () => {
  let model: EventStoreDbModel;
  let messages: string[];
  const logger: StoreLogger = { log: (m) => void messages.push(m), warn: (m) => void messages.push(m), error: (m) => void messages.push(m) };
  const open: EventStoreDbEventStore[] = [];

  async function connect(options: Partial<EventStoreDbEventStoreOptions> = {}): Promise<EventStoreDbEventStore> {
    const store = await EventStoreDbEventStore.connect({
      connectionString: 'esdb://model.test:2113?tls=false',
      client: new EventStoreDbModelClient(model),
      logger,
      reconnect: { initialDelayMs: 5, maxDelayMs: 20 },
      ...options,
    });
    open.push(store);
    return store;
  }

  /** The record as a process that just started sees it, checked link by link. */
  async function chainOf(store: EventStoreDbEventStore): Promise<StoredEvent[]> {
    const all = await store.readAll();
    all.forEach((event, i) => {
      expect(event.position).toBe(i + 1);
      expect(event.prevHash).toBe(all[i - 1]?.hash ?? '');
      expect(eventHash(event)).toBe(event.hash);
    });
    return all;
  }

  beforeEach(() => {
    model = new EventStoreDbModel();
    messages = [];
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });

  describe('appends whose outcome is unknown', () => {
    it('an answer lost after the server committed: the resend is recognised, the caller is told it is recorded, once', async () => {
      const store = await connect();
      const event = anEvent();
      model.failNextAppends('response-lost-after-commit');
      await expect(store.append(stream(), [event], { expectedRevision: 'no_stream' })).resolves.toMatchObject({ position: 1, duplicate: false });
      expect(model.records().filter((r) => r.id === event.id)).toHaveLength(1);
      expect(messages).toContainEqual(expect.stringMatching(/unknown outcome .*UNAVAILABLE.*sending the same events again/));
    });

    it('a call dropped before it reached the server: the resend writes it, once', async () => {
      const store = await connect();
      const event = anEvent();
      model.failNextAppends('unavailable-before-write', 'unavailable-before-write');
      await store.append(stream(), [event], { expectedRevision: 'no_stream' });
      expect(model.records().filter((r) => r.id === event.id)).toHaveLength(1);
      expect(await chainOf(store)).toHaveLength(1);
    });
  });

  describe('deadlines', () => {
    it('a read that stalls fails at the deadline instead of holding up the appends queued behind it', async () => {
      const store = await connect({ connectionString: 'esdb://model.test:2113?tls=false&defaultDeadline=200' });
      model.stallReads(true);
      const started = Date.now();
      await expect(store.append(stream(), [anEvent()], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
        type: ErrorType.DEADLINE_EXCEEDED,
        message: expect.stringMatching(/reading \$all from EventStoreDB at .*: the server sent nothing for 200 ms/),
      });
      expect(Date.now() - started).toBeLessThan(1500);
      model.stallReads(false);
      await expect(store.append(stream(), [anEvent()], { expectedRevision: 'no_stream' })).resolves.toMatchObject({ position: 1 });
    });
  });

  describe('the 1 MiB append limit', () => {
    const big = (kib: number) => anEvent({ data: { text: 'x'.repeat(kib * 1024) } });

    it('refuses an append over the limit before sending it, naming its size and what to do', async () => {
      const store = await connect();
      const attempt = store.append(stream(), [big(600), big(600)], { expectedRevision: 'no_stream' });
      await expect(attempt).rejects.toBeInstanceOf(AppendTooLargeError);
      await expect(attempt).rejects.toThrow(/2 event\(s\) .* is \d+ bytes, more than the 1048576 bytes the server takes in one append/);
      await expect(store.append(stream(), [big(600)], { expectedRevision: 'no_stream' })).resolves.toMatchObject({ position: 1 });
    });

    it("maps the server's own refusal the same way when it takes less than configured", async () => {
      model = new EventStoreDbModel({ maxAppendSize: 256 * 1024 });
      const store = await connect();
      await expect(store.append(stream(), [big(300)], { expectedRevision: 'no_stream' })).rejects.toMatchObject({ name: 'AppendTooLargeError', limit: 262144 });
    });
  });

  describe('connection options the client would ignore or that would undo the record', () => {
    it.each([
      ['tlsVerifyCert=false', /has no effect in @eventstore\/db-client 6\.2\.1.*tlsCAFile/],
      ['throwOnAppendFailure=false', /refused append look like a success/],
      ['nodePreference=follower', /on the leader only \(requiresLeader\)/],
      ['defaultDeadline=soon', /whole number of milliseconds/],
    ])('refuses %s with what to use instead', async (option, message) => {
      await expect(connect({ connectionString: `esdb://admin:changeit@model.test:2113?tls=true&${option}` })).rejects.toThrow(message);
      await expect(connect({ connectionString: `esdb://admin:changeit@model.test:2113?tls=true&${option}` })).rejects.toThrow(/admin:\*\*\*@/);
    });

    it('accepts nodePreference=leader and a defaultDeadline', async () => {
      await expect(connect({ connectionString: 'esdb://model.test:2113?tls=false&nodePreference=leader&defaultDeadline=5000' })).resolves.toBeDefined();
    });
  });

  describe('seals', () => {
    it('seal every position once, even when two processes seal at the same time', async () => {
      const [first, second] = [await connect(), await connect({ client: new EventStoreDbModelClient(model) })];
      await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? first : second).append(stream(), [anEvent()], { expectedRevision: 'no_stream' })));
      await Promise.all(open.splice(0).map((s) => s.close()));
      const seals = model
        .records()
        .filter((r) => r.stream === SEAL_STREAM)
        .map((r) => JSON.parse(Buffer.from(r.data).toString()) as SealEntries);
      const sealed = seals.flatMap((seal) => seal.entries.map((_, i) => seal.from + i));
      expect(sealed).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      const reopened = await connect();
      expect(await chainOf(reopened)).toHaveLength(30);
    });

    it('show an event removed from the server after it was sealed: the record opens read-only and the chain breaks there', async () => {
      const store = await connect();
      const doomed = stream();
      await store.append(stream(), [anEvent()], { expectedRevision: 'no_stream' });
      await store.append(doomed, [anEvent()], { expectedRevision: 'no_stream' });
      await store.append(stream(), [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
      await store.close();
      model.scavenge(doomed);
      const reopened = await connect();
      expect(messages).toContainEqual(expect.stringMatching(/breaks at position 2 .*no longer in the server's \$all.*open read-only/));
      await expect(reopened.append(stream(), [anEvent()], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(RecordReadOnlyError);
      const [, second] = await reopened.readAll();
      expect(eventHash(second)).not.toBe(second.hash);
    });
  });

  describe('records written by the earlier version, which assigned positions in the client', () => {
    it('opens an intact one with the same positions and hashes it claimed, and continues it', async () => {
      const [a, b] = [stream(), stream()];
      const raw = new EventStoreDbModelClient(model);
      const first = await appendAsEarlierVersion(raw, anEvent(), { stream: a, revision: 0, position: 1, prevHash: '' });
      const second = await appendAsEarlierVersion(raw, anEvent(), { stream: b, revision: 0, position: 2, prevHash: first.hash });
      const earlier = [first, second];
      const store = await connect();
      const next = await store.append(a, [anEvent()], { expectedRevision: 0 });
      expect(next).toMatchObject({ position: 3, nextExpectedRevision: 1 });
      const chain = await chainOf(store);
      expect(chain.slice(0, 2).map((e) => e.hash)).toEqual(earlier.map((e) => e.hash));
    });

    it('opens a forked one read-only, verifiable up to the fork, and copies it in the server order with --accept-server-order', async () => {
      const [x, y] = [anEvent(), anEvent()];
      const raw = new EventStoreDbModelClient(model);
      const head = await appendAsEarlierVersion(raw, anEvent(), { stream: stream(), revision: 0, position: 1, prevHash: '' });
      // Two writers both read head 1 and sealed position 2.
      await appendAsEarlierVersion(raw, x, { stream: stream(), revision: 0, position: 2, prevHash: head.hash });
      await appendAsEarlierVersion(raw, y, { stream: stream(), revision: 0, position: 2, prevHash: head.hash });

      const store = await connect();
      expect(messages).toContainEqual(expect.stringMatching(new RegExp(`breaks at position 3 \\(event ${y.id}: it claims global position 2 .*--accept-server-order`)));
      await expect(store.append(stream(), [anEvent()], { expectedRevision: 'no_stream' })).rejects.toThrow(/open read-only/);
      const events = await store.readAll();
      expect(events.map((e) => eventHash(e) === e.hash)).toEqual([true, true, false]);

      const copy = new SqliteEventStore({ file: ':memory:' });
      const source = await connect({ acceptServerOrder: true });
      await expect(migrateStore(source, copy)).resolves.toMatchObject({ copied: 3, head: 3 });
      expect((await verifyCopy(source, copy)).ok).toBe(true);
      expect((await copy.readAll()).slice(0, 2).map((e) => e.hash)).toEqual(events.slice(0, 2).map((e) => e.hash));
      await copy.close();
    });
  });

  describe('how events look on the server', () => {
    it('keeps the envelope in the server event: our id, type, JSON data, and metadata another client can read', async () => {
      const store = await connect();
      const target = stream();
      const event = anEvent({ causationId: randomUUID() });
      await store.append(target, [event], { expectedRevision: 'no_stream' });
      const [record] = model.records().filter((r) => r.stream === target);
      expect(record).toMatchObject({ id: event.id, type: event.type, isJson: true });
      expect(JSON.parse(Buffer.from(record.data).toString())).toEqual(event.data);
      expect(JSON.parse(Buffer.from(record.metadata).toString())).toMatchObject({ $correlationId: event.correlationId, $causationId: event.causationId });
    });

    it('gives subscribers the $all position (commit and prepare) of every event', async () => {
      const store = await connect();
      const received: StoredEvent[] = [];
      const subscription = store.subscribeToAll({ onEvent: (e) => void received.push(e) });
      try {
        await store.append(stream(), [anEvent()], { expectedRevision: 'no_stream' });
        while (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
        expect(received[0].storePosition).toEqual({ commit: expect.stringMatching(/^\d+$/), prepare: expect.stringMatching(/^\d+$/) });
      } finally {
        await subscription.close();
      }
    });

    it('refuses event ids that are not lower-case UUIDs, which the server would rewrite, and the seal stream', async () => {
      const store = await connect();
      await expect(store.append(stream(), [anEvent({ id: 'attendance-17' })], { expectedRevision: 'any' })).rejects.toThrow(/lower-case UUID/);
      await expect(store.append(SEAL_STREAM, [anEvent()], { expectedRevision: 'any' })).rejects.toThrow(/where the record keeps its seals/);
    });
  });

  it("reports another application's event in a record stream by stream, id and type, and keeps the stream writable", async () => {
    const store = await connect();
    const target = stream();
    await store.append(target, [anEvent()], { expectedRevision: 'no_stream' });
    const foreign = jsonEvent({ type: 'LegacyNote', data: { text: 'by hand' } });
    await new EventStoreDbModelClient(model).appendToStream(target, [foreign]);
    await expect(store.append(target, [anEvent()], { expectedRevision: 0 })).resolves.toMatchObject({ nextExpectedRevision: 1, position: 2 });
    expect(messages).toContainEqual(
      `EventStoreDB at esdb://model.test:2113?tls=false: stream ${target} holds event ${foreign.id} of type LegacyNote at revision 1 without a coprod envelope ` +
        '(written by another application); it is not part of the record and is skipped, and the stream stays writable',
    );
    expect((await store.readStream(target, { direction: 'backwards', maxCount: 1 }))[0].revision).toBe(1);
  });

  it('reports, at start, events other applications wrote to the same server', async () => {
    await new EventStoreDbModelClient(model).appendToStream('billing-1', [jsonEvent({ type: 'InvoiceImported', data: { amount: 12 } })]);
    await connect();
    expect(messages).toContainEqual(expect.stringMatching(/also holds 1 event\(s\) written by other applications .*skipped/));
  });
});
