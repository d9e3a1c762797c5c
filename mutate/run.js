#!/usr/bin/env node
'use strict';
/**
 * `npm run mutate [scope...]`: mutation testing with StrykerJS, one named scope at a time (see scopes.js),
 * one test process at a time (the machine is shared). Each scope's mutants are tested against the tests
 * that cover it, through the project's own jest configuration and swc transform. Genuinely equivalent
 * mutants are set aside by the rules in equivalents.js, each with its reason, and listed as such; the
 * thresholds are never lowered to pass. The results of each scope are kept in results/<scope>.json and the
 * table of every scope run so far is written to results/latest.md and printed. StrykerJS is installed into
 * mutate/node_modules on first run. Not part of CI: every scope together takes hours on 2 shared cores.
 * `--files=<file or glob>,...` narrows a run to some of a scope's files; the kept results are merged file by
 * file, the latest run of each file winning, and the table lists the scope's files not yet run.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { SCOPES } = require('./scopes');
const { filesOf } = require('./lib/files');
const { assemble, merge } = require('./lib/results');
const { sourceHash, summarise } = require('./lib/summarise');
const { markdown } = require('./lib/table');

const MUTATE = __dirname;
const ROOT = path.resolve(MUTATE, '..');
const RESULTS = process.env.MUTATE_RESULTS_DIR ?? path.join(MUTATE, 'results');

function main() {
  const args = process.argv.slice(2);
  if (args.includes('--table-only')) return writeTable();
  const unknown = args.filter((a) => !a.startsWith('-') && !SCOPES[a]);
  if (unknown.length > 0) {
    throw new Error(`unknown mutation scope(s): ${unknown.join(', ')}; the scopes are ${Object.keys(SCOPES).join(', ')}`);
  }
  const chosen = args.filter((a) => !a.startsWith('-'));
  const scopes = chosen.length > 0 ? chosen : Object.keys(SCOPES);
  // --files=a.ts,b/**/*.ts narrows a run to some of a scope's files: quicker while working, merged into the kept results.
  const files = listArgument(args, '--files=');
  // --tests=<glob>,... runs a scope's mutants against only some of its tests (say its unit specs, when the
  // end-to-end suites take a minute a mutant): the score is then a lower bound, and the table says so.
  const tests = listArgument(args, '--tests=');
  installDependencies();
  fs.mkdirSync(RESULTS, { recursive: true });
  let failed = 0;
  for (const name of scopes) {
    const started = Date.now();
    const chosenFiles = filesToRun(SCOPES[name], files);
    if (chosenFiles.length === 0) {
      log(`- mutation scope ${name}: --files names none of its files, so it is not run`);
      continue;
    }
    log(`- mutation scope ${name}: ${SCOPES[name].what}${files ? ` (${chosenFiles.length} of its files)` : ''}`);
    // The code each file held when the sandbox was copied: the results are kept for that code only.
    const hashes = Object.fromEntries(chosenFiles.map((file) => [file, sourceHash(fs.readFileSync(path.join(ROOT, file), 'utf8'))]));
    const run = summarise(name, runScope(name, files ? chosenFiles : SCOPES[name].mutate, tests), ROOT, hashes);
    if (tests) for (const row of Object.values(run.files)) row.tests = tests;
    const minutes = Number(((Date.now() - started) / 60000).toFixed(1));
    const keptFile = path.join(RESULTS, `${name}.json`);
    const kept = fs.existsSync(keptFile) ? JSON.parse(fs.readFileSync(keptFile, 'utf8')) : null;
    const results = merge(kept, run, { minutes, narrowed: files ?? null });
    fs.writeFileSync(keptFile, `${JSON.stringify(results, null, 2)}\n`);
    const ran = Object.values(run.files);
    const killed = ran.reduce((sum, row) => sum + row.killed, 0);
    const counted = ran.reduce((sum, row) => sum + row.counted, 0);
    log(`  this run: ${killed} detected of ${counted} counted in ${ran.length} file(s), ${minutes} min`);
    const view = assemble(results, SCOPES[name], ROOT);
    log(`  scope ${name}: ${view.score === null ? 'no score' : `${view.score.toFixed(1)}%`} over ${view.current.length} of ${view.inScope} files`);
    if (view.score !== null && view.score < SCOPES[name].threshold) failed++;
  }
  writeTable();
  if (failed > 0) {
    log(`\n${failed} scope(s) below their threshold`);
    process.exitCode = 1;
  }
}

/** The scope's files a run mutates: all of them, or those of them `--files` names (a file outside the scope is never mutated in its name). */
function filesToRun(scope, files) {
  const all = filesOf(ROOT, scope.mutate);
  if (!files) return all;
  const asked = new Set(filesOf(ROOT, files));
  return all.filter((file) => asked.has(file));
}

