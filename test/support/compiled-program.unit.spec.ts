import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compiledProgramProblem } from './compiled-program';

describe('the guard of the suites that run the compiled program', () => {
  let root: string;
  const write = (path: string, at: number) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), '');
    utimesSync(join(root, path), at, at);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'coprod-compiled-'));
    write('apps/cli/src/main.ts', 1000);
    write('libs/domain/src/core/errors.ts', 1000);
    write('libs/domain/src/core/errors.unit.spec.ts', 5000);
    write('libs/domain/src/core/spec.ts', 5000);
    write('dist/apps/cli/src/main.js', 2000);
    write('dist/libs/domain/src/core/errors.js', 2000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('accepts a build newer than every source it compiles (specs and test helpers are not compiled)', () => {
    expect(compiledProgramProblem(root)).toBeUndefined();
  });

  it('refuses a build older than a source file, naming both', () => {
    write('libs/domain/src/core/errors.ts', 3000);
    expect(compiledProgramProblem(root)).toBe('libs/domain/src/core/errors.ts changed after dist/libs/domain/src/core/errors.js was built');
  });

  it('refuses a build missing a source file added since', () => {
    write('libs/domain/src/core/clock.ts', 1000);
    expect(compiledProgramProblem(root)).toBe('libs/domain/src/core/clock.ts has no compiled twin in dist/ (a file added since the last build)');
  });

  it('refuses when nothing is built', () => {
    rmSync(join(root, 'dist'), { recursive: true });
    expect(compiledProgramProblem(root)).toBe('dist/ holds no compiled coprod');
  });
});
