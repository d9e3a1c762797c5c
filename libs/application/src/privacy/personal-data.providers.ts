import { Logger, Provider } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { openKeysInCustody } from '@coprod/privacy/keys/key-custody';
import { KEY_STORE, KeyStore } from '@coprod/privacy/keys/key-store.port';
import { masterKeyFromEnv } from '@coprod/privacy/keys/master-key';
import { PersonalDataCipher } from '@coprod/privacy/cipher/personal-data-cipher';
import { openPersonalData, sealPersonalData } from '@coprod/privacy/cipher/seal-personal-data';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PERSONAL_DATA_PROTECTOR, PersonalDataProtector } from '../commands/personal-data-protector';

/**
 * Per-person keys, in their own file beside the events. The file must belong to the event record:
 * a missing, damaged or foreign keys file stops the service from starting rather than minting new keys.
 */
export const keyStoreProvider: Provider = {
  provide: KEY_STORE,
  inject: [APP_CONFIG, EVENT_STORE],
  useFactory: (config: AppConfig, store: EventStore) => {
    const logger = new Logger('Keys');
    return openKeysInCustody({
      file: config.keysFile,
      masterKey: masterKeyFromEnv(),
      store,
      logger: { log: (m) => logger.log(m), warn: (m) => logger.warn(m) },
    });
  },
};

export const cipherProvider: Provider = {
  provide: PersonalDataCipher,
  inject: [KEY_STORE],
  useFactory: (keys: KeyStore) => new PersonalDataCipher(keys),
};

/** Seals every `personal` field with its subject's key before it reaches the log. */
export const personalDataProtectorProvider: Provider = {
  provide: PERSONAL_DATA_PROTECTOR,
  inject: [PersonalDataCipher, KEY_STORE],
  useFactory: (cipher: PersonalDataCipher, keys: KeyStore): PersonalDataProtector => ({
    seal: (data, eventId) => sealPersonalData(data, eventId, cipher),
    open: (data, eventId) => openPersonalData(data, eventId, cipher),
    forget: (subjectId) => keys.destroyKey(subjectId),
  }),
};
