import Database from 'better-sqlite3';
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

const OWNER_ONLY_FOLDER = 0o700;
const OWNER_ONLY_FILE = 0o600;
const GROUP_AND_OTHERS = 0o077;
const STICKY = 0o1000;
/** The files SQLite keeps beside a database, named after it. */
const COMPANIONS = ['-wal', '-shm', '-journal'];

/**
 * Opens a SQLite file that only its owner can read. The folder is created 0700 and the file 0600
 * before SQLite opens it: SQLite gives the -wal, -shm and -journal files it creates later the mode
 * of the database file, so they are 0600 too. A folder or file left open to others by an earlier
 * version is tightened.
 */
export function openPrivateDatabase(file: string): Database.Database {
  if (file !== ':memory:' && file !== '') makePrivate(file);
  return new Database(file);
}

function makePrivate(file: string): void {
  const folder = dirname(file);
  mkdirSync(folder, { recursive: true, mode: OWNER_ONLY_FOLDER });
  tighten(folder);
  createIfAbsent(file);
  for (const path of [file, ...COMPANIONS.map((suffix) => `${file}${suffix}`)]) tighten(path);
}

/** Creates the file empty (which SQLite reads as an empty database) and private; an existing one is left to tighten. */
function createIfAbsent(file: string): void {
  try {
    closeSync(openSync(file, 'wx', OWNER_ONLY_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * Takes group and others' permissions away from a path this process owns. A sticky folder is
 * shared by design (the system's temporary folder), so it is left as it is.
 */
function tighten(path: string): void {
  let mode: number;
  let owner: number;
  try {
    ({ mode, uid: owner } = statSync(path));
  } catch {
    return;
  }
  if ((mode & GROUP_AND_OTHERS) === 0 || (mode & STICKY) !== 0) return;
  if (process.getuid !== undefined && owner !== process.getuid()) return;
  chmodSync(path, mode & 0o7777 & ~GROUP_AND_OTHERS);
}
