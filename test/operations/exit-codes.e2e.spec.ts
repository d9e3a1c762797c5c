import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withoutDeploymentStore } from '../support/deployment-store';

const entry = join(__dirname, '..', '..', 'bin', 'coprod.js');

/** `coprod` as an operator's script sees it (the built binary): help exits 0, every failure non-zero with one line saying why. */
describe('coprod exit codes', () => {
  let dataDir: string;
  const coprod = (...args: string[]) => {
    const run = spawnSync(process.execPath, [entry, ...args], {
      env: withoutDeploymentStore(process.env, { COPROD_DATA_DIR: dataDir }),
      encoding: 'utf8',
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  beforeAll(() => (dataDir = mkdtempSync(join(tmpdir(), 'coprod-exit-'))));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const help = [
    ['--help'],
    ['-h'],
    ['help'],
    ['token', '--help'],
    ['token', 'issue', '--help'],
    ['report', 'case-study', '--help'],
    ['backup', '--help'],
    ['restore', '--help'],
  ];
  it.each(help.map((argv) => ({ args: argv.join(' '), argv })))('coprod $args prints help and exits 0 with nothing on stderr', ({ argv }) => {
    const run = coprod(...argv);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: coprod/);
    expect(run.stderr).toBe('');
    expect(run.stdout + run.stderr).not.toMatch(/outputHelp/);
  });

  const failures: Array<[string[], RegExp]> = [
    [['nosuch'], /unknown command 'nosuch'/],
    [['outcomes', '--bogus'], /unknown option '--bogus'/],
    [['erase'], /missing required argument 'participantId'/],
    [['outcomes'], /^coprod: name the project/],
    [['token', 'issue', '--actor', 'j.smith', '--role', 'king'], /^coprod: --role must be one of/],
    [
      ['token', 'issue', '--actor', 'j.smith', '--role', 'viewer', '--expires-in', 'soon'],
      /^coprod: --expires-in must be a lifetime such as 30d, 12h or 45m, got "soon"/,
    ],
    [['token', 'revoke', 'no-such-token'], /^coprod: no active token has the id no-such-token/],
    [['token', 'rotate', 'no-such-token'], /^coprod: no active token has the id no-such-token/],
    [['backup'], /^coprod: name the folder to write the backup to/],
    [['backup', '--out'], /^coprod: .*--out/],
    [['restore'], /^coprod: name the backup to restore/],
  ];
  it.each(failures.map(([argv, problem]) => ({ args: argv.join(' '), argv, problem })))(
    'coprod $args fails with a non-zero exit code and one line naming the problem',
    ({ argv, problem }) => {
      const run = coprod(...argv);
      expect(run.status).not.toBe(0);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(problem);
      expect(run.stderr).not.toMatch(/outputHelp|\n\s+at /);
    },
  );
});
