import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Mutation testing's own scripts are plain CommonJS beside the product (mutate/), not part of its build.
/* eslint-disable @typescript-eslint/no-require-imports */
const { merge, assemble } = require('../../mutate/lib/results') as {
  merge: (kept: unknown, run: Run, options: { minutes: number; narrowed: string[] | null }) => Kept;
  assemble: (kept: unknown, scope: { mutate: string[]; threshold: number }, root: string) => View;
};
const { sourceHash, emptyRow } = require('../../mutate/lib/summarise') as { sourceHash: (s: string) => string; emptyRow: (sha: string) => Row };
const { markdown } = require('../../mutate/lib/table') as { markdown: (views: View[], scopes: Record<string, { what: string }>) => string };

interface Survivor {
  line: number;
  mutator: string;
  status: string;
  original: string;
  replacement: string;
}
interface Row {
  sha256: string;
  date?: string;
  mutants: number;
  notRun: number;
  invalid: number;
  equivalent: number;
  counted: number;
  killed: number;
  survived: number;
  noCoverage: number;
  survivors: Survivor[];
  equivalents: unknown[];
}
interface Run {
  scope: string;
  date: string;
  files: Record<string, Row>;
}
interface Kept {
  scope: string;
  runs: { date: string; minutes: number | null; narrowed: string[] | null }[];
  files: Record<string, Row>;
}
interface View {
  scope: string;
  score: number | null;
  killed: number;
  counted: number;
  mutants: number;
  notRun: number;
  current: [string, Row][];
  notYetRun: string[];
  changed: string[];
  gone: string[];
}

const scope = { mutate: ['src/**/*.ts', '!src/**/*.spec.ts'], threshold: 90 };
let root: string;

function write(file: string, text: string): string {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
  return sourceHash(text);
}

