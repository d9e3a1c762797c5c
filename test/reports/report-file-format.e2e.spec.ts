import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../stores/run-cli';

/** `coprod report … --out FILE`: the file's extension chooses the format when --format is not given, and may not contradict it. */
describe('coprod report: the format follows the file name', () => {
  let dir: string;
  const env = () => ({ COPROD_DATA_DIR: join(dir, 'data') });
  const history = (out: string, ...format: string[]) =>
    runCli(['report', 'history', '--project', 'p-library', ...format, '--out', join(dir, out)], env());

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-report-format-'));
    const project = {
      projectId: 'p-library',
      title: 'Library opening hours review',
      serviceArea: 'Libraries',
      aim: 'Decide with residents when the branch libraries open',
      frameworkId: 'west-berkshire',
      improvementSought: 'Opening hours that suit the people who use the libraries',
      openToNewMembers: true,
    };
    const registered = await runCli(['record', 'RegisterProject', '--data', JSON.stringify(project)], env());
    expect(registered.exitCode).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes Markdown to report.md, Word to report.docx and HTML to report.html without --format', async () => {
    for (const [name, starts] of [
      ['history.md', '# '],
      ['history.html', '<!DOCTYPE html>'],
      ['history.docx', 'PK'],
      ['history.pdf', '%PDF-'],
      ['history.out', '%PDF-'],
    ] as const) {
      const run = await history(name);
      expect({ name, exitCode: run.exitCode }).toEqual({ name, exitCode: 0 });
      expect(readFileSync(join(dir, name)).subarray(0, starts.length).toString('latin1')).toBe(starts);
    }
  }, 120_000);

  it('refuses a --format that contradicts the file name, and writes nothing', async () => {
    const run = await history('contradicted.md', '--format', 'pdf');
    expect(run.exitCode).not.toBe(0);
    expect(`${run.error?.message ?? ''}${run.stderr}`).toContain('is named as md but --format is pdf');
    expect(existsSync(join(dir, 'contradicted.md'))).toBe(false);
  }, 60_000);
});
