import { ACCESS_ROLES, AccessRole, isAccessRole } from '@coprod/privacy';
import { isLoopback } from '../../../api/src/auth/loopback';

/** Where the provider sends people back to, on this service: the redirect URI registered with the provider ends with it. */
export const CALLBACK_PATH = '/sign-in/oidc/callback';
/** Where the provider sends people once it has signed them out too: register it as the post-logout redirect URI. */
export const SIGNED_OUT_PATH = '/signed-out';

/** How this service signs people in with their council's own accounts (OpenID Connect), as configured. */
export interface OidcSettings {
  /** The provider's issuer URL: its discovery document is at `<issuer>/.well-known/openid-configuration`. */
  issuer: URL;
  clientId: string;
  /** Absent for a public client, which then relies on PKCE alone. */
  clientSecret: string | undefined;
  redirectUri: URL;
  /** Where the provider returns people after signing them out. */
  postLogoutRedirectUri: URL;
  scopes: string;
  /** The claim holding the person's roles or groups (Entra ID: `roles`). */
  roleClaim: string;
  /** Claim values and the product role each gives, in order: the first that someone holds decides their role. */
  roles: readonly { value: string; role: AccessRole }[];
  /** The claim naming the participant record this member of staff is, if the council keeps one. */
  participantClaim: string | undefined;
  /** How the provider is called on the sign-in button: "Sign in with <name>". */
  name: string;
  /** Who to ask for access, named on the "You do not have access" page. */
  accessContact: string;
  /** A fixed session length in minutes, instead of the ID token's own expiry. */
  maxSessionMinutes: number | undefined;
  /** Plain HTTP is allowed only for a provider on this machine (development and tests). */
  allowHttp: boolean;
}

/** The settings, parsed from the environment, or undefined when sign-in with council accounts is not configured. */
export function oidcSettingsFrom(env: NodeJS.ProcessEnv, defaults: { publisher: string; auth: 'tokens' | 'local' }): OidcSettings | undefined {
  const issuerText = env.COPROD_OIDC_ISSUER?.trim();
  if (!issuerText) {
    const stray = Object.keys(env).filter((key) => key.startsWith('COPROD_OIDC_') && env[key]);
    if (stray.length > 0)
      throw new Error(
        `${stray.join(', ')} ${stray.length === 1 ? 'is' : 'are'} set but COPROD_OIDC_ISSUER is not: set the issuer URL to sign in with council accounts, or unset them`,
      );
    return undefined;
  }
  if (defaults.auth === 'local') {
    throw new Error(
      'COPROD_OIDC_ISSUER is set but COPROD_AUTH=local treats every request as one local person: use COPROD_AUTH=tokens (the default) with council sign-in',
    );
  }
  const issuer = absoluteUrl('COPROD_OIDC_ISSUER', issuerText);
  const allowHttp = issuer.protocol === 'http:' && isLoopback(issuer.hostname.replace(/^\[|\]$/g, ''));
  if (issuer.protocol !== 'https:' && !allowHttp)
    throw new Error(`COPROD_OIDC_ISSUER must be an https:// address (plain http is allowed only on this machine), got "${issuerText}"`);
  const clientId = required(env, 'COPROD_OIDC_CLIENT_ID', 'the application (client) id the provider gave this service');
  const redirectUri = absoluteUrl(
    'COPROD_OIDC_REDIRECT_URI',
    required(env, 'COPROD_OIDC_REDIRECT_URI', `this service's address followed by ${CALLBACK_PATH}`),
  );
  if (redirectUri.pathname !== CALLBACK_PATH) {
    throw new Error(
      `COPROD_OIDC_REDIRECT_URI must end with ${CALLBACK_PATH} (where this service reads the provider's answer), got "${redirectUri.href}"`,
    );
  }
  if (redirectUri.protocol !== 'https:' && !isLoopback(redirectUri.hostname)) {
    throw new Error(`COPROD_OIDC_REDIRECT_URI must be an https:// address (plain http is allowed only on this machine), got "${redirectUri.href}"`);
  }
  const postLogout = env.COPROD_OIDC_POST_LOGOUT_URI?.trim();
  const scopes = (env.COPROD_OIDC_SCOPES ?? 'openid profile').trim().split(/\s+/);
  if (!scopes.includes('openid')) throw new Error(`COPROD_OIDC_SCOPES must include openid, got "${env.COPROD_OIDC_SCOPES}"`);
  const maxText = env.COPROD_OIDC_SESSION_MINUTES?.trim();
  const maxSessionMinutes = maxText ? Number(maxText) : undefined;
  if (maxSessionMinutes !== undefined && (!Number.isInteger(maxSessionMinutes) || maxSessionMinutes < 1)) {
    throw new Error(`COPROD_OIDC_SESSION_MINUTES must be a whole number of minutes, got "${maxText}"`);
  }
  return {
    issuer,
    clientId,
    clientSecret: env.COPROD_OIDC_CLIENT_SECRET?.trim() || undefined,
    redirectUri,
    postLogoutRedirectUri: postLogout ? absoluteUrl('COPROD_OIDC_POST_LOGOUT_URI', postLogout) : new URL(SIGNED_OUT_PATH, redirectUri),
    scopes: scopes.join(' '),
    roleClaim: env.COPROD_OIDC_ROLE_CLAIM?.trim() || 'roles',
    roles: roleMapping(
      required(env, 'COPROD_OIDC_ROLES', 'which claim values give which role, e.g. CoProd.Lead=evaluation_lead,CoProd.Admin=administrator'),
    ),
    participantClaim: env.COPROD_OIDC_PARTICIPANT_CLAIM?.trim() || undefined,
    name: env.COPROD_OIDC_NAME?.trim() || defaults.publisher,
    accessContact: env.COPROD_OIDC_ACCESS_CONTACT?.trim() || 'the administrator of this service',
    maxSessionMinutes,
    allowHttp,
  };
}

/** Parses `value=role,value=role`; a value may itself hold `=`, so the role is what follows the last one. */
export function roleMapping(text: string): { value: string; role: AccessRole }[] {
  const entries = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new Error('COPROD_OIDC_ROLES maps no claim value to a role: nobody could use the service');
  const seen = new Set<string>();
  return entries.map((entry) => {
    const at = entry.lastIndexOf('=');
    const value = at > 0 ? entry.slice(0, at).trim() : '';
    const role = at > 0 ? entry.slice(at + 1).trim() : '';
    if (!value || !role) throw new Error(`COPROD_OIDC_ROLES entries are claim value=role, got "${entry}"`);
    if (!isAccessRole(role))
      throw new Error(`COPROD_OIDC_ROLES maps "${value}" to "${role}", which is not a role: use one of ${ACCESS_ROLES.join(', ')}`);
    if (seen.has(value)) throw new Error(`COPROD_OIDC_ROLES maps "${value}" twice: give each claim value one role`);
    seen.add(value);
    return { value, role };
  });
}

function required(env: NodeJS.ProcessEnv, name: string, what: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`${name} is needed to sign in with council accounts (COPROD_OIDC_ISSUER is set): set it to ${what}`);
  return value;
}

function absoluteUrl(name: string, text: string): URL {
  try {
    return new URL(text);
  } catch {
    throw new Error(`${name} must be a full address such as https://..., got "${text}"`);
  }
}
