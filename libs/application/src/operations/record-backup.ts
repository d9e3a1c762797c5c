import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { chmodSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openPrivateDatabase, SqliteEventStore } from '@coprod/event-store';
import { verifyChain } from '@coprod/privacy/integrity/verify-chain';
import { AppConfig } from '../config/app-config';
import { integritySettings } from '../integrity/integrity-settings';

/** The name of the file in a backup folder that says what it holds; restore reads nothing else first. */
export const BACKUP_MANIFEST = 'manifest.json';
const MANIFEST_FORMAT = 'coprod-backup/1';
/** The files SQLite keeps beside a database, named after it. */
const COMPANIONS = ['-wal', '-shm', '-journal'];

/** One file of a backup: which of the record's files it is, and how to know it is whole. */
export interface BackupFile {
  role: 'events' | 'keys' | 'access-log';
  name: string;
  bytes: number;
  sha256: string;
}

/** What a backup folder holds, written last so a half-written backup has no manifest. */
export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  createdAt: string;
  /** The last event in the backup, and the chain's hash there: what a restore must arrive at. */
  head: { position: number; hash: string };
  events: number;
  files: BackupFile[];
}

/** What a restore brought back. */
export interface RestoreResult {
  manifest: BackupManifest;
  replaced: number;
}

/**
 * Copies the record (events), the participants' keys and tokens (keys), and the access log into a new
 * folder with SQLite's online backup, while a server may be writing. The events are copied first and
 * the keys after: a key is stored before any event that needs it, so every event in the copy has its
 * key. The copy's chain is verified before the manifest is written.
 */
