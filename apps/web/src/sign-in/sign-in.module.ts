import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ApplicationModule } from '@coprod/application';
import { OidcRelyingParty } from './oidc-client';
import { OidcSignInController } from './oidc.controller';
import { oidcSettingsFrom } from './oidc-settings';
import { OIDC_RELYING_PARTY } from './sign-in.tokens';

/** Reads the council sign-in settings at start, so a mistake stops the service with a message naming the setting. */
export function relyingPartyFor(config: AppConfig): OidcRelyingParty | null {
  const settings = oidcSettingsFrom(process.env, config);
  return settings ? new OidcRelyingParty(settings) : null;
}

/** Signing in with the council's own accounts (OpenID Connect). */
@Module({
  imports: [ApplicationModule],
  controllers: [OidcSignInController],
  providers: [{ provide: OIDC_RELYING_PARTY, inject: [APP_CONFIG], useFactory: relyingPartyFor }],
  exports: [OIDC_RELYING_PARTY],
})
export class SignInModule {}
