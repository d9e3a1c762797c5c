import { Request } from 'express';
import { TOKEN_PREFIX, TokenStore } from '@coprod/privacy';
import { RequestActor } from '../http/request-actor';

/** Why no actor could be resolved, for the `WWW-Authenticate` answer. */
export type Unresolved = { reason: 'missing' | 'invalid'; detail: string };

/**
 * Works out who is making a request. The guard calls the configured resolver; an OIDC deployment
 * provides its own (validating an ID token and mapping its claims to a role) under ACTOR_RESOLVER.
 */
export interface ActorResolver {
  resolve(request: Request): Promise<RequestActor | Unresolved>;
}

export const ACTOR_RESOLVER = Symbol('ACTOR_RESOLVER');

/** Bearer tokens issued by `coprod token issue`, checked against their hashes in the keys file. */
export class BearerTokenResolver implements ActorResolver {
  constructor(private readonly tokens: TokenStore) {}

  async resolve(request: Request): Promise<RequestActor | Unresolved> {
    const header = request.headers.authorization;
    if (!header) return { reason: 'missing', detail: 'this needs a bearer token: send Authorization: Bearer cpd_... (an administrator issues one with coprod token issue)' };
    const match = /^Bearer +(\S+)$/i.exec(header);
    if (!match || !match[1].startsWith(TOKEN_PREFIX)) {
      return { reason: 'invalid', detail: `the Authorization header must be "Bearer ${TOKEN_PREFIX}..." with a token from coprod token issue` };
    }
    const actor = await this.tokens.authenticate(match[1]);
    if (!actor) {
      const expired = await this.tokens.expiredAt(match[1]);
      if (expired) return { reason: 'invalid', detail: `the bearer token expired on ${expired}: ask an administrator for a new one (coprod token rotate)` };
      return { reason: 'invalid', detail: 'the bearer token is unknown or was revoked: ask an administrator for a new one' };
    }
    return { id: actor.actorId, role: actor.role, ...(actor.participantId ? { participantId: actor.participantId } : {}) };
  }
}

/** Everyone is the configured local identity: for one person on their own machine (loopback only). */
export class LocalActorResolver implements ActorResolver {
  constructor(private readonly actor: RequestActor) {}

  async resolve(): Promise<RequestActor> {
    return { ...this.actor };
  }
}

/** Whether a resolver answered with an actor. */
export function isActor(result: RequestActor | Unresolved): result is RequestActor {
  return 'id' in result;
}

/** Who signed in to the web interface, kept in their server-side session. */
export interface SessionWithActor {
  actor?: RequestActor;
  /** When a council sign-in ends however active the person is (epoch milliseconds); the idle timeout applies as well. */
  signedInUntil?: number;
  /** The access token someone signed in with: revoking or expiring it ends the session too. */
  tokenId?: string;
}

/**
 * The web interface's people sign in once and are remembered by their session; machine clients send
 * their bearer token with every request. A request with an Authorization header is always judged by
 * it; otherwise a signed-in session decides, then the configured resolver (the local identity).
 */
export class SessionAwareResolver implements ActorResolver {
  constructor(
    private readonly primary: ActorResolver,
    private readonly tokens?: Pick<TokenStore, 'isCurrent'>,
  ) {}

  async resolve(request: Request): Promise<RequestActor | Unresolved> {
    const session = (request as Request & { session?: SessionWithActor }).session;
    // A session is worth no more than what it was opened with: a revoked or expired token ends it at once.
    const tokenHolds = session?.tokenId === undefined || !this.tokens || (await this.tokens.isCurrent(session.tokenId));
    const current = tokenHolds && (session?.signedInUntil === undefined || Date.now() < session.signedInUntil);
    const signedIn = current ? session?.actor : undefined;
    if (!request.headers.authorization && signedIn) return { ...signedIn };
    return this.primary.resolve(request);
  }
}
