import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, migrateStore } from '@coprod/event-store';
import { runCli } from './run-cli';

describe('coprod migrate (embedded to embedded, through the real command)', () => {
  let fixture: string;
  let dir: string;
  let sourceEvents: number;

  beforeAll(async () => {
    fixture = mkdtempSync(join(tmpdir(), 'coprod-migrate-fixture-'));
    const demo = await runCli(['demo'], { COPROD_DATA_DIR: fixture });
    expect(demo.error).toBeUndefined();
    sourceEvents = Number(/store now holds (\d+) events/.exec(demo.stdout)![1]);
  }, 60_000);
  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-migrate-'));
    copyFileSync(join(fixture, 'events.db'), join(dir, 'source.db'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs a command with a data folder of its own, so the configured store is neither source nor target. */
  const coprod = (...args: string[]) => runCli(args, { COPROD_DATA_DIR: join(dir, 'cli-data') });

  it('copies the demo record, verifies it and exits 0; the copy passes coprod verify on its own', async () => {
    const run = await coprod('migrate', '--from', `sqlite:${join(dir, 'source.db')}`, '--to', `sqlite:${join(dir, 'copy', 'events.db')}`);
    expect(run.error).toBeUndefined();
    expect(run.exitCode).toBe(0);
    expect(sourceEvents).toBeGreaterThan(500);
    expect(run.stdout).toContain(`copying ${sourceEvents} events from embedded SQLite file ${join(dir, 'source.db')}`);
    expect(run.stdout).toMatch(new RegExp(`copied ${sourceEvents} events in [\\d.]+ s; the target's head is at position ${sourceEvents}`));
    expect(run.stdout).toMatch(new RegExp(`verified: .* matches .*: ${sourceEvents} events, same order, ids and hashes, chain intact`));
    expect(run.stderr).toContain(`copying events [`);

    // The keys travel with the record: a data folder holding sealed personal data without them refuses to start
    // (test/faults covers that refusal on the real binary).
    copyFileSync(join(fixture, 'keys.db'), join(dir, 'copy', 'keys.db'));
    const verify = await runCli(['verify'], { COPROD_DATA_DIR: join(dir, 'copy') });
    expect(verify.stdout).toContain(`chain verified: ${sourceEvents} events`);
  });

  it('resumes an interrupted copy where it stopped and verifies the whole record', async () => {
    const source = new SqliteEventStore({ file: join(dir, 'source.db') });
    const target = new SqliteEventStore({ file: join(dir, 'target.db') });
    let batches = 0;
    const interrupted = migrateStore(source, target, {
      batchSize: 100,
      onProgress: () => {
        if ((batches += 1) === 3) throw new Error('the machine was switched off');
      },
    });
    await expect(interrupted).rejects.toThrow('switched off');
    await Promise.all([source.close(), target.close()]);

    const run = await coprod('migrate', '--from', `sqlite:${join(dir, 'source.db')}`, '--to', `sqlite:${join(dir, 'target.db')}`);
    expect(run.error).toBeUndefined();
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('the target already holds 300 events');
    expect(run.stdout).toMatch(new RegExp(`copied ${sourceEvents - 300} events in [\\d.]+ s \\(resumed after position 300\\)`));
    expect(run.stdout).toMatch(new RegExp(`verified: .*: ${sourceEvents} events, same order`));

    const again = await coprod('migrate', '--from', `sqlite:${join(dir, 'source.db')}`, '--to', `sqlite:${join(dir, 'target.db')}`);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toMatch(/copied 0 events/);
  });

  it('refuses to copy a store into itself, even named by another path, and writes nothing', async () => {
    const run = await coprod('migrate', '--from', `sqlite:${join(dir, 'source.db')}`, '--to', `sqlite:${join(dir, '.', 'copy', '..', 'source.db')}`);
    expect(run.exitCode).toBe(1);
    expect(run.error?.message).toMatch(/--from and --to name the same store .*source\.db.* cannot be copied into itself/);
    const source = new SqliteEventStore({ file: join(dir, 'source.db') });
    expect(await source.headPosition()).toBe(sourceEvents);
    await source.close();
  });

  it('refuses a target holding a different record, and says to use an empty one', async () => {
    const other = new SqliteEventStore({ file: join(dir, 'other.db') });
    const source = new SqliteEventStore({ file: join(dir, 'source.db') });
    const [first] = await source.readAll({ maxCount: 1 });
    await source.close();
    await other.append(first.stream, [{ ...first, id: '00000000-0000-8000-8000-000000000001' }], { expectedRevision: 'no_stream' });
    await other.close();
    const run = await coprod('migrate', '--from', `sqlite:${join(dir, 'source.db')}`, '--to', `sqlite:${join(dir, 'other.db')}`);
    expect(run.exitCode).toBe(1);
    expect(run.error?.message).toMatch(/already holds event 00000000-0000-8000-8000-000000000001 at position 1.* Use an empty target/);
  });

  it('says clearly when the target server cannot be reached, within seconds', async () => {
    const started = Date.now();
    const run = await coprod('migrate', '--from', `sqlite:${join(dir, 'source.db')}`, '--to', 'esdb://127.0.0.1:1?tls=false');
    expect(run.exitCode).toBe(1);
    expect(run.error?.message).toMatch(/^the target store: cannot reach EventStoreDB at esdb:\/\/127\.0\.0\.1:1\?tls=false: .*Check that the server is running/);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('works while the configured server is down, where other commands fail with the reason', async () => {
    const env = { COPROD_DATA_DIR: join(dir, 'cli-data'), EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:1?tls=false' };
    const rebuild = await runCli(['rebuild'], env);
    expect(rebuild.exitCode).toBe(1);
    expect(rebuild.error?.message).toMatch(/^cannot reach EventStoreDB at esdb:\/\/127\.0\.0\.1:1\?tls=false: .*ECONNREFUSED/);
    const migrate = await runCli(['migrate', '--from', `sqlite:${join(dir, 'source.db')}`, '--to', `sqlite:${join(dir, 'target.db')}`], env);
    expect(migrate.exitCode).toBe(0);
    expect(migrate.stdout).toMatch(new RegExp(`verified: .*: ${sourceEvents} events`));
  });

  it('names a missing source file and an address that is not a store', async () => {
    const missing = await coprod('migrate', '--from', `sqlite:${join(dir, 'nowhere.db')}`, '--to', `sqlite:${join(dir, 'target.db')}`);
    expect(missing.error?.message).toMatch(/there is no event file at .*nowhere\.db to copy from/);
    const wrong = await coprod('migrate', '--from', 'postgres://db/coprod', '--to', `sqlite:${join(dir, 'target.db')}`);
    expect(wrong.error?.message).toMatch(/--from postgres:\/\/db\/coprod is not a store: use sqlite:<file> .* esdb:\/\//);
  });
});
