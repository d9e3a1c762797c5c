import { SingleBar } from 'cli-progress';
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { EventStore, EventStoreDbEventStore, EventStoreUnavailableError, SqliteEventStore, StoreLogger, migrateStore, verifyCopy } from '@coprod/event-store';
import { redactConnectionString } from '@coprod/event-store/eventstoredb/connection-check';

interface MigrateOptions {
  from?: string;
  to?: string;
  acceptServerOrder?: boolean;
}

/** A store named on the command line: `sqlite:<path>` or an EventStoreDB connection string. */
export type StoreAddress = { kind: 'sqlite'; file: string } | { kind: 'eventstoredb'; connectionString: string };

const EXAMPLE = 'coprod migrate --from sqlite:data/events.db --to "esdb://localhost:2113?tls=false"';

/** Reads `sqlite:<path>` or `esdb://...` / `esdb+discover://...`; anything else is refused with an example. */
export function parseStoreAddress(text: string | undefined, role: 'from' | 'to'): StoreAddress {
  const value = text?.trim();
  if (!value) throw new Error(`name the ${role === 'from' ? 'source' : 'target'} store with --${role}, for example: ${EXAMPLE}`);
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    if (!path) throw new Error(`--${role} sqlite: needs a file, for example sqlite:data/events.db`);
    return { kind: 'sqlite', file: resolve(path) };
  }
  if (/^esdb(\+discover)?:\/\//i.test(value)) return { kind: 'eventstoredb', connectionString: value };
  throw new Error(
    `--${role} ${redactConnectionString(value)} is not a store: use sqlite:<file> for the embedded store or an ` +
      `esdb:// connection string for EventStoreDB/KurrentDB, for example: ${EXAMPLE}`,
  );
}

/** True when both addresses name the same events: the same file (after links) or the same connection string. */
export function sameStore(a: StoreAddress, b: StoreAddress): boolean {
  if (a.kind === 'sqlite' && b.kind === 'sqlite') return canonical(a.file) === canonical(b.file);
  if (a.kind === 'eventstoredb' && b.kind === 'eventstoredb') return a.connectionString.toLowerCase() === b.connectionString.toLowerCase();
  return false;
}

@Command({
  name: 'migrate',
  description: `Copy every event to another store in global order, keeping ids, clocks and hashes, then verify the copy; re-running resumes. ${EXAMPLE}`,
})
export class MigrateCommand extends CommandRunner {
  async run(_: string[], options: MigrateOptions): Promise<void> {
    const from = parseStoreAddress(options.from, 'from');
    const to = parseStoreAddress(options.to, 'to');
    if (options.acceptServerOrder && from.kind !== 'eventstoredb') {
      throw new Error('--accept-server-order applies to an EventStoreDB source only: an embedded store has no other order to accept');
    }
    if (sameStore(from, to)) {
      throw new Error(`--from and --to name the same store (${shown(from)}); a store cannot be copied into itself. Name an empty target.`);
    }
    if (from.kind === 'sqlite' && !existsSync(from.file)) {
      throw new Error(`there is no event file at ${from.file} to copy from; check the --from path (the default store is data/events.db)`);
    }
    const source = await open(from, 'source', options.acceptServerOrder ?? false);
    try {
      const target = await open(to, 'target', false);
      try {
        await this.copy(source, target);
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  }

  @Option({ flags: '--from <store>', description: 'the store to copy from: sqlite:<file> or an esdb:// connection string' })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--to <store>', description: 'the store to copy into (empty, or holding an earlier interrupted copy)' })
  parseTo(value: string): string {
    return value;
  }

  @Option({
    flags: '--accept-server-order',
    description:
      "copy an EventStoreDB record whose chain breaks (two writers once sealed the same position) in the server's order: " +
      'hashes stay the same up to the break and are computed afresh after it',
  })
  parseAcceptServerOrder(): boolean {
    return true;
  }

  private async copy(source: EventStore, target: EventStore): Promise<void> {
    const [total, already] = await Promise.all([source.headPosition(), target.headPosition()]);
    console.log(`copying ${total} events from ${source.description} to ${target.description}`);
    if (already > 0) console.log(`the target already holds ${already} events: checking they are the source's first ${already}, then resuming`);
    const bar = new SingleBar({ format: 'copying events [{bar}] {value}/{total}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 });
    bar.start(total, Math.min(already, total));
    const started = Date.now();
    let result;
    try {
      result = await migrateStore(source, target, { onProgress: (p) => bar.update(p.position) });
    } finally {
      bar.stop();
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `copied ${result.copied} events in ${seconds} s${result.resumedAfter > 0 ? ` (resumed after position ${result.resumedAfter})` : ''}; the target's head is at position ${result.head}`,
    );
    const verification = await verifyCopy(source, target);
    console.log(`${verification.ok ? 'verified' : 'NOT VERIFIED'}: ${verification.summary}`);
    if (!verification.ok) process.exitCode = 2;
  }
}

async function open(address: StoreAddress, role: 'source' | 'target', acceptServerOrder: boolean): Promise<EventStore> {
  if (address.kind === 'sqlite') return new SqliteEventStore({ file: address.file });
  try {
    return await EventStoreDbEventStore.connect({ connectionString: address.connectionString, logger: quietLogger, acceptServerOrder });
  } catch (error) {
    if (error instanceof EventStoreUnavailableError) throw new EventStoreUnavailableError(`the ${role} store: ${error.message}`);
    throw error;
  }
}

function shown(address: StoreAddress): string {
  return address.kind === 'sqlite' ? `sqlite:${address.file}` : redactConnectionString(address.connectionString);
}

function canonical(file: string): string {
  return existsSync(file) ? realpathSync(file) : file;
}

/** Resubscription and connection notices would break the progress bar; warnings and errors still show. */
const quietLogger: StoreLogger = { log: () => undefined, warn: (m) => console.error(m), error: (m) => console.error(m) };
