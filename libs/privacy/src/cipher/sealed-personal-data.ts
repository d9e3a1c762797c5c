/** Personal fields as stored in an event: AES-256-GCM under the subject's key, all parts base64. */
export interface SealedPersonalData {
  subjectId: string;
  sealed: {
    alg: 'A256GCM';
    nonce: string;
    ciphertext: string;
    tag: string;
  };
}

/** Personal data as read back: the fields while the subject's key exists, `erased` once it is destroyed. */
export type OpenedPersonalData<Fields extends object = Record<string, string>> =
  | { subjectId: string; fields: Fields; erased?: undefined }
  | { subjectId: string; erased: true; fields?: undefined };

/** Whether a value has the shape of sealed personal data. */
export function isSealedPersonalData(value: unknown): value is SealedPersonalData {
  if (!isObject(value) || typeof value.subjectId !== 'string' || !isObject(value.sealed)) return false;
  const { alg, nonce, ciphertext, tag } = value.sealed;
  return alg === 'A256GCM' && typeof nonce === 'string' && typeof ciphertext === 'string' && typeof tag === 'string';
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
