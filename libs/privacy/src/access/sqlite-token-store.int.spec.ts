import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteKeyStore } from '../keys/sqlite-key-store';
import { SqliteTokenStore } from './sqlite-token-store';

describe('SqliteTokenStore', () => {
  let dir: string;
  let file: string;
  const clock = () => new Date('2026-05-01T09:00:00.000Z');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-tokens-'));
    file = join(dir, 'keys.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('issues a cpd_ token once and authenticates it after reopening', async () => {
    const store = new SqliteTokenStore({ file, clock });
    const issued = await store.issue({ actorId: 'lead.one', role: 'evaluation_lead', label: 'laptop' });
    expect(issued.token).toMatch(/^cpd_[A-Za-z0-9_-]{43}$/);
    await store.close();

    const reopened = new SqliteTokenStore({ file, clock });
    expect(await reopened.authenticate(issued.token)).toEqual({
      actorId: 'lead.one',
      role: 'evaluation_lead',
      tokenId: issued.tokenId,
    });
    await reopened.close();
  });

  it('stores only the hash: the token never appears in the file', async () => {
    const store = new SqliteTokenStore({ file });
    const { token } = await store.issue({ actorId: 'a', role: 'auditor', label: 'audit 2026' });
    await store.close();
    const bytes = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    expect(bytes.includes(Buffer.from(token))).toBe(false);
    expect(bytes.includes(Buffer.from(token.slice(4)))).toBe(false);
  });

  it('refuses unknown, altered and revoked tokens', async () => {
    const store = new SqliteTokenStore({ file, clock });
    const issued = await store.issue({ actorId: 'rec.one', role: 'recorder', label: 'tablet' });
    const other = await store.issue({ actorId: 'rec.two', role: 'recorder', label: 'tablet' });
    expect(await store.authenticate('cpd_unknown')).toBeUndefined();
    expect(await store.authenticate(issued.token.slice(4))).toBeUndefined();
    expect(await store.authenticate(issued.token.slice(0, -1) + (issued.token.endsWith('A') ? 'B' : 'A'))).toBeUndefined();

    expect(await store.revoke(issued.tokenId)).toBe(true);
    expect(await store.authenticate(issued.token)).toBeUndefined();
    expect(await store.revoke(issued.tokenId)).toBe(false);
    expect(await store.revoke('no-such-token')).toBe(false);
    expect(await store.authenticate(other.token)).toMatchObject({ actorId: 'rec.two' });
    await store.close();
  });

  it('lists tokens with their state but never their values', async () => {
    const store = new SqliteTokenStore({ file, clock });
    const a = await store.issue({ actorId: 'admin', role: 'administrator', label: 'setup' });
    await store.issue({ actorId: 'viewer.one', role: 'viewer', label: 'dashboard' });
    await store.revoke(a.tokenId);
    const listed = await store.list();
    expect(listed).toHaveLength(2);
    expect(listed.find((t) => t.tokenId === a.tokenId)).toEqual({
      tokenId: a.tokenId,
      actorId: 'admin',
      role: 'administrator',
      label: 'setup',
      issuedAt: '2026-05-01T09:00:00.000Z',
      revokedAt: '2026-05-01T09:00:00.000Z',
      expiresAt: '2026-07-30T09:00:00.000Z',
    });
    expect(JSON.stringify(listed)).not.toMatch(/cpd_|hash/);
    await store.close();
  });

  it('expires a token after its lifetime (90 days unless configured), saying when, and never authenticates it again', async () => {
    let now = new Date('2026-05-01T09:00:00.000Z');
    const store = new SqliteTokenStore({ file, clock: () => now, defaultLifetimeDays: 10 });
    const issued = await store.issue({ actorId: 'ann', role: 'recorder', label: '' });
    const short = await store.issue({ actorId: 'ann', role: 'recorder', label: '', lifetimeMs: 60_000 });
    expect(issued.expiresAt).toBe('2026-05-11T09:00:00.000Z');
    expect(short.expiresAt).toBe('2026-05-01T09:01:00.000Z');
    now = new Date('2026-05-11T08:59:59.999Z');
    expect(await store.authenticate(issued.token)).toMatchObject({ actorId: 'ann' });
    expect(await store.expiredAt(issued.token)).toBeUndefined();
    expect(await store.authenticate(short.token)).toBeUndefined();
    expect(await store.expiredAt(short.token)).toBe('2026-05-01T09:01:00.000Z');
    now = new Date('2026-05-11T09:00:00.000Z');
    expect(await store.authenticate(issued.token)).toBeUndefined();
    expect(await store.expiredAt(issued.token)).toBe('2026-05-11T09:00:00.000Z');
    await store.close();
  });

  it('rotates a token in one step: the new one carries the holder, role, label and participant; the old one is revoked', async () => {
    const store = new SqliteTokenStore({ file, clock });
    const old = await store.issue({ actorId: 'ann', role: 'evaluation_lead', label: 'laptop', participantId: 'part-4' });
    const rotated = await store.rotate(old.tokenId, { lifetimeMs: 3_600_000 });
    expect(rotated).toMatchObject({
      actorId: 'ann',
      role: 'evaluation_lead',
      label: 'laptop',
      participantId: 'part-4',
      expiresAt: '2026-05-01T10:00:00.000Z',
    });
    expect(await store.authenticate(rotated!.token)).toMatchObject({ actorId: 'ann', tokenId: rotated!.tokenId });
    expect(await store.authenticate(old.token)).toBeUndefined();
    expect(await store.expiredAt(old.token)).toBeUndefined();
    expect(await store.rotate(old.tokenId)).toBeUndefined();
    await store.close();
  });

  it('refuses a token for an unknown role or without an actor', async () => {
    const store = new SqliteTokenStore({ file });
    await expect(store.issue({ actorId: 'x', role: 'superuser' as never, label: '' })).rejects.toThrow(
      /unknown role "superuser"; choose one of administrator, evaluation_lead, recorder, auditor, viewer/,
    );
    await expect(store.issue({ actorId: ' ', role: 'viewer', label: '' })).rejects.toThrow(/actorId/);
    await store.close();
  });

  it('shares the keys file with the key store without either disturbing the other', async () => {
    const keys = new SqliteKeyStore({ file });
    const tokens = new SqliteTokenStore({ file });
    const key = await keys.getOrCreateKey('participant-1');
    const issued = await tokens.issue({ actorId: 'lead', role: 'evaluation_lead', label: '' });
    await keys.destroyKey('participant-1');
    expect(await tokens.authenticate(issued.token)).toMatchObject({ actorId: 'lead' });
    expect(await keys.getKey('participant-1')).toBeUndefined();
    expect(key).toHaveLength(32);
    await tokens.close();
    await keys.close();
  });
});
