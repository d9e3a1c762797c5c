import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPrivateDatabase } from './private-database';

const mode = (path: string) => (statSync(path).mode & 0o7777).toString(8);

describe('openPrivateDatabase', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-private-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates missing folders 0700 and the file 0600, and SQLite gives its WAL files the same mode', () => {
    const file = join(dir, 'a', 'b', 'events.db');
    const db = openPrivateDatabase(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    expect([mode(join(dir, 'a')), mode(join(dir, 'a', 'b'))]).toEqual(['700', '700']);
    expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual(['600', '600', '600']);
    db.close();
  });

  it('leaves a shared sticky folder, such as the temporary folder, as it is', () => {
    const shared = join(dir, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    openPrivateDatabase(join(shared, 'events.db')).close();
    expect(mode(shared)).toBe('1777');
    expect(mode(join(shared, 'events.db'))).toBe('600');
  });

  it('opens an in-memory database without touching any file', () => {
    const db = openPrivateDatabase(':memory:');
    expect(db.memory).toBe(true);
    db.close();
  });
});
