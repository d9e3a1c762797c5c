import { loadConfig } from '@coprod/application';
import { TokenStore } from '@coprod/privacy';
import { Request } from 'express';
import { LocalActorResolver, SessionAwareResolver } from './actor-resolver';
import { actorResolverFor } from './auth.module';
import { isLoopback } from './loopback';

const tokens = {} as TokenStore;

describe('choosing how requests are authenticated', () => {
  it('uses bearer tokens unless told otherwise, or the web session someone signed in to with one', async () => {
    const resolver = actorResolverFor(loadConfig({}), tokens);
    expect(resolver).toBeInstanceOf(SessionAwareResolver);
    const anonymous = { headers: {} } as Request;
    expect(await resolver.resolve(anonymous)).toMatchObject({ reason: 'missing' });
    const signedIn = { headers: {}, session: { actor: { id: 'ann.lead', role: 'evaluation_lead' } } } as unknown as Request;
    expect(await resolver.resolve(signedIn)).toEqual({ id: 'ann.lead', role: 'evaluation_lead' });
  });

  it('serves the local identity only on a loopback address', () => {
    expect(actorResolverFor(loadConfig({ COPROD_AUTH: 'local' }), tokens)).toBeInstanceOf(LocalActorResolver);
    expect(actorResolverFor(loadConfig({ COPROD_AUTH: 'local', HOST: '::1' }), tokens)).toBeInstanceOf(LocalActorResolver);
    expect(() => actorResolverFor(loadConfig({ COPROD_AUTH: 'local', HOST: '0.0.0.0' }), tokens)).toThrow(
      'COPROD_AUTH=local treats every request as local.officer without a token, so it only listens on a loopback address, but HOST is 0.0.0.0',
    );
  });

  it('refuses an unknown mode and an unknown local role', () => {
    expect(() => loadConfig({ COPROD_AUTH: 'none' })).toThrow('COPROD_AUTH must be tokens or local, got "none"');
    expect(() => actorResolverFor(loadConfig({ COPROD_AUTH: 'local', COPROD_ACTOR_ROLE: 'root' }), tokens)).toThrow(/COPROD_ACTOR_ROLE must be one of administrator/);
  });

  it('knows which addresses are loopback', () => {
    for (const host of ['127.0.0.1', '127.8.9.1', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.4', '10.0.0.1', 'example.org', '128.0.0.1']) expect(isLoopback(host)).toBe(false);
  });
});
