import { isObject } from '@coprod/privacy/cipher/sealed-personal-data';

/** What stands in for a person's sealed details wherever the record is shown without them. */
export interface WithheldPersonalData {
  subjectId: string | null;
  withheld: true;
}

/**
 * An event's data with every `personal` block replaced by the id of the person it is about, so a
 * history or trace can be read by an auditor without opening anyone's details.
 */
export function withoutPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPersonalData);
  if (!isObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    copy[key] = key === 'personal' && child !== null && child !== undefined ? withheld(child) : withoutPersonalData(child);
  }
  return copy;
}

function withheld(personal: unknown): WithheldPersonalData {
  const subjectId = isObject(personal) && typeof personal.subjectId === 'string' ? personal.subjectId : null;
  return { subjectId, withheld: true };
}