export async function backupRecord(config: AppConfig, out: string): Promise<BackupManifest> {
  refuseDeploymentStore(config, 'back up');
  if (!existsSync(config.eventsFile)) throw new Error(`there is no record to back up at ${config.eventsFile} (COPROD_EVENTS_FILE)`);
  if (!existsSync(config.keysFile)) {
    throw new Error(
      `the keys file ${config.keysFile} is missing: a backup without the keys cannot be read; restore the keys (COPROD_KEYS_FILE) first`,
    );
  }
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty: give each backup a new folder`);
  mkdirSync(out, { recursive: true, mode: 0o700 });
  chmodSync(out, 0o700);
  const sources: Array<{ role: BackupFile['role']; file: string; name: string }> = [
    { role: 'events', file: config.eventsFile, name: 'events.db' },
    { role: 'keys', file: config.keysFile, name: 'keys.db' },
    ...(existsSync(config.accessLogFile) ? [{ role: 'access-log' as const, file: config.accessLogFile, name: 'access-log.db' }] : []),
  ];
  const files: BackupFile[] = [];
  for (const source of sources) {
    const copy = join(out, source.name);
    await copyDatabase(source.file, copy);
    files.push({ role: source.role, name: source.name, bytes: statSync(copy).size, sha256: await sha256Of(copy) });
  }
  const { head, events } = await verifiedHead(join(out, 'events.db'), 'the backup copy');
  // Verifying opened the copy; its hash is taken again so the manifest describes the file as it now is.
  files[0].sha256 = await sha256Of(join(out, 'events.db'));
  files[0].bytes = statSync(join(out, 'events.db')).size;
  const manifest: BackupManifest = { format: MANIFEST_FORMAT, createdAt: new Date().toISOString(), head, events, files };
  writeFileSync(join(out, BACKUP_MANIFEST), JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  return manifest;
}

/**
 * Brings a backup back as the configured record. The backup is checked whole (every file's hash, the
 * chain to the head its manifest names) before anything is replaced; a record that already holds
 * events is replaced only when `force` is given. Each file is put in place by renaming a checked copy
 * over it, the read models are removed to be rebuilt from the restored log, and the restored chain is
 * verified again.
 */
export async function restoreRecord(config: AppConfig, from: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  refuseDeploymentStore(config, 'restore');
  const manifest = readManifest(from);
  for (const file of manifest.files) {
    const path = join(from, file.name);
    if (!existsSync(path)) throw new Error(`the backup in ${from} is incomplete: ${file.name} is missing`);
    if ((await sha256Of(path)) !== file.sha256)
      throw new Error(`the backup in ${from} is damaged: ${file.name} no longer matches its hash in ${BACKUP_MANIFEST}`);
  }
  const existing = eventsIn(config.eventsFile);
  if (existing > 0 && !options.force) {
    throw new Error(
      `${config.eventsFile} already holds ${existing} events; restoring would replace them: stop the server and add --force to replace them, or restore into another COPROD_DATA_DIR`,
    );
  }
  const targets: Record<BackupFile['role'], string> = { events: config.eventsFile, keys: config.keysFile, 'access-log': config.accessLogFile };
  const staged: Array<{ staging: string; target: string }> = [];
  try {
    for (const file of manifest.files) {
      const target = targets[file.role];
      const staging = join(dirname(target), `.${basename(target)}.restoring`);
      removeDatabase(staging);
      await copyDatabase(join(from, file.name), staging);
      staged.push({ staging, target });
    }
    const check = await verifiedHead(staged[0].staging, `the backup in ${from}`);
    if (check.head.position !== manifest.head.position || check.head.hash !== manifest.head.hash) {
      throw new Error(
        `the backup in ${from} ends at position ${check.head.position}, not at ${manifest.head.position} as its manifest says: it is not the backup it claims to be`,
      );
    }
  } catch (error) {
    for (const { staging } of staged) removeDatabase(staging);
    throw error;
  }
  for (const { staging, target } of staged) {
    for (const suffix of COMPANIONS) rmSync(`${target}${suffix}`, { force: true });
    renameSync(staging, target);
  }
  // Read models of whatever was here before would be wrong about the restored record: they are rebuilt from it.
  removeDatabase(config.readModelsFile);
  // So would the point up to which the old record was verified: the restored one is checked from its start
  // (verified below, and again by the service when it starts), not judged truncated against the old one.
  rmSync(integritySettings(config.dataDir).verifiedPointFile, { force: true });
  const restored = await verifiedHead(config.eventsFile, `the restored record ${config.eventsFile}`);
  if (restored.head.position !== manifest.head.position || restored.head.hash !== manifest.head.hash) {
    throw new Error(`the restored record ends at position ${restored.head.position}, not at ${manifest.head.position}: restore again from ${from}`);
  }
  return { manifest, replaced: existing };
}

/** The manifest of a backup folder, refused when it is not one. */
export function readManifest(from: string): BackupManifest {
  const path = join(from, BACKUP_MANIFEST);
  if (!existsSync(path)) throw new Error(`${from} holds no backup: ${BACKUP_MANIFEST} is missing (a folder written by coprod backup --out has one)`);
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  if (manifest.format !== MANIFEST_FORMAT || !Array.isArray(manifest.files) || manifest.files[0]?.role !== 'events') {
    throw new Error(`${path} is not a backup manifest this version can read (format ${JSON.stringify(manifest.format)})`);
  }
  if (!manifest.files.some((file) => file.role === 'keys'))
    throw new Error(`the backup in ${from} has no keys file: its personal data could not be read`);
  return manifest;
}

/** SQLite's online backup: a consistent copy even while another process writes to the source. */
async function copyDatabase(source: string, copy: string): Promise<void> {
  openPrivateDatabase(copy).close();
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(copy);
  } finally {
    db.close();
  }
}

/** Verifies the chain of an events file from its first event, and names its head. */
async function verifiedHead(file: string, what: string): Promise<{ head: { position: number; hash: string }; events: number }> {
  const store = new SqliteEventStore({ file });
  try {
    const chain = await verifyChain(store);
    if (!chain.ok) throw new Error(`${what} fails verification at position ${chain.firstBreak.position}: ${chain.firstBreak.problem}`);
    return { head: chain.head, events: chain.count };
  } finally {
    await store.close();
  }
}

/** How many events a file holds; 0 when it does not exist or holds no record yet. */
function eventsIn(file: string): number {
  if (!existsSync(file)) return 0;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'events'").get();
    return table ? (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n : 0;
  } finally {
    db.close();
  }
}

function removeDatabase(file: string): void {
  for (const suffix of ['', ...COMPANIONS]) rmSync(`${file}${suffix}`, { force: true });
}

function refuseDeploymentStore(config: AppConfig, what: string): void {
  if (config.eventStoreConnectionString) {
    throw new Error(
      `coprod ${what} works on the embedded store's files; a record on EventStoreDB/KurrentDB is backed up with that server's own tools`,
    );
  }
}

function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
