import { createPrivateKey, createPublicKey, createSecretKey, sign } from 'node:crypto';
import { canonicalJson, EventStore, EventStoreUnavailableError, ReadAllOptions, sealEvent, StoredEvent } from '@coprod/event-store';
import { anEvent } from '@coprod/event-store/contract/event-store.contract';
import { Checkpoint, createCheckpoint, generateSigningKeys, verifyAgainstCheckpoint } from './checkpoint';
import { verifyChain } from './verify-chain';

/**
 * A record read through the port only, with positions that need not be contiguous (as on EventStoreDB),
 * and a switch that makes every read fail as an unreachable store does.
 */
class RecordOnPort implements Pick<EventStore, 'readAll' | 'headPosition'> {
  failure: Error | undefined;
  constructor(readonly events: StoredEvent[]) {}
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    if (this.failure) throw this.failure;
    const after = options.after ?? 0;
    return this.events
      .filter((e) => e.position > after && (options.upTo === undefined || e.position <= options.upTo))
      .slice(0, options.maxCount ?? Number.MAX_SAFE_INTEGER);
  }
  async headPosition(): Promise<number> {
    if (this.failure) throw this.failure;
    return this.events.at(-1)?.position ?? 0;
  }
}

/** A chain whose events sit at the given positions (in the order given), each linked to the hash before it. */
function chainAt(
  positions: number[],
  revisions: number[] = positions.map((_, i) => i),
  streams: string[] = positions.map(() => 'activity-a'),
): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (const [i, position] of positions.entries()) {
    const place = {
      stream: streams[i],
      revision: revisions[i],
      position,
      recordedAt: '2026-03-02T10:00:00.000Z',
      prevHash: events.at(-1)?.hash ?? '',
    };
    events.push(sealEvent(anEvent({ data: { minutes: 30 + i } }), place));
  }
  return events;
}

const store = (record: RecordOnPort) => record as unknown as EventStore;
const clock = () => new Date('2026-06-10T16:00:00.000Z');

/** A checkpoint signed by `privateKey` over whatever fields are given, as a genuine signer would produce them. */
function signed(fields: Omit<Checkpoint, 'signature' | 'publicKey' | 'algorithm'>, keys: { privateKey: string }): Checkpoint {
  const privateKey = createPrivateKey(keys.privateKey);
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  const unsigned = { ...fields, algorithm: 'Ed25519' as const, publicKey };
  return { ...unsigned, signature: sign(null, Buffer.from(canonicalJson(unsigned), 'utf8'), privateKey).toString('base64') };
}

describe('verifying the chain when the store cannot be reached', () => {
  it('passes the outage on as an outage, never as damage to the record', async () => {
    const record = new RecordOnPort(chainAt([1, 2, 3]));
    record.failure = new EventStoreUnavailableError('the event store at esdb://events:2113 is not answering');
    await expect(verifyChain(store(record))).rejects.toThrow(EventStoreUnavailableError);
    await expect(verifyChain(store(record), { pageSize: 1 })).rejects.toThrow(/not answering/);
  });

  it('reports an event it cannot read as damage at the position after the last good one', async () => {
    const record = new RecordOnPort(chainAt([1, 2, 3, 4]));
    const readAll = record.readAll.bind(record);
    record.readAll = async (options) => {
      const page = await readAll(options);
      if (page.some((e) => e.position === 3)) throw new Error('malformed JSON in stored data');
      return page;
    };
    expect(await verifyChain(store(record), { pageSize: 10 })).toEqual({
      ok: false,
      count: 2,
      firstBreak: {
        position: 3,
        eventId: null,
        problem: 'the event after position 2 cannot be read (malformed JSON in stored data): its stored form is damaged',
      },
    });
  });

  it('verifies a chain whose positions have gaps, page by page', async () => {
    const events = chainAt([10, 20, 30, 40, 50]);
    for (const pageSize of [1, 2, 5, 1000]) {
      expect(await verifyChain(store(new RecordOnPort(events)), { pageSize })).toEqual({
        ok: true,
        count: 5,
        head: { position: 50, hash: events[4].hash },
      });
    }
  });
});

