import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** A setting the program refuses at start is reported as the one sentence naming it, with no stack of framework frames above it. */
describe('coprod refusing to start on a bad setting', () => {
  let dataDir: string;
  const coprod = (env: Record<string, string>, ...args: string[]) => {
    const run = spawnSync(process.execPath, [entry, ...args], {
      env: withoutDeploymentStore(process.env, { COPROD_DATA_DIR: dataDir, ...env }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'coprod-start-'));
    writeFileSync(join(dataDir, 'disclosure.yaml'), 'dimensions:\n  role:\n    protected: no\n    reason: Shown.\n');
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const settings: Array<[string, Record<string, string>, string[], RegExp]> = [
    [
      'a threshold that is not a number',
      { COPROD_SUPPRESSION_THRESHOLD: 'abc' },
      ['outcomes', '--project', 'p-energy'],
      /^coprod: COPROD_SUPPRESSION_THRESHOLD must be a whole number of at least 1, got "abc"$/,
    ],
    [
      'a disclosure file with a bad value',
      { COPROD_DISCLOSURE_FILE: 'DATA/disclosure.yaml' },
      ['outcomes', '--project', 'p-energy'],
      /^coprod: .*disclosure\.yaml line 3, column 16: dimensions\.role\.protected: expected true or false, found the text "no"$/,
    ],
    [
      'the server, with a threshold that is not a number',
      { COPROD_SUPPRESSION_THRESHOLD: '0' },
      ['serve'],
      /^coprod: COPROD_SUPPRESSION_THRESHOLD must be a whole number of at least 1, got "0"$/,
    ],
    [
      'a misspelt actor role, before a command that records nothing',
      { COPROD_ACTOR_ROLE: 'evaluaton_lead' },
      ['outcomes', '--project', 'p-energy'],
      /^coprod: COPROD_ACTOR_ROLE must be one of administrator, evaluation_lead, recorder, auditor, viewer, got "evaluaton_lead"$/,
    ],
    [
      'a misspelt actor role, before a restore',
      { COPROD_ACTOR_ROLE: 'evaluaton_lead' },
      ['restore', '--from', 'no-such-backup'],
      /^coprod: COPROD_ACTOR_ROLE must be one of .*, got "evaluaton_lead"$/,
    ],
    [
      'the server, with a misspelt actor role',
      { COPROD_ACTOR_ROLE: 'evaluaton_lead', COPROD_AUTH: 'tokens' },
      ['serve'],
      /^coprod: COPROD_ACTOR_ROLE must be one of .*, got "evaluaton_lead"$/,
    ],
  ];
  it.each(settings.map(([what, env, argv, problem]) => ({ what, env, argv, problem })))('$what: exit 1 and one line', ({ env, argv, problem }) => {
    const resolved = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v.replace('DATA', dataDir)]));
    const run = coprod(resolved, ...argv);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(problem)]);
  });
});
