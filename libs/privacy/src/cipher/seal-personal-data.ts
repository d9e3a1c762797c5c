import { PersonalData } from '@coprod/domain/core/event';
import { PersonalDataCipher } from './personal-data-cipher';
import { isObject, isSealedPersonalData } from './sealed-personal-data';

/** The key under which events carry personal data, at any depth of their `data`. */
export const PERSONAL_KEY = 'personal';

/**
 * Returns a copy of an event's data with every value under a `personal` key sealed. Values already
 * sealed are kept; anything under `personal` that is not personal data is refused, so plaintext
 * can never reach the log by accident.
 */
export async function sealPersonalData<Data extends Record<string, unknown>>(
  data: Data,
  eventId: string,
  cipher: PersonalDataCipher,
): Promise<Data> {
  return (await mapPersonal(data, 'data', async (value, path) => {
    if (isSealedPersonalData(value)) return value;
    if (!isPersonalData(value)) {
      throw new TypeError(
        `event ${eventId}: ${path} must be personal data ({ subjectId, fields }) to be sealed; ` +
          'move anything else out of the personal field',
      );
    }
    return cipher.encrypt(value, { eventId });
  })) as Data;
}

/**
 * Returns a copy of an event's data with every sealed value under a `personal` key opened: the
 * fields, or `{ subjectId, erased: true }` for a subject whose key was destroyed.
 */
export async function openPersonalData<Data extends Record<string, unknown>>(
  data: Data,
  eventId: string,
  cipher: PersonalDataCipher,
): Promise<Data> {
  return (await mapPersonal(data, 'data', async (value) =>
    isSealedPersonalData(value) ? cipher.decrypt(value, { eventId }) : value,
  )) as Data;
}

type Transform = (value: unknown, path: string) => Promise<unknown>;

async function mapPersonal(value: unknown, path: string, transform: Transform): Promise<unknown> {
  if (Array.isArray(value)) {
    return Promise.all(value.map((item, i) => mapPersonal(item, `${path}[${i}]`, transform)));
  }
  if (!isObject(value)) return value;
  const entries = await Promise.all(
    Object.entries(value).map(async ([key, child]): Promise<[string, unknown]> => {
      const childPath = `${path}.${key}`;
      if (key === PERSONAL_KEY && child !== undefined && child !== null) return [key, await transform(child, childPath)];
      return [key, await mapPersonal(child, childPath, transform)];
    }),
  );
  return Object.fromEntries(entries);
}

function isPersonalData(value: unknown): value is PersonalData<object> {
  return isObject(value) && typeof value.subjectId === 'string' && value.subjectId !== '' && isObject(value.fields);
}