describe('what the chain check names as damage', () => {
  it('refuses positions that do not grow, equal or lower, as global order rewritten', async () => {
    for (const [positions, at, after] of [
      [[10, 20, 20], 20, 20],
      [[10, 20, 15], 15, 20],
    ] as const) {
      const events = chainAt([...positions]);
      expect(await verifyChain(store(new RecordOnPort(events)))).toEqual({
        ok: false,
        count: 2,
        firstBreak: { position: at, eventId: events[2].id, problem: `position ${at} does not follow position ${after}: global order was rewritten` },
      });
    }
  });

  it("refuses a gap in a stream's revisions, naming the revision expected", async () => {
    const events = chainAt([1, 2, 3], [0, 2, 0], ['activity-a', 'activity-a', 'activity-b']);
    expect(await verifyChain(store(new RecordOnPort(events)))).toEqual({
      ok: false,
      count: 1,
      firstBreak: {
        position: 2,
        eventId: events[1].id,
        problem: 'revision 2 of stream activity-a should be 1: an event of this stream was removed, inserted or reordered',
      },
    });
  });

  it('carries on from a point already verified, taking the revisions of streams first seen after it as they come', async () => {
    const events = chainAt([1, 2, 3, 4], [0, 1, 5, 2], ['activity-a', 'activity-a', 'activity-b', 'activity-a']);
    const from = { position: 2, hash: events[1].hash };
    expect(await verifyChain(store(new RecordOnPort(events)), { from })).toEqual({ ok: true, count: 2, head: { position: 4, hash: events[3].hash } });
    // From the start the same record is damaged: activity-b starts at revision 5.
    expect(await verifyChain(store(new RecordOnPort(events)))).toMatchObject({ ok: false, firstBreak: { position: 3 } });
    // A point that does not match the record is found out at the next event.
    expect(await verifyChain(store(new RecordOnPort(events)), { from: { position: 2, hash: 'not the hash' } })).toMatchObject({
      ok: false,
      count: 0,
      firstBreak: { position: 3, problem: 'previous hash does not match event at position 2: an event was removed, inserted or reordered' },
    });
    // A stream first seen after the point must still run on from there without a gap.
    const gap = chainAt([1, 2, 3, 4], [0, 1, 5, 7], ['activity-a', 'activity-a', 'activity-b', 'activity-b']);
    expect(await verifyChain(store(new RecordOnPort(gap)), { from: { position: 2, hash: gap[1].hash } })).toMatchObject({
      ok: false,
      count: 1,
      firstBreak: { position: 4, problem: 'revision 7 of stream activity-b should be 6: an event of this stream was removed, inserted or reordered' },
    });
    // A point at position 0 is the start.
    expect(await verifyChain(store(new RecordOnPort(events)), { from: { position: 0, hash: '' } })).toMatchObject({
      ok: false,
      firstBreak: { position: 3 },
    });
  });
});

