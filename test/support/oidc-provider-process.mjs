// A real OpenID Connect provider (oidc-provider) on loopback, for the council sign-in journeys.
// Run as its own process, since oidc-provider is an ES module: the parent sends it how to misbehave
// (over IPC) and stops it to play a provider that is down.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK } from 'jose';

const settings = JSON.parse(process.env.OIDC_TEST_SETTINGS);
const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
const kid = randomUUID();
const signingJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
void publicKey;

/** How the provider answers the next token requests: honestly, or with a forged ID token. */
let misbehaviour = 'none';
process.on('message', (message) => {
  misbehaviour = message.misbehaviour;
  process.send({ misbehaviour });
});

const provider = new Provider(settings.issuer, {
  clients: [
    {
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      redirect_uris: [settings.redirectUri],
      post_logout_redirect_uris: [settings.postLogoutRedirectUri],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
  ],
  jwks: { keys: [signingJwk] },
  cookies: { keys: [randomUUID()] },
  claims: { openid: ['sub'], profile: ['name', 'roles', 'coprod_participant'] },
  // Entra ID puts its claims in the ID token, so this provider does too.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  ttl: { Session: 3600, Grant: 3600, Interaction: 600, AuthorizationCode: 60, AccessToken: 600, IdToken: 600 },
  findAccount: async (_ctx, sub) => {
    const account = settings.accounts[sub];
    return { accountId: sub, claims: async () => ({ sub, ...(account ?? { name: sub, roles: [] }) }) };
  },
  // The council's staff do not see a consent screen for their own employer's service.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile');
    grant.addOIDCClaims(['name', 'roles', 'coprod_participant']);
    await grant.save();
    return grant;
  },
});

/** Re-signs an ID token after changing it: a stranger's key under the provider's key id, a wrong nonce, or an expiry in the past. */
async function forged(idToken) {
  const claims = decodeJwt(idToken);
  const header = decodeProtectedHeader(idToken);
  const now = Math.floor(Date.now() / 1000);
  let key = await importJWK(signingJwk, 'RS256');
  if (misbehaviour === 'wrong-key') key = (await generateKeyPair('RS256')).privateKey;
  if (misbehaviour === 'wrong-nonce') claims.nonce = 'a-nonce-this-browser-never-sent';
  if (misbehaviour === 'expired') Object.assign(claims, { iat: now - 7200, exp: now - 3600 });
  return new SignJWT(claims).setProtectedHeader({ alg: header.alg, kid: header.kid, typ: header.typ }).sign(key);
}

provider.use(async (ctx, next) => {
  await next();
  const location = String(ctx.response.get('location') ?? '');
  if (location.startsWith(settings.redirectUri) && misbehaviour === 'tampered-state') {
    // Someone between the provider and the browser changes the state it carries back.
    const changed = new URL(location);
    changed.searchParams.set('state', 'a-state-from-somewhere-else');
    ctx.redirect(changed.href);
  }
  if (location.startsWith(settings.redirectUri) && misbehaviour === 'down-after-redirect') {
    // The provider sends the browser back, then stops answering before the service can exchange the code.
    server.close();
    server.closeIdleConnections();
    ctx.res.once('finish', () => {
      server.closeAllConnections();
      process.exit(0);
    });
  }
  if (ctx.path === '/token' && misbehaviour !== 'none' && ctx.body && typeof ctx.body === 'object' && ctx.body.id_token) {
    ctx.body = { ...ctx.body, id_token: await forged(ctx.body.id_token) };
  }
});

const server = createServer(provider.callback());
server.listen(settings.port, '127.0.0.1', () => process.send({ listening: settings.port }));
process.on('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
