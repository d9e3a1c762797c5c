import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { KeyUnavailableError, SUBJECT_KEY_BYTES } from './key-store.port';

/** Environment variable holding the optional master key (base64 of 32 bytes) that wraps subject keys. */
export const MASTER_KEY_ENV = 'COPROD_MASTER_KEY';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Reads the master key from the environment: undefined when unset, an error when set but not
 * base64 of exactly 32 bytes (a mistyped key must never silently fall back to unwrapped keys).
 */
export function masterKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const value = env[MASTER_KEY_ENV];
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== SUBJECT_KEY_BYTES) {
    throw new Error(
      `${MASTER_KEY_ENV} must be base64 of exactly ${SUBJECT_KEY_BYTES} random bytes (got ${key.length} bytes); ` +
        'create one with: node -e "console.log(require(\'crypto\').randomBytes(32).toString(\'base64\'))"',
    );
  }
  return key;
}

/** Encrypts a subject key under the master key, bound to the subject id: nonce | ciphertext | tag. */
export function wrapKey(masterKey: Buffer, subjectId: string, key: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', masterKey, nonce);
  cipher.setAAD(Buffer.from(`coprod:subject-key:${subjectId}`, 'utf8'));
  const body = Buffer.concat([cipher.update(key), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Reverses wrapKey; a wrong master key or a key filed under another subject is refused. */
export function unwrapKey(masterKey: Buffer, subjectId: string, wrapped: Buffer): Buffer {
  const nonce = wrapped.subarray(0, NONCE_BYTES);
  const tag = wrapped.subarray(wrapped.length - TAG_BYTES);
  const body = wrapped.subarray(NONCE_BYTES, wrapped.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, nonce);
    decipher.setAAD(Buffer.from(`coprod:subject-key:${subjectId}`, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new KeyUnavailableError(
      `the key of subject ${subjectId} does not unwrap with the configured master key; ` +
        `set ${MASTER_KEY_ENV} to the master key the keys file was created with`,
    );
  }
}