/** Runs StrykerJS on one scope's `mutate` patterns in a sandbox copy of the tree and returns its mutation-testing report (schema 2). */
function runScope(name, patterns, tests) {
  const scope = SCOPES[name];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `coprod-mutate-${name}-`));
  const reportFile = path.join(work, 'report.json');
  const testMatch = tests ? tests.map((glob) => (glob.startsWith('<rootDir>/') ? glob : `<rootDir>/${glob}`)) : scope.tests;
  const jestConfig = path.join(work, 'jest.config.js');
  // The root configuration (swc transform, aliases, set-up) with only this scope's tests.
  fs.writeFileSync(
    jestConfig,
    `const base = require(${JSON.stringify(path.join(ROOT, 'jest.config.js'))});\n` +
      `module.exports = { ...base, rootDir: process.cwd(), roots: ${JSON.stringify(scope.roots)}, testMatch: ${JSON.stringify(testMatch)}, maxWorkers: 1 };\n`,
  );
  const config = {
    $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
    packageManager: 'npm',
    testRunner: 'jest',
    // The runner is an ES module: its package's `require` entry is only the jest environment mixin.
    plugins: [path.join(MUTATE, 'node_modules', '@stryker-mutator', 'jest-runner', 'dist', 'src', 'index.js')],
    // Only the spec files that import the mutated file run for each mutant, filtered to the tests that reached it.
    jest: { projectType: 'custom', configFile: jestConfig, enableFindRelatedTests: true },
    coverageAnalysis: 'perTest',
    concurrency: 1,
    mutate: patterns,
    // The sandbox needs the sources, tests and data files, never build output or other tools' folders.
    ignorePatterns: ['/dist', '/bench', '/mutate', '/docs', '/data', '/out', '/coverage', '*.db', '*.db-wal', '*.db-shm'],
    tempDirName: path.join(work, 'sandbox'),
    cleanTempDir: 'always',
    reporters: ['json', 'progress'],
    jsonReporter: { fileName: reportFile },
    thresholds: { high: scope.threshold, low: scope.threshold, break: null },
    // A static mutant (a module-level constant such as a vocabulary list) needs every test run again for
    // each one: on 2 cores that is most of the hour. MUTATE_STATIC=1 runs them; otherwise they are counted as not run.
    ignoreStatic: process.env.MUTATE_STATIC !== '1',
    timeoutMS: 10000,
    timeoutFactor: 2,
    disableTypeChecks: 'libs/**/*.ts',
  };
  const configFile = path.join(work, 'stryker.config.json');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  const stryker = path.join(MUTATE, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
  const result = spawnSync(process.execPath, [stryker, 'run', configFile], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    if (!fs.existsSync(reportFile))
      throw new Error(`StrykerJS wrote no report for scope ${name} (exit ${result.status ?? result.signal}); see its output above`);
    // MUTATE_KEEP_REPORT=<folder> keeps StrykerJS's own report (every mutant, killed ones too) for a closer look.
    if (process.env.MUTATE_KEEP_REPORT) fs.copyFileSync(reportFile, path.join(process.env.MUTATE_KEEP_REPORT, `${name}.report.json`));
    return JSON.parse(fs.readFileSync(reportFile, 'utf8'));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Writes results/latest.md from every scope's kept results, in the order scopes.js names them. */
function writeTable() {
  const views = Object.keys(SCOPES)
    .filter((name) => fs.existsSync(path.join(RESULTS, `${name}.json`)))
    .map((name) => assemble(JSON.parse(fs.readFileSync(path.join(RESULTS, `${name}.json`), 'utf8')), SCOPES[name], ROOT));
  const table = markdown(views, SCOPES);
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), table);
  process.stdout.write(`\n${table}`);
}

/** Installs StrykerJS into mutate/node_modules when it is missing. */
function installDependencies() {
  const wanted = Object.keys(JSON.parse(fs.readFileSync(path.join(MUTATE, 'package.json'), 'utf8')).dependencies);
  const missing = wanted.filter((name) => !fs.existsSync(path.join(MUTATE, 'node_modules', name, 'package.json')));
  if (missing.length === 0) return;
  log(`installing mutation testing's own dependencies into mutate/node_modules (${missing.join(', ')})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--prefix', MUTATE, '--no-audit', '--no-fund'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0)
    throw new Error(`could not install StrykerJS (npm exited with ${result.status}); run npm ci --prefix mutate and try again`);
}

/** The comma-separated values of `--name=a,b`, or undefined when it is not given. */
function listArgument(args, prefix) {
  return args
    .find((a) => a.startsWith(prefix))
    ?.slice(prefix.length)
    .split(',')
    .filter(Boolean);
}

function log(line) {
  process.stderr.write(`${line}\n`);
}

try {
  main();
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
