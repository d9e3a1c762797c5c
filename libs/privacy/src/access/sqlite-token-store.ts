import Database from 'better-sqlite3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { openSecretsDatabase } from '../sqlite/secrets-database';
import { AccessRole, ACCESS_ROLES, isAccessRole } from './permissions';
import { AuthenticatedActor, IssuedToken, TOKEN_PREFIX, TokenStore, TokenSummary } from './token-store.port';

export interface SqliteTokenStoreOptions {
  /** Path of the file (the keys file may be shared), or `:memory:`. */
  file: string;
  clock?: () => Date;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS access_tokens (
  token_id    TEXT PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  actor_id    TEXT NOT NULL,
  role        TEXT NOT NULL,
  label       TEXT NOT NULL,
  issued_at   TEXT NOT NULL,
  revoked_at  TEXT
);
`;
/** Added after the first release: files made before it gain the column on open. */
const PARTICIPANT_COLUMN = 'participant_id';

interface TokenRow {
  token_id: string;
  actor_id: string;
  role: string;
  label: string;
  issued_at: string;
  revoked_at: string | null;
  participant_id: string | null;
}

/**
 * Access tokens in SQLite. A token is 32 random bytes, base64url, prefixed `cpd_`; only its SHA-256
 * is stored, so the file never holds a usable token. Lookup is by hash, so no comparison leaks timing.
 */
export class SqliteTokenStore implements TokenStore {
  private readonly db: Database.Database;
  private readonly clock: () => Date;
  private readonly statements: ReturnType<SqliteTokenStore['prepare']>;

  constructor(options: SqliteTokenStoreOptions) {
    this.db = openSecretsDatabase(options.file);
    this.db.exec(SCHEMA);
    const columns = this.db.prepare('PRAGMA table_info(access_tokens)').all() as { name: string }[];
    if (!columns.some((column) => column.name === PARTICIPANT_COLUMN)) this.db.exec(`ALTER TABLE access_tokens ADD COLUMN ${PARTICIPANT_COLUMN} TEXT`);
    this.clock = options.clock ?? (() => new Date());
    this.statements = this.prepare();
  }

  async issue(request: { actorId: string; role: AccessRole; label: string; participantId?: string }): Promise<IssuedToken> {
    if (typeof request.actorId !== 'string' || request.actorId.trim() === '') {
      throw new TypeError('a token needs the id of the person it is for (actorId)');
    }
    if (!isAccessRole(request.role)) {
      throw new TypeError(`unknown role ${JSON.stringify(request.role)}; choose one of ${ACCESS_ROLES.join(', ')}`);
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const summary: TokenSummary = {
      tokenId: randomUUID(),
      actorId: request.actorId.trim(),
      role: request.role,
      label: (request.label ?? '').trim(),
      issuedAt: this.clock().toISOString(),
      revokedAt: null,
      ...(request.participantId?.trim() ? { participantId: request.participantId.trim() } : {}),
    };
    this.statements.insert.run(summary.tokenId, hashToken(token), summary.actorId, summary.role, summary.label, summary.issuedAt, summary.participantId ?? null);
    return { ...summary, token };
  }

  async authenticate(token: string): Promise<AuthenticatedActor | undefined> {
    if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) return undefined;
    const row = this.statements.byHash.get(hashToken(token)) as TokenRow | undefined;
    if (!row || row.revoked_at !== null || !isAccessRole(row.role)) return undefined;
    return { actorId: row.actor_id, role: row.role, tokenId: row.token_id, ...(row.participant_id ? { participantId: row.participant_id } : {}) };
  }

  async revoke(tokenId: string): Promise<boolean> {
    return this.statements.revoke.run(this.clock().toISOString(), tokenId).changes > 0;
  }

  async list(): Promise<TokenSummary[]> {
    return (this.statements.all.all() as TokenRow[]).map((row) => ({
      tokenId: row.token_id,
      actorId: row.actor_id,
      role: row.role as AccessRole,
      label: row.label,
      issuedAt: row.issued_at,
      revokedAt: row.revoked_at,
      ...(row.participant_id ? { participantId: row.participant_id } : {}),
    }));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private prepare() {
    return {
      insert: this.db.prepare(
        'INSERT INTO access_tokens (token_id, token_hash, actor_id, role, label, issued_at, participant_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      byHash: this.db.prepare(
        'SELECT token_id, actor_id, role, label, issued_at, revoked_at, participant_id FROM access_tokens WHERE token_hash = ?',
      ),
      revoke: this.db.prepare('UPDATE access_tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL'),
      all: this.db.prepare(
        'SELECT token_id, actor_id, role, label, issued_at, revoked_at, participant_id FROM access_tokens ORDER BY issued_at, token_id',
      ),
    };
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
