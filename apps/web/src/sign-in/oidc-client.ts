import type * as OpenIdClient from 'openid-client';
import { OidcSettings } from './oidc-settings';

/** What a sign-in keeps in the server-side session between sending someone to the provider and their return. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
}

/** Why a sign-in failed, each with its own page. */
export type SignInFailure =
  | { kind: 'unreachable'; detail: string }
  | { kind: 'mismatch'; detail: string }
  | { kind: 'refused'; detail: string }
  | { kind: 'unverified'; detail: string };

/** A sign-in failure, carrying which page explains it. */
export class SignInError extends Error {
  constructor(readonly failure: SignInFailure) {
    super(failure.detail);
  }
}

/** How long discovery and token requests may take before the provider is taken to be down. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * openid-client 6 is an ES module. Node 20.19 and later `require()` it from CommonJS, so it loads when
 * sign-in is configured (and only then: jest's module loader cannot load it, so nothing else pays for it).
 */
function openIdClient(): typeof OpenIdClient {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('openid-client') as typeof OpenIdClient;
}

/**
 * The relying party: discovery from the issuer (kept once it succeeds, tried again while it fails),
 * the authorisation request with PKCE, state and nonce, the code exchange with every ID token check
 * (including its signature, which openid-client skips by default for a token endpoint's answer), and
 * the provider's end-session address.
 */
export class OidcRelyingParty {
  private configuration: Promise<OpenIdClient.Configuration> | undefined;

  constructor(readonly settings: OidcSettings) {}

  /** The provider's authorisation address for a new sign-in, and what to keep in the session until the person returns. */
  async start(returnTo: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const client = openIdClient();
    const config = await this.discovered();
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      returnTo,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri.href,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /** Exchanges the code the provider sent back for tokens, checking state, PKCE, nonce, issuer, audience, expiry and signature. */
  async finish(query: string, pending: PendingSignIn): Promise<{ claims: Record<string, unknown>; idToken: string }> {
    const client = openIdClient();
    const config = await this.discovered();
    const answer = new URL(this.settings.redirectUri.href);
    answer.search = query;
    try {
      const tokens = await client.authorizationCodeGrant(config, answer, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims || !tokens.id_token) throw new SignInError({ kind: 'unverified', detail: 'the provider sent no ID token' });
      return { claims: claims as Record<string, unknown>, idToken: tokens.id_token };
    } catch (error) {
      throw classify(error, client);
    }
  }

  /** Where to send someone so the provider ends its session too, or undefined if the provider offers no end-session endpoint. */
  async endSessionUrl(idToken: string | undefined): Promise<URL | undefined> {
    const client = openIdClient();
    const config = await this.discovered();
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(config, {
      post_logout_redirect_uri: this.settings.postLogoutRedirectUri.href,
      client_id: this.settings.clientId,
      ...(idToken ? { id_token_hint: idToken } : {}),
    });
  }

  private discovered(): Promise<OpenIdClient.Configuration> {
    if (!this.configuration) {
      const client = openIdClient();
      const { issuer, clientId, clientSecret, allowHttp } = this.settings;
      this.configuration = client
        .discovery(issuer, clientId, clientSecret, clientSecret ? client.ClientSecretPost(clientSecret) : client.None(), {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          ...(allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
        })
        .then((config) => {
          client.enableNonRepudiationChecks(config);
          return config;
        })
        .catch((error: unknown) => {
          // Not kept: the next sign-in asks the provider again, so a provider that comes back is used without a restart.
          this.configuration = undefined;
          throw new SignInError({
            kind: 'unreachable',
            detail: `the provider's discovery document at ${issuer.href} could not be read: ${reasonOf(error)}`,
          });
        });
    }
    return this.configuration;
  }
}

/** Sorts an openid-client error into the page that explains it. */
function classify(error: unknown, client: typeof OpenIdClient): SignInError {
  if (error instanceof SignInError) return error;
  const reason = reasonOf(error);
  if (error instanceof client.AuthorizationResponseError) return new SignInError({ kind: 'refused', detail: reason });
  if (isNetworkFailure(error)) return new SignInError({ kind: 'unreachable', detail: `the provider's token endpoint did not answer: ${reason}` });
  if (/"state"/.test(reason)) return new SignInError({ kind: 'mismatch', detail: reason });
  return new SignInError({ kind: 'unverified', detail: reason });
}

function isNetworkFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  return error instanceof TypeError && /fetch failed/i.test(error.message);
}

/** openid-client wraps oauth4webapi's errors under a general message; the cause says which check failed. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  if (!(cause instanceof Error)) return error.message;
  const code = (cause as Error & { code?: unknown }).code;
  return `${error.message}: ${cause.message}${typeof code === 'string' && !cause.message.includes(code) ? ` (${code})` : ''}`;
}
