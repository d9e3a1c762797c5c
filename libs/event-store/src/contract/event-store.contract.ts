import { randomUUID } from 'node:crypto';
import { EventToAppend, StoredEvent } from '../event-envelope';
import { EventStore } from '../event-store.port';
import { DuplicateEventIdError, InvalidEventError, WrongExpectedRevisionError } from '../errors';
import { eventHash } from '../integrity';

/** How a contract run gets a store: a fresh one per test, and optionally the same one reopened. */
export interface StoreUnderTest {
  store: EventStore;
  /** Closes the store and opens the same storage again (omit for stores that cannot be reopened). */
  reopen?: () => Promise<EventStore>;
  dispose: () => Promise<void>;
}

/** A valid event with sensible defaults; tests override what they care about. */
export function anEvent(overrides: Partial<EventToAppend> = {}): EventToAppend {
  return {
    id: randomUUID(),
    type: 'AttendanceRecorded',
    schemaVersion: 1,
    data: { minutes: 90 },
    occurredAt: '2026-03-02T10:00:00.000Z',
    actor: { id: 'officer.one', role: 'recorder' },
    source: 'api',
    correlationId: randomUUID(),
    causationId: null,
    ...overrides,
  };
}

function uniqueStream(prefix = 'activity'): string {
  return `${prefix}-${randomUUID()}`;
}

/**
 * The behaviour every EventStore adapter must show. Call inside a test file:
 * `describeEventStoreContract('sqlite file', async () => ({ store, reopen, dispose }))`.
 */
