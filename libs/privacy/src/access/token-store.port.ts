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
  participantId?: string;
}

/** A newly issued token: the only time its plaintext value is ever shown. */
export interface IssuedToken extends TokenSummary {
  token: string;
}

/** Bearer tokens for the API and CLI, stored only as hashes. */
export interface TokenStore {
  issue(request: { actorId: string; role: AccessRole; label: string; participantId?: string }): Promise<IssuedToken>;
  /** Who the token belongs to, or undefined when it is unknown or revoked. */
  authenticate(token: string): Promise<AuthenticatedActor | undefined>;
  /** Revokes a token; returns whether an active token was revoked. */
  revoke(tokenId: string): Promise<boolean>;
  list(): Promise<TokenSummary[]>;
  close(): Promise<void>;
}

/** Injection token for the configured token store. */
export const TOKEN_STORE = Symbol('TOKEN_STORE');
