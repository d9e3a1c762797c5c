import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyDestroyedError, KeyUnavailableError } from './key-store.port';
import { masterKeyFromEnv } from './master-key';
import { SqliteKeyStore } from './sqlite-key-store';

describe('SqliteKeyStore', () => {
  let dir: string;
  let file: string;
  const clock = () => new Date('2026-04-01T12:00:00.000Z');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-keys-'));
    file = join(dir, 'data', 'keys.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function fileBytes(): Buffer {
    const parts = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f));
    return Buffer.concat(parts);
  }

  it('gives each subject one 32-byte key that survives reopening', async () => {
    const store = new SqliteKeyStore({ file, clock });
    const first = await store.getOrCreateKey('participant-1');
    expect(first).toHaveLength(32);
    expect(await store.getOrCreateKey('participant-1')).toEqual(first);
    expect(await store.getOrCreateKey('participant-2')).not.toEqual(first);
    await store.close();

    const reopened = new SqliteKeyStore({ file, clock });
    expect(await reopened.getKey('participant-1')).toEqual(first);
    expect(await reopened.getKey('never-seen')).toBeUndefined();
    await reopened.close();
  });

  it('opens the keys file durably: WAL, synchronous FULL and secure_delete on every open', async () => {
    const store = new SqliteKeyStore({ file });
    await store.getOrCreateKey('participant-1');
    await store.close();
    const reopened = new SqliteKeyStore({ file });
    const db = (reopened as unknown as { db: Database.Database }).db;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    await reopened.close();
  });

  it('destroys a key for good: gone, remembered, and never replaced by a new one', async () => {
    const store = new SqliteKeyStore({ file, clock });
    await store.getOrCreateKey('participant-1');
    expect(await store.destroyKey('participant-1')).toBe(true);
    expect(await store.getKey('participant-1')).toBeUndefined();
    expect(await store.isDestroyed('participant-1')).toBe(true);
    expect(await store.destroyedAt('participant-1')).toBe('2026-04-01T12:00:00.000Z');
    await expect(store.getOrCreateKey('participant-1')).rejects.toThrow(KeyDestroyedError);
    await expect(store.getOrCreateKey('participant-1')).rejects.toThrow(/erased on 2026-04-01T12:00:00.000Z/);
    expect(await store.destroyKey('participant-1')).toBe(false);
    await store.close();

    const reopened = new SqliteKeyStore({ file, clock });
    await expect(reopened.getOrCreateKey('participant-1')).rejects.toThrow(KeyDestroyedError);
    await reopened.close();
  });

  it('refuses a key to a subject erased before any key was made for them', async () => {
    const store = new SqliteKeyStore({ file });
    expect(await store.destroyKey('participant-9')).toBe(false);
    expect(await store.isDestroyed('participant-9')).toBe(true);
    await expect(store.getOrCreateKey('participant-9')).rejects.toThrow(KeyDestroyedError);
    await store.close();
  });

  it('leaves no copy of a destroyed key in the keys file or its WAL', async () => {
    const store = new SqliteKeyStore({ file });
    const erased = await store.getOrCreateKey('participant-1');
    const kept = await store.getOrCreateKey('participant-2');
    expect(fileBytes().includes(erased)).toBe(true);
    await store.destroyKey('participant-1');
    expect(fileBytes().includes(erased)).toBe(false);
    expect(fileBytes().includes(kept)).toBe(true);
    await store.close();
    expect(fileBytes().includes(erased)).toBe(false);
  });

  describe('with a master key', () => {
    const masterKey = randomBytes(32);

    it('stores keys wrapped, so the file alone does not reveal them', async () => {
      const store = new SqliteKeyStore({ file, masterKey });
      const key = await store.getOrCreateKey('participant-1');
      await store.close();
      expect(fileBytes().includes(key)).toBe(false);
      const reopened = new SqliteKeyStore({ file, masterKey });
      expect(await reopened.getKey('participant-1')).toEqual(key);
      await reopened.close();
    });

    it('refuses to read wrapped keys without the master key or with a different one', async () => {
      const store = new SqliteKeyStore({ file, masterKey });
      await store.getOrCreateKey('participant-1');
      await store.close();
      const without = new SqliteKeyStore({ file });
      await expect(without.getKey('participant-1')).rejects.toThrow(/set COPROD_MASTER_KEY/);
      await without.close();
      const wrong = new SqliteKeyStore({ file, masterKey: randomBytes(32) });
      await expect(wrong.getKey('participant-1')).rejects.toThrow(KeyUnavailableError);
      await wrong.close();
    });

    it('reads the master key from COPROD_MASTER_KEY and refuses a malformed one', () => {
      expect(masterKeyFromEnv({})).toBeUndefined();
      expect(masterKeyFromEnv({ COPROD_MASTER_KEY: masterKey.toString('base64') })).toEqual(masterKey);
      expect(() => masterKeyFromEnv({ COPROD_MASTER_KEY: randomBytes(16).toString('base64') })).toThrow(
        /exactly 32 random bytes \(got 16 bytes\)/,
      );
      expect(() => masterKeyFromEnv({ COPROD_MASTER_KEY: 'not base64!' })).toThrow(/COPROD_MASTER_KEY must be base64/);
    });
  });
});
