import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { SqliteEventStore, StoredEvent } from '@coprod/event-store';
import { Checkpoint, createCheckpoint, generateSigningKeys, verifyAgainstCheckpoint } from './checkpoint';
import { rehashFrom, withRawFile, writeTwentyEvents } from './tampering.fixture';

describe('signed checkpoints on a real SQLite event file', () => {
  let dir: string;
  let file: string;
  let original: StoredEvent[];
  const keys = generateSigningKeys();
  const clock = () => new Date('2026-06-10T16:00:00.000Z');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-checkpoint-'));
    file = join(dir, 'events.db');
    original = await writeTwentyEvents(file);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function withStore<T>(use: (store: SqliteEventStore) => Promise<T>): Promise<T> {
    const store = new SqliteEventStore({ file });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  }
  const checkpoint = (upTo?: number) => withStore((store) => createCheckpoint(store, keys.privateKey, { clock, upTo }));
  const verify = (cp: Checkpoint, trustedPublicKeys?: string[]) =>
    withStore((store) => verifyAgainstCheckpoint(store, cp, { trustedPublicKeys }));

  it('signs the head of the chain', async () => {
    const cp = await checkpoint();
    expect(cp).toMatchObject({
      position: 20,
      hash: original[19].hash,
      count: 20,
      createdAt: '2026-06-10T16:00:00.000Z',
      algorithm: 'Ed25519',
    });
    expect(Buffer.from(cp.signature, 'base64')).toHaveLength(64);
  });

  it('verifies while the store is untouched, and after it has grown', async () => {
    const cp = await checkpoint();
    expect(await verify(cp)).toEqual({ ok: true, position: 20, count: 20 });
    await writeTwentyEvents(file);
    expect(await verify(cp)).toEqual({ ok: true, position: 20, count: 20 });
  });

  it('detects truncation: the store now ends before the checkpoint', async () => {
    const cp = await checkpoint();
    withRawFile(file, (db) => db.prepare('DELETE FROM events WHERE position > 17').run());
    expect(await verify(cp)).toEqual({
      ok: false,
      problem:
        'the store ends at position 17 but the checkpoint of 2026-06-10T16:00:00.000Z covers position 20: events were removed from the end',
    });
  });

  it('detects history rewritten with every hash recomputed, which the chain alone cannot see', async () => {
    const cp = await checkpoint();
    withRawFile(file, (db) => db.prepare(`UPDATE events SET data = '{"minutes":99}' WHERE position = 10`).run());
    await rehashFrom(file, 10);
    const result = await verify(cp);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(/^the event at position 20 has hash \w+ but the checkpoint of .* signed \w+: history up to the checkpoint was rewritten$/);
  });

  it('ignores changes after the checkpoint but names a break before it', async () => {
    const cp = await checkpoint(15);
    expect(cp.position).toBe(15);
    withRawFile(file, (db) => db.prepare(`UPDATE events SET data = '{"minutes":1}' WHERE position = 18`).run());
    expect(await verify(cp)).toEqual({ ok: true, position: 15, count: 15 });
    withRawFile(file, (db) => db.prepare(`UPDATE events SET data = '{"minutes":1}' WHERE position = 4`).run());
    expect(await verify(cp)).toMatchObject({ ok: false, firstBreak: { position: 4, eventId: original[3].id } });
  });

  it('refuses to sign a chain that is already broken', async () => {
    withRawFile(file, (db) => db.prepare('DELETE FROM events WHERE position = 3').run());
    await expect(checkpoint()).rejects.toThrow(/cannot sign a checkpoint over a broken chain: event at position 4/);
  });

  it('refuses a checkpoint altered after signing', async () => {
    const cp = await checkpoint();
    expect(await verify({ ...cp, count: 19 })).toEqual({
      ok: false,
      problem: "the checkpoint's signature does not verify: the checkpoint was altered after it was signed",
    });
    expect(await verify({ ...cp, position: 17, hash: original[16].hash })).toMatchObject({ ok: false });
  });

  it('refuses a checkpoint re-signed by a key that is not trusted', async () => {
    withRawFile(file, (db) => db.prepare('DELETE FROM events WHERE position > 17').run());
    const forger = generateSigningKeys();
    const forged = await withStore((store) => createCheckpoint(store, forger.privateKey, { clock }));
    expect(await verify(forged)).toMatchObject({ ok: true });
    expect(await verify(forged, [keys.publicKey])).toEqual({
      ok: false,
      problem: 'the checkpoint was signed by a key that is not among the trusted keys',
    });
    const honest = await checkpoint();
    expect(await verify(honest, [keys.publicKey])).toMatchObject({ ok: true });
    expect(await verify(honest, [honest.publicKey])).toMatchObject({ ok: true });
  });

  it('refuses a signing key that is not Ed25519', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expect(withStore((store) => createCheckpoint(store, privateKey))).rejects.toThrow(/Ed25519; the key given is ec/);
  });
});
