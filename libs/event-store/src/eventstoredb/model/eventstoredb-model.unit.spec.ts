import { randomUUID } from 'node:crypto';
import { AllStreamResolvedEvent, ErrorType, EventData, NO_STREAM, jsonEvent } from '@eventstore/db-client';
import { EventStoreDbModel } from './eventstoredb-model';
import { EventStoreDbModelClient } from './eventstoredb-model-client';

const event = (data: Record<string, unknown> = {}): EventData => jsonEvent({ id: randomUUID(), type: 'Noted', data });

async function toArray<T>(read: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
}

const userEvents = (events: AllStreamResolvedEvent[]) => events.filter((e) => !e.event!.streamId.startsWith('$'));

/** The model must show the documented behaviour the adapter relies on; each case names where it is documented. */
describe('the model of an EventStoreDB cluster', () => {
  it('holds system events in $all from the start, as a fresh server does', async () => {
    const client = new EventStoreDbModelClient(new EventStoreDbModel());
    const all = await toArray(client.readAll());
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((e) => e.event!.streamId.startsWith('$'))).toBe(true);
  });

  it('checks expected revisions per stream only: two appends after the same $all head both succeed', async () => {
    const client = new EventStoreDbModelClient(new EventStoreDbModel());
    await client.appendToStream('a', [event()], { expectedRevision: NO_STREAM });
    await client.appendToStream('b', [event()], { expectedRevision: NO_STREAM });
    await expect(client.appendToStream('a', [event()], { expectedRevision: NO_STREAM })).rejects.toMatchObject({
      type: ErrorType.WRONG_EXPECTED_VERSION,
      streamName: 'a',
      actualVersion: 0n,
    });
  });

  it('takes a resent append once: the same ids after the same exact revision succeed without writing (IndexWriter.CheckCommit)', async () => {
    const model = new EventStoreDbModel();
    const client = new EventStoreDbModelClient(model);
    const batch = [event(), event()];
    const first = await client.appendToStream('s', batch, { expectedRevision: NO_STREAM });
    const again = await client.appendToStream('s', batch, { expectedRevision: NO_STREAM });
    expect(again).toEqual(first);
    expect(model.records().filter((r) => r.stream === 's')).toHaveLength(2);
    await expect(client.appendToStream('s', [event()], { expectedRevision: NO_STREAM })).rejects.toMatchObject({ type: ErrorType.WRONG_EXPECTED_VERSION });
  });

  it('orders $all by log position, commit equal to prepare; reads from a position include it, subscriptions start after it', async () => {
    const client = new EventStoreDbModelClient(new EventStoreDbModel());
    await client.appendToStream('s', [event({ n: 1 }), event({ n: 2 }), event({ n: 3 })]);
    const all = userEvents(await toArray(client.readAll()));
    const positions = all.map((e) => e.event!.position);
    expect(positions.every((p) => p.commit === p.prepare)).toBe(true);
    expect([...positions].sort((a, b) => Number(a.commit - b.commit))).toEqual(positions);
    const fromSecond = userEvents(await toArray(client.readAll({ fromPosition: positions[1] })));
    expect(fromSecond.map((e) => (e.event!.data as { n: number }).n)).toEqual([2, 3]);
    const subscription = client.subscribeToAll({ fromPosition: positions[1] });
    const received: number[] = [];
    for await (const resolved of subscription) {
      received.push((resolved.event!.data as { n: number }).n);
      if (received.length === 1) break;
    }
    expect(received).toEqual([3]);
  });

  it('refuses an append over MaxAppendSize, counted as data + metadata + 2 bytes per type character', async () => {
    const client = new EventStoreDbModelClient(new EventStoreDbModel({ maxAppendSize: 1000 }));
    const big = jsonEvent({ id: randomUUID(), type: 'Noted', data: { text: 'x'.repeat(980) } });
    await expect(client.appendToStream('s', [big])).rejects.toMatchObject({ type: ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED, maxAppendSize: 1000 });
    const fits = jsonEvent({ id: randomUUID(), type: 'Noted', data: { text: 'x'.repeat(960) } });
    await expect(client.appendToStream('s', [fits])).resolves.toMatchObject({ success: true });
  });

  it('answers Timeout when no quorum holds the write, and commits it later when the followers are back', async () => {
    const model = new EventStoreDbModel({ nodes: 3, commitTimeoutMs: 20 });
    const client = new EventStoreDbModelClient(model);
    const late = event();
    model.followers.forEach((node) => model.pause(node));
    await expect(client.appendToStream('s', [late], { expectedRevision: NO_STREAM })).rejects.toMatchObject({ type: ErrorType.DEADLINE_EXCEEDED });
    expect(userEvents(await toArray(client.readAll()))).toEqual([]);
    await expect(client.appendToStream('s', [event()], { expectedRevision: NO_STREAM })).rejects.toMatchObject({ type: ErrorType.WRONG_EXPECTED_VERSION });
    model.followers.forEach((node) => model.resume(node));
    expect(userEvents(await toArray(client.readAll())).map((e) => e.event!.id)).toEqual([late.id]);
  });

  it('lets a paused follower serve stale reads, refuses requiresLeader there with NotLeader, and the client turns to the leader', async () => {
    const model = new EventStoreDbModel({ nodes: 3 });
    const follower = model.followers[0];
    const writer = new EventStoreDbModelClient(model);
    const reader = new EventStoreDbModelClient(model, { node: follower });
    model.pause(follower);
    await writer.appendToStream('s', [event()]);
    expect(userEvents(await toArray(reader.readAll()))).toEqual([]);
    await expect(toArray(reader.readAll({ requiresLeader: true }))).rejects.toMatchObject({ type: ErrorType.NOT_LEADER, leader: { address: model.leader } });
    expect(reader.connectedTo).toBe(model.leader);
    expect(userEvents(await toArray(reader.readAll({ requiresLeader: true })))).toHaveLength(1);
  });

  it('forwards an append made on a follower without requiresLeader', async () => {
    const model = new EventStoreDbModel({ nodes: 3 });
    const client = new EventStoreDbModelClient(model, { node: model.followers[1] });
    await expect(client.appendToStream('s', [event()])).resolves.toMatchObject({ success: true });
    await expect(client.appendToStream('s', [event()], { requiresLeader: true })).rejects.toMatchObject({ type: ErrorType.NOT_LEADER });
  });

  it('loses the old leader\'s uncommitted writes on a leader change', async () => {
    const model = new EventStoreDbModel({ nodes: 3, commitTimeoutMs: 1000 });
    const client = new EventStoreDbModelClient(model);
    model.followers.forEach((node) => model.pause(node));
    const lost = client.appendToStream('s', [event()], { expectedRevision: NO_STREAM, requiresLeader: true });
    model.changeLeader(model.followers[0]);
    await expect(lost).rejects.toMatchObject({ type: ErrorType.UNAVAILABLE });
    expect(model.records().filter((r) => r.stream === 's')).toEqual([]);
  });

  it('gives no answer to a stalled read until it is released', async () => {
    const model = new EventStoreDbModel();
    const client = new EventStoreDbModelClient(model);
    model.stallReads(true);
    let done = false;
    const read = toArray(client.readAll()).then((r) => ((done = true), r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    model.stallReads(false);
    await expect(read).resolves.toBeDefined();
  });
});
