import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { checkpointAndTruncateWal, openSecretsDatabase } from '../sqlite/secrets-database';
import { assertSubjectId, KeyDestroyedError, KeyStore, KeyUnavailableError, SUBJECT_KEY_BYTES } from './key-store.port';
import { MASTER_KEY_ENV, unwrapKey, wrapKey } from './master-key';

export interface SqliteKeyStoreOptions {
  /** Path of the keys file (for example `data/keys.db`), never the events file; or `:memory:`. */
  file: string;
  /** When given, new keys are stored wrapped under it (see masterKeyFromEnv). */
  masterKey?: Buffer;
  /** Source of the destruction time; defaults to the system clock. */
  clock?: () => Date;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS subject_keys (
  subject_id  TEXT    PRIMARY KEY,
  key         BLOB    NOT NULL,
  wrapped     INTEGER NOT NULL,
  created_at  TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS destroyed_keys (
  subject_id    TEXT PRIMARY KEY,
  destroyed_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS record_binding (
  id           INTEGER PRIMARY KEY CHECK (id = 1),
  check_value  TEXT NOT NULL,
  bound_at     TEXT NOT NULL
);
`;

/** The check value a keys file carries: which event record its keys belong to (see key-custody.ts). */
export interface RecordBinding {
  checkValue: string;
  boundAt: string;
}

interface KeyRow {
  key: Buffer;
  wrapped: number;
}

/**
 * Subject keys in their own SQLite file. Destroying a key deletes its row with secure_delete on and
 * truncates the WAL, so the key bytes are overwritten in the file, and leaves a tombstone so the
 * subject can never be given a new key.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly masterKey: Buffer | undefined;
  private readonly clock: () => Date;
  private readonly statements: ReturnType<SqliteKeyStore['prepare']>;
  private walNeedsTruncating = false;
  private closed = false;
  private readonly file: string;
  private readonly identity: { dev: number; ino: number } | undefined;

  constructor(options: SqliteKeyStoreOptions) {
    if (options.masterKey !== undefined && options.masterKey.length !== SUBJECT_KEY_BYTES) {
      throw new Error(`the master key must be ${SUBJECT_KEY_BYTES} bytes, got ${options.masterKey.length}`);
    }
    this.file = options.file;
    this.db = openSecretsDatabase(options.file);
    this.db.exec(SCHEMA);
    this.identity = fileIdentity(options.file);
    this.masterKey = options.masterKey;
    this.clock = options.clock ?? (() => new Date());
    this.statements = this.prepare();
  }

  async getOrCreateKey(subjectId: string): Promise<Buffer> {
    assertSubjectId(subjectId);
    this.refuseIfFileLost();
    const existing = this.statements.key.get(subjectId) as KeyRow | undefined;
    if (existing) return this.readable(subjectId, existing);
    const create = this.db.transaction((): Buffer => {
      this.refuseIfDestroyed(subjectId);
      const raced = this.statements.key.get(subjectId) as KeyRow | undefined;
      if (raced) return this.readable(subjectId, raced);
      const key = randomBytes(SUBJECT_KEY_BYTES);
      const stored = this.masterKey ? wrapKey(this.masterKey, subjectId, key) : key;
      this.statements.insertKey.run(subjectId, stored, this.masterKey ? 1 : 0, this.clock().toISOString());
      return key;
    });
    return create.immediate();
  }

  async getKey(subjectId: string): Promise<Buffer | undefined> {
    assertSubjectId(subjectId);
    const row = this.statements.key.get(subjectId) as KeyRow | undefined;
    return row ? this.readable(subjectId, row) : undefined;
  }

  async destroyKey(subjectId: string): Promise<boolean> {
    assertSubjectId(subjectId);
    const destroy = this.db.transaction((): boolean => {
      const deleted = this.statements.deleteKey.run(subjectId).changes > 0;
      this.statements.tombstone.run(subjectId, this.clock().toISOString());
      return deleted;
    });
    const existed = destroy.immediate();
    // A reader holding an old snapshot can block the truncation; it is retried on close.
    this.walNeedsTruncating = !checkpointAndTruncateWal(this.db);
    return existed;
  }

  async isDestroyed(subjectId: string): Promise<boolean> {
    assertSubjectId(subjectId);
    return this.statements.destroyed.get(subjectId) !== undefined;
  }

  /** When the subject's key was destroyed (ISO 8601), or undefined if it was not. */
  async destroyedAt(subjectId: string): Promise<string | undefined> {
    const row = this.statements.destroyed.get(subjectId) as { destroyed_at: string } | undefined;
    return row?.destroyed_at;
  }

  /**
   * Whether the keys file on disk is still the one opened here. A removed or replaced file must never
   * receive new keys: they would be written where nobody can read them again, or beside foreign ones.
   */
  fileProblem(): string | undefined {
    if (!this.identity) return undefined;
    const now = fileIdentity(this.file);
    if (!now) return `the keys file ${this.file} was removed while the service ran`;
    if (now.dev !== this.identity.dev || now.ino !== this.identity.ino) return `the keys file ${this.file} was replaced by another file while the service ran`;
    return undefined;
  }

  /** The record this keys file is bound to, or undefined for a file that was never bound (created before bindings). */
  recordBinding(): RecordBinding | undefined {
    const row = this.db.prepare('SELECT check_value, bound_at FROM record_binding WHERE id = 1').get() as { check_value: string; bound_at: string } | undefined;
    return row ? { checkValue: row.check_value, boundAt: row.bound_at } : undefined;
  }

  /** Binds the file to a record's check value (or moves an unbound-to-events binding on to the first event's). */
  bindToRecord(checkValue: string): void {
    this.db
      .prepare('INSERT INTO record_binding (id, check_value, bound_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET check_value = excluded.check_value, bound_at = excluded.bound_at')
      .run(checkValue, this.clock().toISOString());
  }

  /** How many keys, and tombstones of destroyed keys, the file holds: an emptied file holds neither. */
  contents(): { keys: number; destroyed: number } {
    const count = (table: string) => this.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    return { keys: count('subject_keys'), destroyed: count('destroyed_keys') };
  }

  /** Every subject the file holds a key or a tombstone for. */
  subjectIds(): string[] {
    return this.db.prepare('SELECT subject_id FROM subject_keys UNION SELECT subject_id FROM destroyed_keys').pluck().all() as string[];
  }

  /** SQLite's own check of the file's structure: 'ok', or what is damaged. */
  structureCheck(): string {
    const rows = this.db.pragma('quick_check') as Array<{ quick_check: string }>;
    return rows.map((r) => r.quick_check).join('; ');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.walNeedsTruncating) checkpointAndTruncateWal(this.db);
    this.db.close();
  }

  private refuseIfFileLost(): void {
    const problem = this.fileProblem();
    if (problem) {
      throw new KeyUnavailableError(
        `${problem}; no personal data is recorded until it is back: restore the keys file from the backup taken with the events and restart the service`,
      );
    }
  }

  private refuseIfDestroyed(subjectId: string): void {
    const row = this.statements.destroyed.get(subjectId) as { destroyed_at: string } | undefined;
    if (row) throw new KeyDestroyedError(subjectId, row.destroyed_at);
  }

  private readable(subjectId: string, row: KeyRow): Buffer {
    if (!row.wrapped) return Buffer.from(row.key);
    if (!this.masterKey) {
      throw new KeyUnavailableError(
        `the key of subject ${subjectId} is wrapped with a master key; set ${MASTER_KEY_ENV} to read it`,
      );
    }
    return unwrapKey(this.masterKey, subjectId, row.key);
  }

  private prepare() {
    return {
      key: this.db.prepare('SELECT key, wrapped FROM subject_keys WHERE subject_id = ?'),
      insertKey: this.db.prepare('INSERT INTO subject_keys (subject_id, key, wrapped, created_at) VALUES (?, ?, ?, ?)'),
      deleteKey: this.db.prepare('DELETE FROM subject_keys WHERE subject_id = ?'),
      tombstone: this.db.prepare('INSERT OR IGNORE INTO destroyed_keys (subject_id, destroyed_at) VALUES (?, ?)'),
      destroyed: this.db.prepare('SELECT destroyed_at FROM destroyed_keys WHERE subject_id = ?'),
    };
  }
}

function fileIdentity(file: string): { dev: number; ino: number } | undefined {
  if (file === ':memory:' || file === '') return undefined;
  try {
    const { dev, ino } = statSync(file);
    return { dev, ino };
  } catch {
    return undefined;
  }
}