describe('checkpoints under key rotation and with gaps in positions', () => {
  const oldKeys = generateSigningKeys();
  const newKeys = generateSigningKeys();
  const strangerKeys = generateSigningKeys();

  it('accepts a genuine checkpoint when its key is one of several trusted keys, in PEM or base64 form', async () => {
    const record = new RecordOnPort(chainAt([10, 20, 30]));
    const checkpoint = await createCheckpoint(store(record), newKeys.privateKey, { clock });
    const verdict = { ok: true, position: 30, count: 3 };
    expect(await verifyAgainstCheckpoint(store(record), checkpoint, { trustedPublicKeys: [oldKeys.publicKey, newKeys.publicKey] })).toEqual(verdict);
    expect(await verifyAgainstCheckpoint(store(record), checkpoint, { trustedPublicKeys: [newKeys.publicKey, oldKeys.publicKey] })).toEqual(verdict);
    expect(await verifyAgainstCheckpoint(store(record), checkpoint, { trustedPublicKeys: ['not a key', checkpoint.publicKey] })).toEqual(verdict);
  });

  it('refuses a checkpoint signed by none of the trusted keys, even when its signature holds', async () => {
    const record = new RecordOnPort(chainAt([10, 20, 30]));
    const checkpoint = await createCheckpoint(store(record), strangerKeys.privateKey, { clock });
    expect(await verifyAgainstCheckpoint(store(record), checkpoint, { trustedPublicKeys: [oldKeys.publicKey, newKeys.publicKey] })).toEqual({
      ok: false,
      problem: 'the checkpoint was signed by a key that is not among the trusted keys',
    });
  });

  it('refuses a checkpoint whose position has no event, saying events were removed', async () => {
    const events = chainAt([10, 20, 30]);
    const checkpoint = signed({ position: 25, hash: events[1].hash, count: 2, createdAt: '2026-06-10T16:00:00.000Z' }, oldKeys);
    expect(await verifyAgainstCheckpoint(store(new RecordOnPort(events)), checkpoint)).toEqual({
      ok: false,
      problem: 'there is no event at position 25, which the checkpoint of 2026-06-10T16:00:00.000Z signed: events were removed',
    });
  });

  it('refuses a checkpoint that counted more events than lead up to its position', async () => {
    const events = chainAt([10, 20, 30]);
    const checkpoint = signed({ position: 20, hash: events[1].hash, count: 3, createdAt: '2026-06-10T16:00:00.000Z' }, oldKeys);
    expect(await verifyAgainstCheckpoint(store(new RecordOnPort(events)), checkpoint)).toEqual({
      ok: false,
      problem: '2 events lead up to position 20 but the checkpoint of 2026-06-10T16:00:00.000Z counted 3: events were removed or inserted',
    });
  });

  it('refuses a checkpoint trusted by none of the keys when a trusted key cannot be read', async () => {
    const record = new RecordOnPort(chainAt([10, 20]));
    const checkpoint = await createCheckpoint(store(record), oldKeys.privateKey, { clock });
    expect(await verifyAgainstCheckpoint(store(record), checkpoint, { trustedPublicKeys: ['not a key'] })).toEqual({
      ok: false,
      problem: 'the checkpoint was signed by a key that is not among the trusted keys',
    });
  });

  it('refuses a checkpoint of another algorithm, or whose key cannot be read', async () => {
    const record = new RecordOnPort(chainAt([10, 20]));
    const checkpoint = await createCheckpoint(store(record), oldKeys.privateKey, { clock });
    expect(await verifyAgainstCheckpoint(store(record), { ...checkpoint, algorithm: 'RSA' as never })).toEqual({
      ok: false,
      problem: 'checkpoints are signed with Ed25519, not RSA',
    });
    expect(await verifyAgainstCheckpoint(store(record), { ...checkpoint, publicKey: 'bm90IGEga2V5' })).toEqual({
      ok: false,
      problem: "the checkpoint's public key cannot be read: the checkpoint is damaged",
    });
  });

  it('names where the chain breaks before the checkpoint', async () => {
    const events = chainAt([10, 20, 30]);
    const checkpoint = await createCheckpoint(store(new RecordOnPort(events)), oldKeys.privateKey, { clock });
    const damaged = [events[0], { ...events[1], data: { minutes: 999 } }, events[2]];
    expect(await verifyAgainstCheckpoint(store(new RecordOnPort(damaged)), checkpoint)).toEqual({
      ok: false,
      problem:
        'the chain breaks at position 20 before the checkpoint of 2026-06-10T16:00:00.000Z: content does not match its hash: changed after it was recorded',
      firstBreak: { position: 20, eventId: events[1].id, problem: 'content does not match its hash: changed after it was recorded' },
    });
  });

  it('signs with the time now when no clock is given, and refuses a key that is not an Ed25519 pair', async () => {
    const before = Date.now();
    const checkpoint = await createCheckpoint(store(new RecordOnPort(chainAt([10]))), oldKeys.privateKey);
    expect(Date.parse(checkpoint.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(checkpoint.createdAt)).toBeLessThanOrEqual(Date.now());
    await expect(createCheckpoint(store(new RecordOnPort(chainAt([10]))), createSecretKey(Buffer.alloc(32)))).rejects.toThrow(
      'checkpoints are signed with Ed25519; the key given is not asymmetric',
    );
  });

  it('passes a store outage on while checking a checkpoint', async () => {
    const record = new RecordOnPort(chainAt([10, 20]));
    const checkpoint = await createCheckpoint(store(record), oldKeys.privateKey, { clock });
    record.failure = new EventStoreUnavailableError('the event store is not answering');
    await expect(verifyAgainstCheckpoint(store(record), checkpoint)).rejects.toThrow(EventStoreUnavailableError);
  });
});
