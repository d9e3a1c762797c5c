import { createHash } from 'node:crypto';
import { EventData, JSONEventType, RecordedEvent, jsonEvent } from '@eventstore/db-client';

/** The type of the events in the seal stream. */
export const SEAL_EVENT_TYPE = 'RecordSealed';

/** The hashes of a run of consecutive positions, from `from`: `[event id, hash]` each. */
export interface SealEntries {
  from: number;
  entries: [string, string][];
}

type SealEvent = JSONEventType<typeof SEAL_EVENT_TYPE, SealEntries & Record<string, unknown>>;

/** The stream the record's seals are appended to. It is not part of the record, and no caller may append to it. */
export const SEAL_STREAM = 'coprod-seals';

/**
 * A seal as the client appends it. Its id is derived from what it seals, so two processes sealing
 * the same run after the same seal send the same event, and the server takes it once.
 */
export function toSealEvent(sealStream: string, seal: SealEntries): EventData<SealEvent> {
  const last = seal.entries[seal.entries.length - 1];
  const digest = createHash('sha256').update(`${sealStream}\n${seal.from}\n${seal.entries.length}\n${last[0]}\n${last[1]}`).digest('hex');
  const id = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-${(8 + (parseInt(digest[16], 16) & 3)).toString(16)}${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
  return jsonEvent<SealEvent>({ id, type: SEAL_EVENT_TYPE, data: { from: seal.from, entries: seal.entries } });
}

/** True when a recorded event is a well-formed seal. */
export function isSeal(record: RecordedEvent): boolean {
  if (record.type !== SEAL_EVENT_TYPE || !record.isJson) return false;
  const data = record.data as Partial<SealEntries> | undefined;
  return (
    !!data &&
    Number.isInteger(data.from) &&
    Array.isArray(data.entries) &&
    data.entries.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string')
  );
}
