/**
 * Where each person's data key lives. One key per subject; destroying it is how a person is erased
 * from an append-only log: their sealed fields stay in the events but can never be read again.
 */
export interface KeyStore {
  /** The subject's key, created on first use. Refuses (KeyDestroyedError) once the subject was erased. */
  getOrCreateKey(subjectId: string): Promise<Buffer>;
  /** The subject's key, or undefined when it was destroyed or never created. */
  getKey(subjectId: string): Promise<Buffer | undefined>;
  /** Destroys the subject's key for good and remembers that it did; returns whether a key existed. */
  destroyKey(subjectId: string): Promise<boolean>;
  /** Whether the subject's key was destroyed (they were erased). */
  isDestroyed(subjectId: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Injection token for the configured key store. */
export const KEY_STORE = Symbol('KEY_STORE');

/** Length of every subject key in bytes (AES-256). */
export const SUBJECT_KEY_BYTES = 32;

/** A key was asked for a subject who has been erased: their data must not be recorded again. */
export class KeyDestroyedError extends Error {
  override readonly name = 'KeyDestroyedError';
  constructor(
    readonly subjectId: string,
    readonly destroyedAt: string,
  ) {
    super(
      `subject ${subjectId} was erased on ${destroyedAt}; their personal data cannot be recorded again ` +
        'under a new key. If they return and consent again, register them as a new participant',
    );
  }
}

/** The key store could not read a key it holds (wrong or missing master key, damaged file). */
export class KeyUnavailableError extends Error {
  override readonly name = 'KeyUnavailableError';
}

/** Refuses a subject id no key can sensibly be filed under. */
export function assertSubjectId(subjectId: string): void {
  if (typeof subjectId !== 'string' || subjectId.trim() === '') {
    throw new TypeError(`subject id must be a non-empty string, got ${JSON.stringify(subjectId)}`);
  }
}
