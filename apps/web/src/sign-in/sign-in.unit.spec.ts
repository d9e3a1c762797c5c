import { Request } from 'express';
import { SessionAwareResolver, Unresolved } from '../../../api/src/auth/actor-resolver';
import { RequestActor } from '../../../api/src/http/request-actor';
import { oidcSettingsFrom, roleMapping } from './oidc-settings';
import { actorIdFor, personFromClaims } from './person';

const ENTRA = {
  COPROD_OIDC_ISSUER: 'https://login.microsoftonline.com/7f3c1a52-0000-4000-8000-000000000001/v2.0',
  COPROD_OIDC_CLIENT_ID: '0d6f1a2b-0000-4000-8000-000000000002',
  COPROD_OIDC_CLIENT_SECRET: 'a-secret',
  COPROD_OIDC_REDIRECT_URI: 'https://coprod.westberks.example/sign-in/oidc/callback',
  COPROD_OIDC_ROLES: 'CoProd.Admin=administrator, CoProd.Lead=evaluation_lead,CoProd.Viewer=viewer',
};
const defaults = { publisher: 'West Berkshire Council', auth: 'tokens' as const };

describe('council sign-in settings', () => {
  it('are off when no issuer is set, and read every setting when one is', () => {
    expect(oidcSettingsFrom({}, defaults)).toBeUndefined();
    const settings = oidcSettingsFrom(ENTRA, defaults)!;
    expect(settings.roleClaim).toBe('roles');
    expect(settings.scopes).toBe('openid profile');
    expect(settings.name).toBe('West Berkshire Council');
    expect(settings.postLogoutRedirectUri.href).toBe('https://coprod.westberks.example/signed-out');
    expect(settings.roles).toEqual([
      { value: 'CoProd.Admin', role: 'administrator' },
      { value: 'CoProd.Lead', role: 'evaluation_lead' },
      { value: 'CoProd.Viewer', role: 'viewer' },
    ]);
    expect(settings.allowHttp).toBe(false);
  });

  it.each([
    [{ ...ENTRA, COPROD_OIDC_ISSUER: undefined }, /COPROD_OIDC_CLIENT_ID, .* set but COPROD_OIDC_ISSUER is not/],
    [{ ...ENTRA, COPROD_OIDC_CLIENT_ID: '' }, /COPROD_OIDC_CLIENT_ID is needed/],
    [{ ...ENTRA, COPROD_OIDC_ISSUER: 'http://login.example.org' }, /COPROD_OIDC_ISSUER must be an https:\/\/ address/],
    [{ ...ENTRA, COPROD_OIDC_ISSUER: 'not a url' }, /COPROD_OIDC_ISSUER must be a full address/],
    [{ ...ENTRA, COPROD_OIDC_REDIRECT_URI: 'https://coprod.westberks.example/callback' }, /must end with \/sign-in\/oidc\/callback/],
    [{ ...ENTRA, COPROD_OIDC_REDIRECT_URI: 'http://coprod.westberks.example/sign-in/oidc/callback' }, /COPROD_OIDC_REDIRECT_URI must be an https/],
    [{ ...ENTRA, COPROD_OIDC_ROLES: 'CoProd.Lead=lead' }, /maps "CoProd.Lead" to "lead", which is not a role: use one of administrator/],
    [{ ...ENTRA, COPROD_OIDC_ROLES: 'CoProd.Lead' }, /entries are claim value=role, got "CoProd.Lead"/],
    [{ ...ENTRA, COPROD_OIDC_ROLES: 'A=viewer,A=auditor' }, /maps "A" twice/],
    [{ ...ENTRA, COPROD_OIDC_SCOPES: 'profile email' }, /COPROD_OIDC_SCOPES must include openid/],
    [{ ...ENTRA, COPROD_OIDC_SESSION_MINUTES: '1.5' }, /COPROD_OIDC_SESSION_MINUTES must be a whole number/],
  ])('refuse to start on a mistake, naming the setting (%#)', (env, message) => {
    expect(() => oidcSettingsFrom(env, defaults)).toThrow(message);
  });

  it('refuse council sign-in beside COPROD_AUTH=local, and allow plain http only for a provider on this machine', () => {
    expect(() => oidcSettingsFrom(ENTRA, { ...defaults, auth: 'local' })).toThrow(/COPROD_AUTH=local/);
    const local = oidcSettingsFrom(
      { ...ENTRA, COPROD_OIDC_ISSUER: 'http://127.0.0.1:9000', COPROD_OIDC_REDIRECT_URI: 'http://localhost:3000/sign-in/oidc/callback' },
      defaults,
    )!;
    expect(local.allowHttp).toBe(true);
  });

  it('read a role value holding "=" by the last one', () => {
    expect(roleMapping('group=staff=viewer')).toEqual([{ value: 'group=staff', role: 'viewer' }]);
  });
});

describe('the person a provider signs in', () => {
  const settings = oidcSettingsFrom({ ...ENTRA, COPROD_OIDC_PARTICIPANT_CLAIM: 'coprod_participant' }, defaults)!;
  const issuer = ENTRA.COPROD_OIDC_ISSUER;

  it('is their subject namespaced by the issuer, named from their claims, with the first mapped role in the configured order', () => {
    const person = personFromClaims(
      { iss: issuer, sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ', name: 'Lee Okafor', roles: ['CoProd.Viewer', 'CoProd.Lead'] },
      settings,
    );
    expect(person).toEqual({
      actorId: actorIdFor(issuer, 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ'),
      name: 'Lee Okafor',
      role: 'evaluation_lead',
      participantId: undefined,
    });
    expect(person.actorId).toMatch(/^oidc-[0-9a-f]{12}:AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ$/);
  });

  it('never collides across two providers that give the same subject', () => {
    expect(actorIdFor('https://login.microsoftonline.com/tenant-a/v2.0', 'same')).not.toBe(actorIdFor('https://accounts.google.com', 'same'));
  });

  it('has no role when none of their claim values is mapped, and is linked to a participant by the configured claim', () => {
    expect(personFromClaims({ iss: issuer, sub: 's', preferred_username: 'nat@westberks.example', roles: 'Staff Everyone' }, settings)).toMatchObject(
      { role: undefined, name: 'nat@westberks.example' },
    );
    expect(personFromClaims({ iss: issuer, sub: 's', roles: ['CoProd.Admin'], coprod_participant: 'part-ann' }, settings)).toMatchObject({
      role: 'administrator',
      participantId: 'part-ann',
      name: 's',
    });
    expect(() => personFromClaims({ iss: issuer, roles: [] }, settings)).toThrow(/no subject/);
  });
});

describe('a signed-in session', () => {
  const primary = { resolve: async (): Promise<RequestActor | Unresolved> => ({ reason: 'missing', detail: 'no token' }) };
  const resolver = new SessionAwareResolver(primary);
  const actor = { id: 'oidc-abc:lee', role: 'evaluation_lead', name: 'Lee Okafor' };
  const asking = (session: object) => ({ headers: {}, session }) as unknown as Request;

  it('is honoured until the end its sign-in was given, and not after', async () => {
    expect(await resolver.resolve(asking({ actor, signedInUntil: Date.now() + 60_000 }))).toEqual(actor);
    expect(await resolver.resolve(asking({ actor, signedInUntil: Date.now() - 1 }))).toEqual({ reason: 'missing', detail: 'no token' });
    expect(await resolver.resolve(asking({ actor }))).toEqual(actor);
  });
});
