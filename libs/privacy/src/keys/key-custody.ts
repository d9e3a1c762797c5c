import { createHash } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { ConnectingEventStore, EventStore, EventStoreUnavailableError, StoredEvent } from '@coprod/event-store';
import { isSealedPersonalData } from '../cipher/sealed-personal-data';
import { SqliteKeyStore } from './sqlite-key-store';

/** Events read per page while looking for sealed personal data. */
const SCAN_PAGE = 2000;
/** The check value of a keys file created while the record was still empty. */
const EMPTY_RECORD = checkValueOf(undefined);

/**
 * The keys file cannot be used with this record: missing while the record holds personal data sealed
 * under it, damaged, or belonging to another record. Using it anyway would mint new keys for people
 * who already have one and make their recorded words unreadable for good.
 */
export class KeysFileRefusedError extends Error {
  override readonly name = 'KeysFileRefusedError';
  constructor(
    readonly problem: 'missing' | 'corrupt' | 'foreign' | 'emptied',
    message: string,
  ) {
    super(message);
  }
}

export interface KeyCustodyOptions {
  /** Path of the keys file. */
  file: string;
  masterKey?: Buffer;
  /** The event record the keys belong to. */
  store: EventStore;
  logger?: { log(message: string): void; warn(message: string): void };
}

/**
 * The check value tying a keys file to one event record: a digest of the record's first event (its id
 * and integrity hash), which never changes once written and differs between any two records.
 */
export function checkValueOf(first: Pick<StoredEvent, 'id' | 'hash'> | undefined): string {
  const basis = first ? `coprod:keys-for-record:${first.id}:${first.hash}` : 'coprod:keys-for-record:empty';
  return createHash('sha256').update(basis, 'utf8').digest('hex').slice(0, 32);
}

/**
 * Opens the keys file only if it belongs to the event record, binding a new or older file to it.
 * Refuses (KeysFileRefusedError, saying how to restore) a file that is missing or emptied while the
 * record holds sealed personal data, a damaged file, and a file bound to another record.
 */
export async function openKeysInCustody(options: KeyCustodyOptions): Promise<SqliteKeyStore> {
  const { file, store } = options;
  const restore = `restore the keys file (${file}) from the backup taken together with the events, then start again; never start without it, or new keys would make the recorded personal data unreadable`;
  const existed = file === ':memory:' || (existsSync(file) && statSync(file).size > 0);
  let keys: SqliteKeyStore;
  let structure: string;
  try {
    keys = new SqliteKeyStore({ file, masterKey: options.masterKey });
    structure = keys.structureCheck();
  } catch (error) {
    throw new KeysFileRefusedError('corrupt', `the keys file ${file} is damaged (${(error as Error).message}); ${restore}`);
  }
  if (structure !== 'ok') {
    await keys.close();
    throw new KeysFileRefusedError('corrupt', `the keys file ${file} is damaged (${structure}); ${restore}`);
  }
  try {
    await bindOrRefuse(keys, options, existed, restore);
  } catch (error) {
    await keys.close();
    // A file created just now for the check would look like an emptied one at the next start.
    if (!existed) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    throw error;
  }
  return keys;
}

/**
 * Binds a keys file that was created for an empty record to the record's first event, once there is one.
 * Called at start and by the readiness check; returns a problem when the file belongs to another record.
 */
export async function confirmKeysBelongToRecord(keys: SqliteKeyStore, store: EventStore): Promise<string | undefined> {
  const binding = keys.recordBinding();
  let first: StoredEvent | undefined;
  try {
    [first] = await store.readAll({ maxCount: 1 });
  } catch (error) {
    if (error instanceof EventStoreUnavailableError) return undefined;
    throw error;
  }
  const expected = checkValueOf(first);
  if (!binding || binding.checkValue === expected) return undefined;
  if (binding.checkValue === EMPTY_RECORD && first) {
    // Created before the record's first event: its keys must be for people the record holds data about.
    const subjects = keys.subjectIds();
    if (subjects.length > 0) {
      const sealed = await sealedSubjects(store);
      if (sealed.size > 0 && !subjects.some((subject) => sealed.has(subject))) {
        return `the keys file holds keys for ${subjects.length} ${subjects.length === 1 ? 'person' : 'people'}, none of whom this record holds personal data about: the keys belong to another record`;
      }
    }
    keys.bindToRecord(expected);
    return undefined;
  }
  return first
    ? `the keys file carries check value ${binding.checkValue} but this record's is ${expected}: the keys belong to another record`
    : `the keys file carries check value ${binding.checkValue} of a record with events, but the event record is empty: the events file is missing or was replaced`;
}

async function bindOrRefuse(keys: SqliteKeyStore, options: KeyCustodyOptions, existed: boolean, restore: string): Promise<void> {
  const { file, store } = options;
  // A server still being connected to is not waited for: the readiness check binds once it answers.
  if (store instanceof ConnectingEventStore && store.status().state !== 'connected') return;
  let first: StoredEvent | undefined;
  try {
    [first] = await store.readAll({ maxCount: 1 });
  } catch (error) {
    // An unreachable server says nothing about the keys; the readiness check binds once it answers.
    if (error instanceof EventStoreUnavailableError) return;
    throw error;
  }
  const binding = keys.recordBinding();
  if (binding) {
    const foreign = await confirmKeysBelongToRecord(keys, store);
    if (foreign) throw new KeysFileRefusedError('foreign', `${foreign} (${file}); ${restore}`);
    return;
  }
  const contents = keys.contents();
  if (first && contents.keys === 0 && contents.destroyed === 0 && (await holdsSealedPersonalData(store))) {
    throw existed
      ? new KeysFileRefusedError(
          'emptied',
          `the keys file ${file} is missing or holds no keys, but the event record holds personal data sealed under keys; ${restore}`,
        )
      : new KeysFileRefusedError(
          'missing',
          `the keys file ${file} is missing, but the event record holds personal data sealed under its keys; ${restore}`,
        );
  }
  keys.bindToRecord(checkValueOf(first));
  if (first && existed) options.logger?.log(`keys file ${file} bound to this event record (check value ${checkValueOf(first)})`);
}

/** The subjects whose sealed personal data the record holds (asked once, when a file made for an empty record is first bound). */
async function sealedSubjects(store: EventStore): Promise<Set<string>> {
  const subjects = new Set<string>();
  let after = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: SCAN_PAGE });
    for (const event of page) collectSealedSubjects(event.data, subjects);
    if (page.length < SCAN_PAGE) return subjects;
    after = page[page.length - 1].position;
  }
}

/** Whether any stored event carries sealed personal data (only asked when the keys file has none). */
async function holdsSealedPersonalData(store: EventStore): Promise<boolean> {
  let after = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: SCAN_PAGE });
    if (page.some((event) => collectSealedSubjects(event.data, new Set()).size > 0)) return true;
    if (page.length < SCAN_PAGE) return false;
    after = page[page.length - 1].position;
  }
}

/** Adds the subject of every piece of sealed personal data found anywhere in a value. */
function collectSealedSubjects(value: unknown, into: Set<string>): Set<string> {
  if (isSealedPersonalData(value)) into.add(value.subjectId);
  else if (Array.isArray(value)) for (const item of value) collectSealedSubjects(item, into);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) collectSealedSubjects(item, into);
  return into;
}
