'use strict';
/**
 * A scope's kept results (results/<scope>.json) put together from every run, file by file: a run narrowed
 * with `--files` replaces the results of the files it ran and keeps the others; a whole-scope run replaces
 * them all. Each file keeps the SHA-256 of the code it mutated, so when the table is written a file whose
 * code has changed since is shown as changed, not counted, and every file of the scope never run is listed:
 * the score always says which files it is the score of.
 */
const fs = require('node:fs');
const path = require('node:path');
const { filesOf } = require('./files');
const { reapply, sourceHash } = require('./summarise');

/**
 * Kept results in the shape this version writes. Results written before files were kept separately had
 * one date for the whole run and the static and invalid mutants counted for the scope only: those two
 * counts stay with their run (as `unattributed`) until every file of it has been run again.
 */
function upgrade(kept) {
  if (kept.runs) return kept;
  const files = {};
  for (const [file, row] of Object.entries(kept.files)) {
    const equivalents = kept.equivalents.filter((e) => e.file === file).map(({ file: _, ...e }) => e);
    files[file] = {
      sha256: row.sha256,
      date: kept.date,
      mutants: row.counted + equivalents.length,
      notRun: 0,
      invalid: 0,
      equivalent: equivalents.length,
      counted: row.counted,
      killed: row.killed,
      survived: row.survivors.filter((s) => s.status === 'Survived').length,
      noCoverage: row.survivors.filter((s) => s.status === 'NoCoverage').length,
      survivors: row.survivors,
      equivalents,
    };
  }
  const run = {
    date: kept.date,
    minutes: kept.minutes ?? null,
    narrowed: kept.partial ?? null,
    unattributed: { notRun: kept.notRun ?? 0, invalid: kept.invalid },
  };
  return { scope: kept.scope, runs: [run], files };
}

/** The kept results with one more run merged in: its files replace theirs; runs no file comes from any more are dropped. */
function merge(kept, run, { minutes, narrowed }) {
  const before = kept ? upgrade(kept) : { scope: run.scope, runs: [], files: {} };
  const files = narrowed ? { ...before.files } : {};
  for (const [file, row] of Object.entries(run.files)) files[file] = { ...row, date: run.date };
  const runs = [...before.runs, { date: run.date, minutes, narrowed: narrowed ?? null }].filter((r) =>
    Object.values(files).some((row) => row.date === r.date),
  );
  return { scope: run.scope, runs, files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) };
}

const COUNTS = ['mutants', 'notRun', 'invalid', 'equivalent', 'counted', 'killed', 'survived', 'noCoverage'];

/**
 * What the table shows for one scope, from its kept results and the tree as it is now: the totals and
 * score of the files whose code is still what was run (with today's equivalence rules applied), and the
 * files of the scope not yet run, changed since their run, or no longer in the scope.
 */
function assemble(kept, scope, root) {
  const results = upgrade(kept);
  const inScope = filesOf(root, scope.mutate);
  const current = [];
  const changed = [];
  const gone = [];
  for (const [file, row] of Object.entries(results.files)) {
    const at = path.join(root, file);
    if (!inScope.includes(file) || !fs.existsSync(at)) gone.push(file);
    else if (sourceHash(fs.readFileSync(at, 'utf8')) !== row.sha256) changed.push(file);
    else current.push([file, reapply(file, structuredClone(row), root)]);
  }
  const dates = new Set(current.map(([, row]) => row.date));
  const runs = results.runs.filter((r) => dates.has(r.date));
  const totals = Object.fromEntries(COUNTS.map((count) => [count, current.reduce((sum, [, row]) => sum + row[count], 0)]));
  for (const r of runs) {
    totals.notRun += r.unattributed?.notRun ?? 0;
    totals.invalid += r.unattributed?.invalid ?? 0;
    totals.mutants += (r.unattributed?.notRun ?? 0) + (r.unattributed?.invalid ?? 0);
  }
  return {
    scope: results.scope,
    threshold: scope.threshold,
    ...totals,
    score: totals.counted === 0 ? null : (100 * totals.killed) / totals.counted,
    inScope: inScope.length,
    current,
    notYetRun: inScope.filter((file) => !results.files[file]),
    // Run against only some of the scope's tests (--tests): their score is a lower bound.
    fewerTests: current.filter(([, row]) => row.tests).map(([file, row]) => ({ file, tests: row.tests })),
    changed,
    gone,
    runs,
  };
}

module.exports = { upgrade, merge, assemble };
