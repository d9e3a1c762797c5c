#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: runs every case of issue 7 in its own process (so each has its own peak memory),
 * each figure the median of several runs after a warm-up, then writes bench/results/latest.md and
 * latest.json and prints the table. BENCH_SCALE (default 1,000,000) sizes the large stores and the
 * batches; BENCH_RUNS (default 5) the measured runs. The product runs from its TypeScript sources
 * (compiled by swc on load, see lib/register.js), so no build is needed. The benchmark's own
 * dependencies (the loadtest load generator, the Emmett peer) are installed into bench/node_modules on first run.
 */
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { rows, markdown, fmt } = require('./lib/table');

const BENCH = __dirname;
const ROOT = path.resolve(BENCH, '..');
const SCALE = Number(process.env.BENCH_SCALE ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const RESULTS = process.env.BENCH_RESULTS_DIR ?? path.join(BENCH, 'results');
const smallStore = String(Math.max(100, Math.round((10_000 * SCALE) / 1_000_000)));

const STEPS = [
  { id: 'prepare', script: 'prepare.js', what: 'the demo record, recorded once as the template store' },
  { id: 'fsync', script: 'fsync.js', what: 'case 1 limit: fsync rate' },
  { id: 'raw-insert', script: 'raw-insert.js', what: 'case 1 and 3 limit: raw inserts in one transaction' },
  { id: 'writes-1', script: 'writes.js', args: ['1'], what: 'case 1: command path, 1 writer' },
  { id: 'writes-32', script: 'writes.js', args: ['32'], what: 'case 1: command path, 32 writers' },
  { id: 'emmett-1', script: 'writes-emmett.js', args: ['1'], what: 'case 1 peer: Emmett, 1 writer' },
  { id: 'emmett-32', script: 'writes-emmett.js', args: ['32'], what: 'case 1 peer: Emmett, 32 writers' },
  { id: 'http', script: 'http.js', what: 'case 2: HTTP on loopback with loadtest' },
  { id: 'web', script: 'web.js', what: 'case 7: web pages beside the JSON API' },
  { id: 'bulk-import', script: 'bulk-import.js', what: 'case 3: bulk import through the store' },
  { id: 'import', script: 'import.js', what: 'case 3: a register imported from a CSV through the command path, beside bulk append' },
  { id: 'report', script: 'report.js', what: 'case 5: case-study PDF' },
  { id: 'report-scripts', script: 'report-scripts.js', what: 'case 5: case-study PDF quoting people in every script, beside Latin-only' },
  { id: 'chromium', script: 'chromium.js', what: 'case 5 peer: Chromium printing the HTML twin' },
  { id: 'store-small', script: 'large-store.js', args: [smallStore, 'store-small'], what: `store with ${smallStore} other events` },
  { id: 'store-large', script: 'large-store.js', args: [String(SCALE), 'store-large'], what: `store with ${SCALE} other events` },
  { id: 'rebuild', script: 'rebuild.js', args: ['store-large'], what: 'case 4: rebuild every read model' },
  { id: 'scaling-small', script: 'scaling.js', args: ['store-small'], what: 'case 6: query and report, small store' },
  { id: 'scaling-large', script: 'scaling.js', args: ['store-large'], what: 'case 6: query and report, large store' },
  { id: 'api-memory', script: 'api-memory.js', args: ['store-large'], what: 'case 6: API resident memory, large store' },
  { id: 'soak', script: 'soak.js', what: 'case 8: soak at a fixed rate, then overload at twice the sustainable rate' },
];

async function main() {
  if (process.argv.includes('--table-only')) return retable();
  installDependencies();
  const work = fs.mkdtempSync(path.join(process.env.BENCH_WORK_DIR ?? os.tmpdir(), 'coprod-bench-'));
  const machine = { ...machineNow(), loadBefore: os.loadavg() };
  log(`coprod benchmarks: scale ${SCALE.toLocaleString('en-GB')}, ${RUNS} runs after a warm-up, ${machine.cores} cores, load ${machine.loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  const results = {};
  try {
    for (const step of STEPS) {
      const start = Date.now();
      log(`- ${step.what} ...`);
      results[step.id] = await runStep(step, work);
      const status = results[step.id].error ? `FAILED: ${results[step.id].error.split('\n')[0]}` : `${((Date.now() - start) / 1000).toFixed(1)} s`;
      log(`  ${status}`);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  machine.loadAfter = os.loadavg();
  const table = rows(results, SCALE);
  const report = render(table, machine, results, SCALE, RUNS);
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), report);
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify({ machine, scale: SCALE, runs: RUNS, table, steps: results }, null, 2)}\n`);
  process.stdout.write(`\n${report}`);
  const failed = Object.entries(results).filter(([, r]) => r.error);
  if (failed.length > 0) {
    log(`\n${failed.length} step(s) failed: ${failed.map(([id]) => id).join(', ')}; their figures show as n/a`);
    process.exitCode = 1;
  }
}

/** Installs the load generator and the Emmett peer into bench/node_modules when they are missing. */
function installDependencies() {
  const wanted = Object.keys(JSON.parse(fs.readFileSync(path.join(BENCH, 'package.json'), 'utf8')).dependencies);
  const missing = wanted.filter((name) => !fs.existsSync(path.join(BENCH, 'node_modules', name, 'package.json')));
  if (missing.length === 0) return;
  const lock = fs.existsSync(path.join(BENCH, 'package-lock.json'));
  log(`installing the benchmark's own dependencies into bench/node_modules (${missing.join(', ')}); sqlite3 compiles from source, a few minutes`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, [lock ? 'ci' : 'install', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`could not install the benchmark's dependencies (npm exited with ${result.status}); run npm install --prefix bench and try again`);
}

/** Runs one step's script in a child process and returns its figures (or its error). */
function runStep(step, work) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(BENCH, 'cases', step.script), ...(step.args ?? [])], {
      cwd: ROOT,
      env: { ...process.env, BENCH_WORK_DIR: work, BENCH_SCALE: String(SCALE), BENCH_RUNS: String(RUNS) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith('@@bench '));
      if (code === 0 && line) resolve(JSON.parse(line.slice('@@bench '.length)));
      else resolve({ error: (err.trim() || `exited with ${signal ?? code}`).slice(0, 4000) });
    });
  });
}

