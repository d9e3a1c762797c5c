import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness, startApiHarness } from '../support/api-harness';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Every file in the folder with its mode, e.g. `{ 'events.db': '600' }`. */
const modesIn = (folder: string) => Object.fromEntries(readdirSync(folder).map((name) => [name, mode(join(folder, name))]));

const SQLITE_FILES = ['events.db', 'read-models.db', 'keys.db'].flatMap((db) => [db, `${db}-wal`, `${db}-shm`]);

describe('the data folder is private to the account that runs the service', () => {
  let parent: string;
  let api: ApiHarness | undefined;

  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'coprod-modes-'));
  });
  afterEach(async () => {
    await api?.close();
    api = undefined;
    rmSync(parent, { recursive: true, force: true });
  });

  /** Starts the API on `folder` and records a participant, which writes to the events, the read models and the keys. */
  const startAndRecord = async (folder: string) => {
    api = await startApiHarness({ env: { COPROD_DATA_DIR: folder } });
    await api
      .command('RegisterParticipant', {
        participantId: 'part-1',
        role: 'resident',
        seldomHeardGroups: [],
        preferredFormats: ['paper'],
        personal: { subjectId: 'part-1', fields: { name: 'Gwenllian Hughes' } },
      })
      .expect(201);
  };

  it('creates the folder 0700 and every file in it 0600, the SQLite -wal and -shm files included', async () => {
    const folder = join(parent, 'data');
    await startAndRecord(folder);
    expect(mode(folder)).toBe('700');
    const modes = modesIn(folder);
    expect(Object.keys(modes)).toEqual(expect.arrayContaining(SQLITE_FILES));
    expect(Object.entries(modes).filter(([, m]) => m !== '600')).toEqual([]);
  });

  it('tightens a folder and files that an earlier version left readable by others', async () => {
    const folder = join(parent, 'data');
    mkdirSync(folder, { mode: 0o755 });
    chmodSync(folder, 0o755);
    for (const name of ['events.db', 'read-models.db', 'keys.db']) {
      closeSync(openSync(join(folder, name), 'w', 0o644));
      chmodSync(join(folder, name), 0o644);
    }
    await startAndRecord(folder);
    expect(mode(folder)).toBe('700');
    expect(Object.entries(modesIn(folder)).filter(([, m]) => m !== '600')).toEqual([]);
  });
});
