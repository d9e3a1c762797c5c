import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PersonalData } from '@coprod/domain/core/event';
import { KeyStore } from '../keys/key-store.port';
import { OpenedPersonalData, SealedPersonalData } from './sealed-personal-data';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** Which event the personal data belongs to: sealed data only opens inside that event. */
export interface SealContext {
  eventId: string;
}

/** Sealed personal data that fails to open: tampered, moved from another event, or damaged. */
export class PersonalDataTamperedError extends Error {
  override readonly name = 'PersonalDataTamperedError';
  constructor(
    readonly eventId: string,
    readonly subjectId: string,
  ) {
    super(
      `the personal data of subject ${subjectId} in event ${eventId} does not decrypt: it was altered, ` +
        'damaged or copied from another event; run the integrity check (verify) to find what changed',
    );
  }
}

/** Sealed data whose subject has no key and was never erased: the keys file does not match the events. */
export class MissingSubjectKeyError extends Error {
  override readonly name = 'MissingSubjectKeyError';
  constructor(
    readonly eventId: string,
    readonly subjectId: string,
  ) {
    super(
      `event ${eventId} holds personal data of subject ${subjectId} but the key store has no key for them and ` +
        'no record of erasing them; check that the keys file belongs to this event store',
    );
  }
}

/**
 * Encrypts personal fields under each subject's own key (AES-256-GCM, fresh 12-byte nonce per call),
 * bound to the event id and subject id so ciphertext cannot be moved between events or people.
 */
export class PersonalDataCipher {
  constructor(private readonly keys: KeyStore) {}

  /** Seals the fields of one person's data; refuses data that is already erased or has no fields. */
  async encrypt<Fields extends object>(personal: PersonalData<Fields>, context: SealContext): Promise<SealedPersonalData> {
    assertEventId(context);
    if (personal.erased || personal.fields === undefined) {
      throw new TypeError(
        `event ${context.eventId}: personal data of subject ${personal.subjectId} has no fields to seal; ` +
          'erased data cannot be recorded again',
      );
    }
    const key = await this.keys.getOrCreateKey(personal.subjectId);
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(context.eventId, personal.subjectId));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(personal.fields), 'utf8'), cipher.final()]);
    return {
      subjectId: personal.subjectId,
      sealed: {
        alg: 'A256GCM',
        nonce: nonce.toString('base64'),
        ciphertext: ciphertext.toString('base64'),
        tag: cipher.getAuthTag().toString('base64'),
      },
    };
  }

  /** Opens sealed data: the fields, or `{ erased: true }` once the subject's key has been destroyed. */
  async decrypt<Fields extends object = Record<string, string>>(
    sealed: SealedPersonalData,
    context: SealContext,
  ): Promise<OpenedPersonalData<Fields>> {
    assertEventId(context);
    const { subjectId } = sealed;
    const key = await this.keys.getKey(subjectId);
    if (!key) {
      if (await this.keys.isDestroyed(subjectId)) return { subjectId, erased: true };
      throw new MissingSubjectKeyError(context.eventId, subjectId);
    }
    const nonce = Buffer.from(sealed.sealed.nonce, 'base64');
    const tag = Buffer.from(sealed.sealed.tag, 'base64');
    if (sealed.sealed.alg !== 'A256GCM' || nonce.length !== NONCE_BYTES || tag.length !== TAG_BYTES) {
      throw new PersonalDataTamperedError(context.eventId, subjectId);
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(context.eventId, subjectId));
      decipher.setAuthTag(tag);
      const plain = Buffer.concat([decipher.update(Buffer.from(sealed.sealed.ciphertext, 'base64')), decipher.final()]);
      return { subjectId, fields: JSON.parse(plain.toString('utf8')) as Fields };
    } catch {
      throw new PersonalDataTamperedError(context.eventId, subjectId);
    }
  }
}

function associatedData(eventId: string, subjectId: string): Buffer {
  return Buffer.from(JSON.stringify(['coprod:personal:v1', eventId, subjectId]), 'utf8');
}

function assertEventId(context: SealContext): void {
  if (!context || typeof context.eventId !== 'string' || context.eventId === '') {
    throw new TypeError('personal data is sealed to an event: pass { eventId } with the event\'s id');
  }
}