function machineNow() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    commit: gitCommit(),
    product: 'TypeScript sources compiled on load by swc',
  };
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return 'unknown';
  }
}

function render(table, machine, results, scale = SCALE, runs = RUNS) {
  const load = (l) => l.map((x) => x.toFixed(2)).join(', ');
  const failures = Object.entries(results).filter(([, r]) => r.error);
  return [
    '# coprod benchmarks',
    '',
    `${machine.date}, commit ${machine.commit}: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}.`,
    `Load average (1, 5, 15 min) before: ${load(machine.loadBefore)}; after: ${load(machine.loadAfter)}.`,
    `Scale ${fmt(scale, 0)} events; each figure the median of ${runs} runs after a warm-up (rebuild, bulk import and HTTP: at most 3). Product: ${machine.product}.`,
    '',
    markdown(table),
    '',
    'Peak MB is the peak resident memory of the process that measured the figure (process.resourceUsage().maxRSS); for Chromium, of its process tree.',
    ...(failures.length ? ['', '## Steps that failed', '', ...failures.map(([id, r]) => `- ${id}: ${r.error.split('\n')[0]}`)] : []),
    '',
  ].join('\n');
}

/** `--table-only`: renders the table again from the last run's figures (after a change to how it is laid out). */
function retable() {
  const last = JSON.parse(fs.readFileSync(path.join(RESULTS, 'latest.json'), 'utf8'));
  const table = rows(last.steps, last.scale);
  const report = render(table, last.machine, last.steps, last.scale, last.runs);
  fs.writeFileSync(path.join(RESULTS, 'latest.md'), report);
  fs.writeFileSync(path.join(RESULTS, 'latest.json'), `${JSON.stringify({ ...last, table }, null, 2)}\n`);
  process.stdout.write(report);
}

function log(message) {
  process.stderr.write(`${message}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
