import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coprod, requireCompiledProgram } from './coprod-cli';

const COLUMNS = 'id, stream, revision, type, schema_version, data, occurred_at, recorded_at, actor_id, actor_role, source, correlation_id, causation_id, prev_hash, hash';

/** Opens the event file directly, as someone with access to the disk would, bypassing the product. */
function tamper(dataDir: string, change: (db: Database.Database) => void): void {
  const db = new Database(join(dataDir, 'events.db'));
  try {
    change(db);
  } finally {
    db.close();
  }
}

// Runs the compiled `coprod` (dist, built by `npm install` or `npm run build`); refuses one missing or older than the sources.
describe('coprod verify against a tampered event file (demo record, real CLI)', () => {
  beforeAll(requireCompiledProgram);
  let clean: string;
  let head: number;
  const copies: string[] = [];
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'coprod-tampered-'));
    cpSync(clean, dir, { recursive: true });
    copies.push(dir);
    return dir;
  };

  beforeAll(() => {
    clean = mkdtempSync(join(tmpdir(), 'coprod-clean-'));
    const demo = coprod(clean, ['demo']);
    expect(demo.status).toBe(0);
    head = Number(/store now holds (\d+) events/.exec(demo.output)?.[1]);
    expect(head).toBeGreaterThan(300);
  }, 120_000);
  afterAll(() => [clean, ...copies].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('verifies the clean file', () => {
    const { output, status } = coprod(clean, ['verify']);
    expect(status).toBe(0);
    expect(output).toContain(`chain verified: ${head} events, head at position ${head}`);
  });

  it('names the event whose data had one byte changed', () => {
    const dir = copy();
    tamper(dir, (db) => {
      const { data } = db.prepare('SELECT data FROM events WHERE position = 120').get() as { data: string };
      const at = data.indexOf('":"') + 3;
      const changed = data.slice(0, at) + (data[at] === 'x' ? 'y' : 'x') + data.slice(at + 1);
      db.prepare('UPDATE events SET data = ? WHERE position = 120').run(changed);
    });
    const { output, status } = coprod(dir, ['verify']);
    expect(status).toBe(2);
    expect(output).toMatch(/BROKEN: 119 events checked; first bad event at position 120 .*content does not match its hash/);
  });

  it('names the event after a deleted row', () => {
    const dir = copy();
    tamper(dir, (db) => db.prepare('DELETE FROM events WHERE position = 200').run());
    const { output, status } = coprod(dir, ['verify']);
    expect(status).toBe(2);
    expect(output).toMatch(/first bad event at position 201 .*previous hash does not match event at position 199/);
  });

  it('names the first of two swapped rows', () => {
    const dir = copy();
    tamper(dir, (db) => {
      const read = db.prepare(`SELECT ${COLUMNS} FROM events WHERE position = ?`);
      const [a, b] = [read.get(300), read.get(301)] as Record<string, unknown>[];
      const write = db.prepare(`UPDATE events SET ${COLUMNS.split(', ').map((c) => `${c} = @${c}`).join(', ')} WHERE position = @position`);
      db.transaction(() => {
        // Free the unique id and (stream, revision) before writing each row into the other's place.
        db.prepare("UPDATE events SET id = id || '-moving', revision = -revision - 1 WHERE position IN (300, 301)").run();
        write.run({ ...b, position: 300 });
        write.run({ ...a, position: 301 });
      })();
    });
    const { output, status } = coprod(dir, ['verify']);
    expect(status).toBe(2);
    expect(output).toMatch(/BROKEN: 299 events checked; first bad event at position 300 /);
  });

  it('cannot see a truncated tail on its own, but a signed checkpoint taken before proves events were removed', () => {
    const dir = copy();
    const key = join(dir, 'signing.pem');
    const checkpoint = join(dir, 'checkpoint.json');
    expect(coprod(dir, ['checkpoint', '--private-key', key, '--out', checkpoint]).status).toBe(0);
    const kept = head - 5;
    tamper(dir, (db) => db.prepare('DELETE FROM events WHERE position > ?').run(kept));

    const alone = coprod(dir, ['verify']);
    expect(alone.output).toContain(`chain verified: ${kept} events, head at position ${kept}`);
    const against = coprod(dir, ['verify', '--against', checkpoint, '--public-key', `${key}.pub`]);
    expect(against.status).toBe(2);
    expect(against.output).toContain(
      `DOES NOT MATCH checkpoint of`,
    );
    expect(against.output).toMatch(new RegExp(`the store ends at position ${kept} but .* covers position ${head}: events were removed from the end`));
  });

  it('accepts an untouched file against its checkpoint and refuses a checkpoint signed by another key', () => {
    const dir = copy();
    const key = join(dir, 'signing.pem');
    const other = join(dir, 'other.pem');
    const checkpoint = join(dir, 'checkpoint.json');
    expect(coprod(dir, ['checkpoint', '--private-key', key, '--out', checkpoint]).status).toBe(0);
    expect(coprod(dir, ['checkpoint', '--private-key', other, '--out', join(dir, 'unused.json')]).status).toBe(0);
    const good = coprod(dir, ['verify', '--against', checkpoint, '--public-key', `${key}.pub`]);
    expect(good.status).toBe(0);
    expect(good.output).toContain(`matches checkpoint of`);
    const wrongKey = coprod(dir, ['verify', '--against', checkpoint, '--public-key', `${other}.pub`]);
    expect(wrongKey.status).toBe(2);
    expect(wrongKey.output).toContain('signed by a key that is not among the trusted keys');
  });
});
