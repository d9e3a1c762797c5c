import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT_KINDS } from '@coprod/application/import';
import { runCli } from '../stores/run-cli';
import { generatedCsv, oneCommand } from './generated-files';
import { figuresOf, freshDataDir, OFFICER, openRecord, PROJECT, recordOne, recordProjectAndSession, SESSION } from './import-world';

jest.setTimeout(600_000);

const ROWS = 1000;

describe(`${ROWS} rows of each kind through the CLI`, () => {
  it('gives the same figures as recording the same rows one command at a time', async () => {
    const imported = freshDataDir('thousand');
    const oneByOne = freshDataDir('one-by-one');
    for (const dir of [imported, oneByOne]) {
      const record = await openRecord(dir);
      await recordProjectAndSession(record.app);
      await record.close();
    }

    for (const kind of IMPORT_KINDS) {
      const file = join(imported, `${kind}.csv`);
      writeFileSync(file, generatedCsv(kind, ROWS));
      const started = Date.now();
      const run = await runCli(['import', kind, file, '--project', PROJECT, ...(kind === 'register' ? ['--activity', SESSION] : [])], {
        COPROD_DATA_DIR: imported,
        COPROD_ACTOR: OFFICER.id,
        COPROD_ACTOR_ROLE: OFFICER.role,
      });
      expect({ kind, error: run.error?.message }).toEqual({ kind, error: undefined });
      expect(run.stdout).toContain(`${ROWS} rows valid, ${ROWS} new; recorded ${ROWS} rows`);
      // The progress bar is drawn for a long file.
      expect(run.stderr).toMatch(/rows/);
      console.log(`${kind}: ${ROWS} rows imported in ${Date.now() - started} ms`);
    }

    const record = await openRecord(oneByOne);
    try {
      for (const kind of IMPORT_KINDS) for (let n = 1; n <= ROWS; n += 1) await recordOne(record.app, ...oneCommand(kind, n));
      const expected = await figuresOf(record.app);
      await record.close();
      const importedRecord = await openRecord(imported);
      try {
        const figures = await figuresOf(importedRecord.app);
        expect(Object.keys(figures).length).toBeGreaterThan(10);
        expect(figures).toEqual(expected);
        expect(figures.hours_contributed ?? Object.values(figures).find((f) => f.value !== null)).toBeDefined();
      } finally {
        await importedRecord.close();
      }
    } catch (error) {
      await record.close().catch(() => undefined);
      throw error;
    }
  });
});