/** A row with `killed` of `counted` mutants detected, for the code `sha`; each undetected one a survivor on its own line. */
function row(sha: string, killed: number, counted: number): Row {
  const survivors = Array.from({ length: counted - killed }, (_, i) => ({
    line: i + 1,
    mutator: 'ConditionalExpression',
    status: 'Survived',
    original: 'x > 1',
    replacement: 'true',
  }));
  return { ...emptyRow(sha), mutants: counted, counted, killed, survived: counted - killed, survivors };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'coprod-mutate-results-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('a scope put together from narrowed runs', () => {
  it('keeps the files of earlier runs, lets a newer run of the same file win, and scores the files run', () => {
    const a = write('src/a.ts', 'export const a = 1;\n');
    const b = write('src/b.ts', 'export const b = 2;\n');
    write('src/c.ts', 'export const c = 3;\n');
    write('src/c.spec.ts', 'test');
    const first = merge(
      null,
      { scope: 'domain', date: '2026-12-01T10:00:00.000Z', files: { 'src/a.ts': row(a, 5, 10) } },
      { minutes: 3, narrowed: ['src/a.ts'] },
    );
    const second = merge(
      first,
      { scope: 'domain', date: '2026-12-02T10:00:00.000Z', files: { 'src/b.ts': row(b, 9, 10) } },
      { minutes: 4, narrowed: ['src/b.ts'] },
    );
    const third = merge(
      second,
      { scope: 'domain', date: '2026-12-03T10:00:00.000Z', files: { 'src/a.ts': row(a, 10, 10) } },
      { minutes: 5, narrowed: ['src/a.ts'] },
    );

    expect(Object.keys(third.files)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(third.files['src/a.ts'].killed).toBe(10);
    // The first run no longer provides any file's results, so its minutes no longer count.
    expect(third.runs.map((r) => r.minutes)).toEqual([4, 5]);

    const view = assemble(third, scope, root);
    expect([view.killed, view.counted, view.score]).toEqual([19, 20, 95]);
    expect(view.current.map(([file]) => file)).toEqual(['src/a.ts', 'src/b.ts']);
    // The spec file is not in the scope; c.ts is, and was never run.
    expect(view.notYetRun).toEqual(['src/c.ts']);

    const table = markdown([view], { domain: { what: 'the domain' } });
    expect(table).toContain(
      '| domain | the domain | 2 of 3 | 20 | 0 | 0 | 0 | 20 | 19 | 1 | 0 | 95.0% | 90% | 2026-12-02 10:00 to 2026-12-03 10:00 | 9 |',
    );
    expect(table).toContain('Scope domain: the score is for 2 of its 3 files only.\nNot yet run: `src/c.ts`.');
  });

  it('does not count a file whose code changed since its run, and says so', () => {
    const a = write('src/a.ts', 'export const a = 1;\n');
    const kept = merge(
      null,
      { scope: 'domain', date: '2026-12-01T10:00:00.000Z', files: { 'src/a.ts': row(a, 1, 4) } },
      { minutes: 1, narrowed: null },
    );
    write('src/a.ts', 'export const a = 2;\n');
    const view = assemble(kept, scope, root);
    expect([view.score, view.current, view.changed]).toEqual([null, [], ['src/a.ts']]);
    const table = markdown([view], { domain: { what: 'the domain' } });
    expect(table).toContain('| none |');
    expect(table).toContain('Changed since they were run, so not counted until run again: `src/a.ts`.');
  });

  it('replaces every file on a run of the whole scope, and lists a file no longer in the scope', () => {
    const a = write('src/a.ts', 'export const a = 1;\n');
    const b = write('src/b.ts', 'export const b = 2;\n');
    const narrowed = merge(
      null,
      { scope: 'domain', date: '2026-12-01T10:00:00.000Z', files: { 'src/b.ts': row(b, 0, 3) } },
      { minutes: 1, narrowed: ['src/b.ts'] },
    );
    const whole = merge(
      narrowed,
      { scope: 'domain', date: '2026-12-02T10:00:00.000Z', files: { 'src/a.ts': row(a, 2, 2) } },
      { minutes: 2, narrowed: null },
    );
    expect(Object.keys(whole.files)).toEqual(['src/a.ts']);

    const moved = merge(
      null,
      { scope: 'domain', date: '2026-12-01T10:00:00.000Z', files: { 'lib/old.ts': row(a, 2, 2) } },
      { minutes: 1, narrowed: ['lib/old.ts'] },
    );
    const view = assemble(moved, scope, root);
    expect(view.gone).toEqual(['lib/old.ts']);
    expect(view.notYetRun).toEqual(['src/a.ts', 'src/b.ts']);
  });

  it("says when a file was run against only some of the scope's tests, its score a lower bound", () => {
    const a = write('src/a.ts', 'export const a = 1;\n');
    const quick = { ...row(a, 3, 4), tests: ['src/**/*.unit.spec.ts'] };
    const kept = merge(
      null,
      { scope: 'figures', date: '2026-12-01T10:00:00.000Z', files: { 'src/a.ts': quick } },
      { minutes: 1, narrowed: ['src/a.ts'] },
    );
    const table = markdown([assemble(kept, scope, root)], { figures: { what: 'figures' } });
    expect(table).toContain(
      'Scope figures: `src/a.ts` was run against `src/**/*.unit.spec.ts` only, not every test of the scope: its score is a lower bound.',
    );
    // A later run against every test replaces it, and the note goes.
    const full = merge(
      kept,
      { scope: 'figures', date: '2026-12-02T10:00:00.000Z', files: { 'src/a.ts': row(a, 4, 4) } },
      { minutes: 9, narrowed: ['src/a.ts'] },
    );
    expect(markdown([assemble(full, scope, root)], { figures: { what: 'figures' } })).not.toContain('lower bound');
  });

  it('reads results kept before files were kept apart, keeping the static mutants counted with their run', () => {
    const a = write('src/a.ts', 'export const a = 1;\n');
    const legacy = {
      scope: 'domain',
      date: '2026-11-30T10:00:00.000Z',
      mutants: 13,
      killed: 9,
      survived: 1,
      noCoverage: 0,
      equivalent: 1,
      notRun: 2,
      invalid: 0,
      counted: 10,
      score: 90,
      threshold: 90,
      partial: ['src/a.ts'],
      minutes: 7,
      files: { 'src/a.ts': { killed: 9, counted: 10, sha256: a, survivors: row(a, 9, 10).survivors } },
      equivalents: [{ file: 'src/a.ts', line: 3, mutator: 'StringLiteral', reason: 'the same either way', detected: false }],
    };
    const view = assemble(legacy, scope, root);
    expect([view.killed, view.counted, view.mutants, view.notRun]).toEqual([9, 10, 13, 2]);
    expect(view.current[0][1].equivalents).toHaveLength(1);
  });
});