export function describeEventStoreContract(
  name: string,
  open: () => Promise<StoreUnderTest>,
  capabilities: { reopenable: boolean },
): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: EventStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });

    afterEach(async () => {
      await subject.dispose();
    });

    describe('appending and reading a stream', () => {
      it('stores events with revisions from 0 and returns the next expected revision', async () => {
        const stream = uniqueStream();
        const result = await store.append(stream, [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
        expect(result.nextExpectedRevision).toBe(1);
        expect(result.duplicate).toBe(false);
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0, 1]);
        expect(events[1].position).toBe(result.position);
      });

      it('keeps the whole envelope: ids, clocks, actor, source, correlation and causation', async () => {
        const stream = uniqueStream();
        const event = anEvent({
          type: 'ExpenseClaimed',
          schemaVersion: 2,
          data: { amountPence: 1250, category: 'travel', note: 'Bws i Gaerdydd — zażółć gęślą' },
          occurredAt: '2026-01-15T09:30:00.000Z',
          actor: { id: 'lead.two', role: 'evaluation_lead' },
          source: 'paper',
          causationId: randomUUID(),
        });
        await store.append(stream, [event], { expectedRevision: 'any' });
        const [stored] = await store.readStream(stream);
        expect(stored).toMatchObject({
          id: event.id,
          type: 'ExpenseClaimed',
          schemaVersion: 2,
          data: event.data,
          occurredAt: event.occurredAt,
          actor: event.actor,
          source: 'paper',
          correlationId: event.correlationId,
          causationId: event.causationId,
          stream,
          revision: 0,
        });
        expect(Date.parse(stored.recordedAt)).not.toBeNaN();
        expect(stored.hash).toMatch(/^[0-9a-f]{64}$/);
      });

      it('reads backwards from the end, and forwards or backwards from a revision', async () => {
        const stream = uniqueStream();
        await store.append(stream, [1, 2, 3, 4].map((n) => anEvent({ data: { n } })), { expectedRevision: 'no_stream' });
        expect((await store.readStream(stream, { direction: 'backwards' })).map((e) => e.data.n)).toEqual([4, 3, 2, 1]);
        expect((await store.readStream(stream, { fromRevision: 2 })).map((e) => e.data.n)).toEqual([3, 4]);
        expect((await store.readStream(stream, { direction: 'backwards', fromRevision: 1 })).map((e) => e.data.n)).toEqual([2, 1]);
        expect((await store.readStream(stream, { direction: 'backwards', maxCount: 1 })).map((e) => e.data.n)).toEqual([4]);
      });

      it('reads an unknown stream as empty', async () => {
        expect(await store.readStream(uniqueStream())).toEqual([]);
      });

      it('finds an event by id', async () => {
        const event = anEvent();
        const stream = uniqueStream();
        await store.append(stream, [event], { expectedRevision: 'any' });
        expect((await store.findEvent(event.id))?.stream).toBe(stream);
        expect(await store.findEvent(randomUUID())).toBeUndefined();
      });
    });

    describe('expected revision', () => {
      it('no_stream: refuses when the stream exists, naming the stream and both revisions', async () => {
        const stream = uniqueStream();
        await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
        const attempt = store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
        await expect(attempt).rejects.toBeInstanceOf(WrongExpectedRevisionError);
        await expect(attempt).rejects.toMatchObject({ stream, expected: 'no_stream', actual: 0 });
      });

      it('stream_exists: refuses a new stream and accepts an existing one', async () => {
        const stream = uniqueStream();
        await expect(store.append(stream, [anEvent()], { expectedRevision: 'stream_exists' })).rejects.toMatchObject({
          stream,
          actual: 'no_stream',
        });
        expect(await store.readStream(stream)).toEqual([]);
        await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
        await expect(store.append(stream, [anEvent()], { expectedRevision: 'stream_exists' })).resolves.toMatchObject({
          nextExpectedRevision: 1,
        });
      });

      it('any: accepts a new and an existing stream', async () => {
        const stream = uniqueStream();
        await store.append(stream, [anEvent()], { expectedRevision: 'any' });
        await expect(store.append(stream, [anEvent()], { expectedRevision: 'any' })).resolves.toMatchObject({
          nextExpectedRevision: 1,
        });
      });

      it('exact revision: accepts the current one and refuses a stale one, storing nothing', async () => {
        const stream = uniqueStream();
        await store.append(stream, [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
        await store.append(stream, [anEvent()], { expectedRevision: 1 });
        const stale = store.append(stream, [anEvent()], { expectedRevision: 1 });
        await expect(stale).rejects.toMatchObject({ name: 'WrongExpectedRevisionError', expected: 1, actual: 2 });
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('exact revision on a stream that does not exist is refused as no stream', async () => {
        const stream = uniqueStream();
        await expect(store.append(stream, [anEvent()], { expectedRevision: 0 })).rejects.toMatchObject({
          expected: 0,
          actual: 'no_stream',
        });
      });
    });

    describe('concurrent writers', () => {
      it('exactly one of many appends expecting the same revision wins; the rest learn why', async () => {
        const stream = uniqueStream();
        await store.append(stream, [anEvent()], { expectedRevision: 'no_stream' });
        const attempts = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => store.append(stream, [anEvent({ data: { writer: i } })], { expectedRevision: 0 })),
        );
        expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
        const refusals = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
        expect(refusals).toHaveLength(9);
        for (const refusal of refusals) expect(refusal.reason).toBeInstanceOf(WrongExpectedRevisionError);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('concurrent appends to different streams all succeed with distinct positions', async () => {
        const results = await Promise.all(
          Array.from({ length: 20 }, () => store.append(uniqueStream(), [anEvent()], { expectedRevision: 'no_stream' })),
        );
        expect(new Set(results.map((r) => r.position)).size).toBe(20);
      });

      it('a failing append does not affect others committed alongside it', async () => {
        const taken = uniqueStream();
        await store.append(taken, [anEvent()], { expectedRevision: 'no_stream' });
        const fresh = uniqueStream();
        const [bad, good] = await Promise.allSettled([
          store.append(taken, [anEvent()], { expectedRevision: 'no_stream' }),
          store.append(fresh, [anEvent()], { expectedRevision: 'no_stream' }),
        ]);
        expect(bad.status).toBe('rejected');
        expect(good.status).toBe('fulfilled');
        expect(await store.readStream(fresh)).toHaveLength(1);
      });
    });

    describe('idempotent retry', () => {
      it('recognises the same event ids appended again and stores nothing new', async () => {
        const stream = uniqueStream();
        const events = [anEvent(), anEvent()];
        const first = await store.append(stream, events, { expectedRevision: 'no_stream' });
        const retry = await store.append(stream, events, { expectedRevision: 'no_stream' });
        expect(retry).toEqual({ ...first, duplicate: true });
        const again = await store.append(stream, events, { expectedRevision: 'any' });
        expect(again.duplicate).toBe(true);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('refuses an event id already used in another stream', async () => {
        const event = anEvent();
        await store.append(uniqueStream(), [event], { expectedRevision: 'any' });
        await expect(store.append(uniqueStream(), [event], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
      });
    });

    describe('refusing malformed events', () => {
      it.each([
        ['an empty type', { type: '' }],
        ['a non-ISO occurredAt', { occurredAt: 'last Tuesday' }],
        ['a missing actor', { actor: undefined as never }],
        ['data that is not an object', { data: [] as never }],
      ])('refuses %s and stores nothing', async (_, overrides) => {
        const stream = uniqueStream();
        await expect(store.append(stream, [anEvent(), anEvent(overrides)], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
          InvalidEventError,
        );
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('global order', () => {
      it('assigns increasing positions across streams in commit order, and chains the hashes', async () => {
        const start = await store.headPosition();
        const a = uniqueStream();
        const b = uniqueStream();
        await store.append(a, [anEvent({ data: { n: 1 } })], { expectedRevision: 'any' });
        await store.append(b, [anEvent({ data: { n: 2 } }), anEvent({ data: { n: 3 } })], { expectedRevision: 'any' });
        await store.append(a, [anEvent({ data: { n: 4 } })], { expectedRevision: 'any' });
        const all = await store.readAll({ after: start });
        expect(all.map((e) => e.data.n)).toEqual([1, 2, 3, 4]);
        expect(all.map((e) => e.position)).toEqual([...all.map((e) => e.position)].sort((x, y) => x - y));
        for (let i = 1; i < all.length; i += 1) expect(all[i].prevHash).toBe(all[i - 1].hash);
        for (const event of all) expect(eventHash(event)).toBe(event.hash);
        expect(await store.headPosition()).toBe(all[3].position);
      });

      it('reads a page after a position, up to a position', async () => {
        const start = await store.headPosition();
        const stream = uniqueStream();
        await store.append(stream, [1, 2, 3, 4, 5].map((n) => anEvent({ data: { n } })), { expectedRevision: 'any' });
        const written = await store.readAll({ after: start });
        const page = await store.readAll({ after: written[0].position, maxCount: 2 });
        expect(page.map((e) => e.data.n)).toEqual([2, 3]);
        expect((await store.readAll({ after: start, upTo: written[1].position })).map((e) => e.data.n)).toEqual([1, 2]);
      });

      it('filters by event type and by stream prefix', async () => {
        const start = await store.headPosition();
        const tag = randomUUID().slice(0, 8);
        await store.append(`quote-${tag}`, [anEvent({ type: 'QuoteCaptured' })], { expectedRevision: 'any' });
        await store.append(`expense-${tag}`, [anEvent({ type: 'ExpenseClaimed' }), anEvent({ type: 'ExpensePaid' })], {
          expectedRevision: 'any',
        });
        const byType = await store.readAll({ after: start, types: ['ExpensePaid', 'QuoteCaptured'] });
        expect(byType.map((e) => e.type)).toEqual(['QuoteCaptured', 'ExpensePaid']);
        const byPrefix = await store.readAll({ after: start, streamPrefixes: [`expense-${tag}`] });
        expect(byPrefix.map((e) => e.type)).toEqual(['ExpenseClaimed', 'ExpensePaid']);
      });
    });

    describe('subscriptions', () => {
      it('catch up on stored events, report being caught up, then receive live ones in order', async () => {
        const start = await store.headPosition();
        const stream = uniqueStream();
        await store.append(stream, [anEvent({ data: { n: 1 } }), anEvent({ data: { n: 2 } })], { expectedRevision: 'any' });
        const received: StoredEvent[] = [];
        let caughtUp!: () => void;
        const caughtUpOnce = new Promise<void>((resolve) => (caughtUp = resolve));
        const subscription = store.subscribeToAll({
          after: start,
          onEvent: (event) => {
            received.push(event);
          },
          onCaughtUp: () => caughtUp(),
        });
        try {
          await caughtUpOnce;
          expect(received.map((e) => e.data.n)).toEqual([1, 2]);
          await store.append(stream, [anEvent({ data: { n: 3 } })], { expectedRevision: 'any' });
          await store.append(uniqueStream(), [anEvent({ data: { n: 4 } })], { expectedRevision: 'any' });
          await waitFor(() => received.length >= 4);
          expect(received.map((e) => e.data.n)).toEqual([1, 2, 3, 4]);
        } finally {
          await subscription.close();
        }
      });

      it('deliver only events that match the filter, and stop after close', async () => {
        const start = await store.headPosition();
        const received: string[] = [];
        const subscription = store.subscribeToAll({
          after: start,
          types: ['DecisionRecorded'],
          onEvent: (event) => {
            received.push(event.type);
          },
        });
        await store.append(uniqueStream(), [anEvent({ type: 'AttendanceRecorded' }), anEvent({ type: 'DecisionRecorded' })], {
          expectedRevision: 'any',
        });
        await waitFor(() => received.length >= 1);
        await subscription.close();
        await store.append(uniqueStream(), [anEvent({ type: 'DecisionRecorded' })], { expectedRevision: 'any' });
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(received).toEqual(['DecisionRecorded']);
      });

      it('report a failing handler through onError and deliver nothing more', async () => {
        const start = await store.headPosition();
        const errors: Error[] = [];
        let calls = 0;
        const subscription = store.subscribeToAll({
          after: start,
          onEvent: () => {
            calls += 1;
            throw new Error('read model full');
          },
          onError: (error) => errors.push(error),
        });
        await store.append(uniqueStream(), [anEvent(), anEvent()], { expectedRevision: 'any' });
        await waitFor(() => errors.length === 1);
        expect(errors[0].message).toBe('read model full');
        expect(calls).toBe(1);
        await subscription.close();
      });
    });

    describe('durability', () => {
      (capabilities.reopenable ? it : it.skip)('keeps every event, revision and hash after the store is reopened', async () => {
        const stream = uniqueStream();
        await store.append(stream, [anEvent(), anEvent()], { expectedRevision: 'no_stream' });
        const before = await store.readAll();
        store = await subject.reopen!();
        expect(await store.readAll()).toEqual(before);
        await expect(store.append(stream, [anEvent()], { expectedRevision: 1 })).resolves.toMatchObject({
          nextExpectedRevision: 2,
        });
        const after = await store.readAll({ after: before[before.length - 1].position });
        expect(after[0].prevHash).toBe(before[before.length - 1].hash);
      });
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
