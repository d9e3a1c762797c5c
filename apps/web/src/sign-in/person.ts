import { createHash } from 'node:crypto';
import { AccessRole } from '@coprod/privacy';
import { OidcSettings } from './oidc-settings';

/** Who the provider says signed in, as this service records them. */
export interface SignedInPerson {
  /** Stable across sign-ins and name changes: the provider's subject, namespaced by its issuer. */
  actorId: string;
  /** How the person is called, for pages only: names change, so events record the id. */
  name: string;
  /** Undefined when none of the person's claim values is mapped to a role. */
  role: AccessRole | undefined;
  participantId: string | undefined;
}

/**
 * The actor id for a subject of an issuer. A subject is unique only within its issuer, so the id
 * carries a short digest of the issuer: two providers' subjects can never be the same actor.
 */
export function actorIdFor(issuer: string, subject: string): string {
  const tag = createHash('sha256').update(issuer).digest('hex').slice(0, 12);
  return `oidc-${tag}:${subject}`;
}

/** Reads an ID token's claims: the subject, a display name, the role its mapped claim values give, and any participant link. */
export function personFromClaims(claims: Record<string, unknown>, settings: OidcSettings): SignedInPerson {
  const subject = claims.sub;
  if (typeof subject !== 'string' || subject === '') throw new Error('the ID token has no subject (sub) claim');
  const held = claimValues(claims[settings.roleClaim]);
  const role = settings.roles.find((mapping) => held.includes(mapping.value))?.role;
  const name = [
    claims.name,
    [claims.given_name, claims.family_name].filter((part) => typeof part === 'string').join(' '),
    claims.preferred_username,
    claims.email,
  ].find((candidate): candidate is string => typeof candidate === 'string' && candidate.trim() !== '');
  const participant = settings.participantClaim ? claims[settings.participantClaim] : undefined;
  return {
    actorId: actorIdFor(typeof claims.iss === 'string' ? claims.iss : settings.issuer.href, subject),
    name: name?.trim() ?? subject,
    role,
    participantId: typeof participant === 'string' && participant.trim() !== '' ? participant.trim() : undefined,
  };
}

/** A role or group claim may be an array or one string (some providers send a space-separated list). */
function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}
