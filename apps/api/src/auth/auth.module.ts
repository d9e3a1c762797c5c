import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, AppConfig, ApplicationModule, RecordAccessModule } from '@coprod/application';
import { isAccessRole, TOKEN_STORE, TokenStore, ACCESS_ROLES } from '@coprod/privacy';
import { ACTOR_RESOLVER, ActorResolver, BearerTokenResolver, LocalActorResolver, SessionAwareResolver } from './actor-resolver';
import { AuthGuard } from './auth.guard';
import { isLoopback } from './loopback';

/** Chooses how requests are authenticated; refuses to start local mode where others could reach it. */
export function actorResolverFor(config: AppConfig, tokens: TokenStore): ActorResolver {
  if (config.auth === 'tokens') return new SessionAwareResolver(new BearerTokenResolver(tokens), tokens);
  const actor = config.localActor ?? { id: 'local.officer', role: 'administrator' };
  if (!isLoopback(config.host)) {
    throw new Error(
      `COPROD_AUTH=local treats every request as ${actor.id} without a token, so it only listens on a loopback address, ` +
        `but HOST is ${config.host}: set HOST=127.0.0.1, or use COPROD_AUTH=tokens and issue tokens with coprod token issue`,
    );
  }
  if (!isAccessRole(actor.role)) {
    throw new Error(`COPROD_ACTOR_ROLE must be one of ${ACCESS_ROLES.join(', ')}, got "${actor.role}"`);
  }
  return new LocalActorResolver(actor);
}

/** Authentication (bearer tokens or the local identity) and the permission check on every route. */
@Module({
  imports: [ApplicationModule, RecordAccessModule],
  providers: [
    { provide: ACTOR_RESOLVER, inject: [APP_CONFIG, TOKEN_STORE], useFactory: actorResolverFor },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
