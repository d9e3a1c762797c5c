import { parseArgs } from 'node:util';
import { Command, CommandRunner, Option } from 'nest-commander';
import { backupRecord, BackupManifest, loadConfig, restoreRecord, RestoreResult } from '@coprod/application';

interface BackupOptions {
  out?: string;
}

interface RestoreOptions {
  from?: string;
  force?: boolean;
}

/** Takes the backup and says what it holds. */
async function backup(options: BackupOptions): Promise<void> {
  if (!options.out) throw new Error('name the folder to write the backup to: coprod backup --out <new folder>');
  const manifest = await backupRecord(loadConfig(), options.out);
  console.log(
    `backup written to ${options.out}: ${manifest.events} events, head at position ${manifest.head.position}, chain verified; ${describeFiles(manifest)}`,
  );
}

/** Restores a backup and says what is now in place. */
async function restore(options: RestoreOptions): Promise<void> {
  if (!options.from) throw new Error('name the backup to restore: coprod restore --from <backup folder> [--force]');
  const result: RestoreResult = await restoreRecord(loadConfig(), options.from, { force: options.force === true });
  const { manifest } = result;
  console.log(
    `restored the backup of ${manifest.createdAt} from ${options.from}${result.replaced > 0 ? ` (replacing ${result.replaced} events)` : ''}: ` +
      `${manifest.events} events, head at position ${manifest.head.position}, hash ${manifest.head.hash}; chain verified. ` +
      'The read models are rebuilt from it when coprod next starts.',
  );
}

function describeFiles(manifest: BackupManifest): string {
  return manifest.files.map((file) => `${file.name} (${file.bytes} bytes)`).join(', ');
}

@Command({
  name: 'backup',
  description:
    'Copy the record, the keys and the access log into a new folder while the server runs (SQLite online backup), and verify the copy: coprod backup --out DIR',
})
export class BackupCommand extends CommandRunner {
  async run(_: string[], options: BackupOptions): Promise<void> {
    await backup(options);
  }

  @Option({ flags: '--out <dir>', description: 'a new, empty folder for the backup; keep it away from the server' })
  parseOut(value: string): string {
    return value;
  }
}

@Command({
  name: 'restore',
  description:
    'Bring back a backup written by coprod backup, checked whole before anything is replaced, and verify the restored chain: coprod restore --from DIR [--force]',
})
export class RestoreCommand extends CommandRunner {
  async run(_: string[], options: RestoreOptions): Promise<void> {
    await restore(options);
  }

  @Option({ flags: '--from <dir>', description: 'the backup folder (it holds manifest.json)' })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--force', description: 'replace a record that already holds events (stop the server first)' })
  parseForce(): boolean {
    return true;
  }
}

/**
 * Runs `coprod backup` or `coprod restore` without starting the application: a restore replaces the
 * files the application would open, and a backup needs nothing but the files. Undefined when `argv`
 * is another command, or asks for help (which the full command line answers).
 */
export function recordOperation(argv: string[]): Promise<void> | undefined {
  const [name, ...rest] = argv.slice(2);
  if ((name !== 'backup' && name !== 'restore') || rest.some((arg) => arg === '--help' || arg === '-h')) return undefined;
  const { values } =
    name === 'backup'
      ? parseArgs({ args: rest, options: { out: { type: 'string' } }, strict: true })
      : parseArgs({ args: rest, options: { from: { type: 'string' }, force: { type: 'boolean' } }, strict: true });
  return name === 'backup' ? backup(values as BackupOptions) : restore(values as RestoreOptions);
}
