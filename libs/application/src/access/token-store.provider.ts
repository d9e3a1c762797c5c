import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { SqliteTokenStore } from '@coprod/privacy/access/sqlite-token-store';
import { TOKEN_STORE, TokenStore } from '@coprod/privacy/access/token-store.port';
import { KEY_STORE } from '@coprod/privacy/keys/key-store.port';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Access tokens, stored as hashes in the keys file beside the participants' keys. */
export const tokenStoreProvider: Provider = {
  provide: TOKEN_STORE,
  // After the key store: the keys file is checked to belong to this record before anything else opens it.
  inject: [APP_CONFIG, KEY_STORE],
  useFactory: (config: AppConfig): TokenStore => new SqliteTokenStore({ file: config.keysFile, defaultLifetimeDays: config.tokenLifetimeDays }),
};

/** Closes the token store's connection when the API or CLI stops. */
@Injectable()
export class TokenStoreShutdown implements OnApplicationShutdown {
  constructor(@Inject(TOKEN_STORE) private readonly tokens: TokenStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.tokens.close();
  }
}
