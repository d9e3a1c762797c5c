import { AccessRole } from './permissions';

/** Prefix of every access token, so a leaked one is recognisable in logs and secret scanners. */
export const TOKEN_PREFIX = 'cpd_';

/** What a presented token proves. */
export interface AuthenticatedActor {
  actorId: string;
  role: AccessRole;
  tokenId: string;
  /** The participant record the holder is, when they also take part (segregation of duties rests on it). */
  participantId?: string;
}

/** A token as listed: never its value or hash. */
export interface TokenSummary {
  tokenId: string;
  actorId: string;
  role: AccessRole;
  label: string;
  issuedAt: string;
  revokedAt: string | null;
  /** When it stops working (tokens expire: 90 days unless configured or issued otherwise). */
  expiresAt: string;
  participantId?: string;
}

/** What a new token is for, and how long it lasts (the store's default lifetime unless given). */
export interface IssueRequest {
  actorId: string;
  role: AccessRole;
  label: string;
  participantId?: string;
  lifetimeMs?: number;
}

/** A newly issued token: the only time its plaintext value is ever shown. */
export interface IssuedToken extends TokenSummary {
  token: string;
}

/** Bearer tokens for the API and CLI, stored only as hashes. */
export interface TokenStore {
  issue(request: IssueRequest): Promise<IssuedToken>;
  /** Who the token belongs to, or undefined when it is unknown, revoked or expired. */
  authenticate(token: string): Promise<AuthenticatedActor | undefined>;
  /** When a token that would otherwise work expired, to tell its holder why it was refused; undefined otherwise. */
  expiredAt(token: string): Promise<string | undefined>;
  /** A new token for the same holder and role, the old one revoked at the same moment; undefined when no active token has the id. */
  rotate(tokenId: string, options?: { lifetimeMs?: number }): Promise<IssuedToken | undefined>;
  /** Whether the token with this id can still be used: issued, not revoked, not expired (a signed-in web session rests on it). */
  isCurrent(tokenId: string): Promise<boolean>;
  /** Revokes a token; returns whether an active token was revoked. */
  revoke(tokenId: string): Promise<boolean>;
  list(): Promise<TokenSummary[]>;
  close(): Promise<void>;
}

/** Injection token for the configured token store. */
export const TOKEN_STORE = Symbol('TOKEN_STORE');
