import Database from 'better-sqlite3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { openSecretsDatabase } from '../sqlite/secrets-database';
import { AccessRole, ACCESS_ROLES, isAccessRole } from './permissions';
import { AuthenticatedActor, IssuedToken, IssueRequest, TOKEN_PREFIX, TokenStore, TokenSummary } from './token-store.port';

export interface SqliteTokenStoreOptions {
  /** Path of the file (the keys file may be shared), or `:memory:`. */
  file: string;
  clock?: () => Date;
  /** How long a token lasts when its issuer does not say, in days (90 unless configured). */
  defaultLifetimeDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

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
/** Added after the first release: files made before them gain the columns on open. */
const LATER_COLUMNS = ['participant_id', 'expires_at'];

interface TokenRow {
  token_id: string;
  actor_id: string;
  role: string;
  label: string;
  issued_at: string;
  revoked_at: string | null;
  participant_id: string | null;
  expires_at: string | null;
}

/**
 * Access tokens in SQLite. A token is 32 random bytes, base64url, prefixed `cpd_`; only its SHA-256
 * is stored, so the file never holds a usable token. Lookup is by hash, so no comparison leaks timing.
 */
export class SqliteTokenStore implements TokenStore {
  private readonly db: Database.Database;
  private readonly clock: () => Date;
  private readonly statements: ReturnType<SqliteTokenStore['prepare']>;
  private readonly lifetimeMs: number;

  constructor(options: SqliteTokenStoreOptions) {
    this.db = openSecretsDatabase(options.file);
    this.db.exec(SCHEMA);
    const columns = this.db.prepare('PRAGMA table_info(access_tokens)').all() as { name: string }[];
    for (const later of LATER_COLUMNS) {
      if (!columns.some((column) => column.name === later)) this.db.exec(`ALTER TABLE access_tokens ADD COLUMN ${later} TEXT`);
    }
    this.clock = options.clock ?? (() => new Date());
    this.lifetimeMs = (options.defaultLifetimeDays ?? 90) * DAY_MS;
    this.statements = this.prepare();
  }

  async issue(request: IssueRequest): Promise<IssuedToken> {
    return this.issueNow(request);
  }

  private issueNow(request: IssueRequest): IssuedToken {
    if (typeof request.actorId !== 'string' || request.actorId.trim() === '') {
      throw new TypeError('a token needs the id of the person it is for (actorId)');
    }
    if (!isAccessRole(request.role)) {
      throw new TypeError(`unknown role ${JSON.stringify(request.role)}; choose one of ${ACCESS_ROLES.join(', ')}`);
    }
    const lifetimeMs = request.lifetimeMs ?? this.lifetimeMs;
    if (!Number.isFinite(lifetimeMs) || lifetimeMs <= 0) throw new TypeError('a token must last some time: give a lifetime of at least a minute');
    const now = this.clock();
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const summary: TokenSummary = {
      tokenId: randomUUID(),
      actorId: request.actorId.trim(),
      role: request.role,
      label: (request.label ?? '').trim(),
      issuedAt: now.toISOString(),
      revokedAt: null,
      expiresAt: new Date(now.getTime() + lifetimeMs).toISOString(),
      ...(request.participantId?.trim() ? { participantId: request.participantId.trim() } : {}),
    };
    this.statements.insert.run(
      summary.tokenId,
      hashToken(token),
      summary.actorId,
      summary.role,
      summary.label,
      summary.issuedAt,
      summary.participantId ?? null,
      summary.expiresAt,
    );
    return { ...summary, token };
  }

  /**
   * Replaces a token with a new one for the same person, role, label and participant, and revokes the
   * old one in the same transaction: there is never a moment with both or neither. Undefined when no
   * active token has that id.
   */
  async rotate(tokenId: string, options: { lifetimeMs?: number } = {}): Promise<IssuedToken | undefined> {
    const row = this.statements.byId.get(tokenId) as TokenRow | undefined;
    if (!row || row.revoked_at !== null || !isAccessRole(row.role)) return undefined;
    const swap = this.db.transaction((): IssuedToken => {
      if (this.statements.revoke.run(this.clock().toISOString(), tokenId).changes === 0) throw new Error(`token ${tokenId} was revoked meanwhile`);
      return this.issueNow({
        actorId: row.actor_id,
        role: row.role as AccessRole,
        label: row.label,
        ...(row.participant_id ? { participantId: row.participant_id } : {}),
        ...(options.lifetimeMs !== undefined ? { lifetimeMs: options.lifetimeMs } : {}),
      });
    });
    return swap.immediate();
  }

  /** When a known, unrevoked token stopped working because it expired; undefined for any other token. */
  async expiredAt(token: string): Promise<string | undefined> {
    if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) return undefined;
    const row = this.statements.byHash.get(hashToken(token)) as TokenRow | undefined;
    if (!row || row.revoked_at !== null) return undefined;
    const expiry = this.expiryOf(row);
    return expiry <= this.clock().toISOString() ? expiry : undefined;
  }

  async authenticate(token: string): Promise<AuthenticatedActor | undefined> {
    if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) return undefined;
    const row = this.statements.byHash.get(hashToken(token)) as TokenRow | undefined;
    if (!row || row.revoked_at !== null || !isAccessRole(row.role)) return undefined;
    if (this.expiryOf(row) <= this.clock().toISOString()) return undefined;
    return { actorId: row.actor_id, role: row.role, tokenId: row.token_id, ...(row.participant_id ? { participantId: row.participant_id } : {}) };
  }

  async isCurrent(tokenId: string): Promise<boolean> {
    const row = this.statements.byId.get(tokenId) as TokenRow | undefined;
    return row !== undefined && row.revoked_at === null && this.expiryOf(row) > this.clock().toISOString();
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
      expiresAt: this.expiryOf(row),
      ...(row.participant_id ? { participantId: row.participant_id } : {}),
    }));
  }

  /** A token issued before tokens carried an expiry lasts the default lifetime from when it was issued. */
  private expiryOf(row: TokenRow): string {
    return row.expires_at ?? new Date(Date.parse(row.issued_at) + this.lifetimeMs).toISOString();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private prepare() {
    return {
      insert: this.db.prepare(
        'INSERT INTO access_tokens (token_id, token_hash, actor_id, role, label, issued_at, participant_id, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      byHash: this.db.prepare(
        'SELECT token_id, actor_id, role, label, issued_at, revoked_at, participant_id, expires_at FROM access_tokens WHERE token_hash = ?',
      ),
      revoke: this.db.prepare('UPDATE access_tokens SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL'),
      all: this.db.prepare(
        'SELECT token_id, actor_id, role, label, issued_at, revoked_at, participant_id, expires_at FROM access_tokens ORDER BY issued_at, token_id',
      ),
      byId: this.db.prepare(
        'SELECT token_id, actor_id, role, label, issued_at, revoked_at, participant_id, expires_at FROM access_tokens WHERE token_id = ?',
      ),
    };
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
