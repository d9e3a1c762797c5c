'use strict';
/** What every case shares: its size, how many runs, medians after a warm-up, and how it reports. */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** Events in the large store (rebuild, scaling, API memory); the smoke test sets it small. */
const SCALE = positiveInteger('BENCH_SCALE', 1_000_000);
/** Measured runs per figure, after one warm-up run. */
const RUNS = positiveInteger('BENCH_RUNS', 5);

function positiveInteger(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
  return value;
}

/** A size that is `full` at the full scale of 1,000,000 and shrinks with BENCH_SCALE, never below `least`. */
function scaled(full, least) {
  return Math.max(least, Math.round((full * SCALE) / 1_000_000));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs `once` a first time to warm up, then RUNS times; `once(run)` returns the figure of one run.
 * Returns the median and every run's figure.
 */
async function medianOf(once, runs = RUNS) {
  await once(0);
  const values = [];
  for (let run = 1; run <= runs; run += 1) values.push(await once(run));
  return { median: median(values), runs: values };
}

/** Milliseconds since `start` (a process.hrtime.bigint()). */
function msSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A fresh folder for one case's files, removed when the process ends. */
function workFolder(name) {
  const base = process.env.BENCH_WORK_DIR ?? os.tmpdir();
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, `coprod-bench-${name}-`));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Peak resident memory of this process so far, in MB. */
function peakRssMb() {
  return process.resourceUsage().maxRSS / 1024;
}

/**
 * Runs one case in this (child) process and hands its figures to bench/run.js on stdout:
 * `measure()` resolves to `{ figureName: { value, unit, runs?, note? } }`.
 */
function runCase(measure) {
  measure()
    .then((figures) => {
      process.stdout.write(`\n@@bench ${JSON.stringify({ figures, peakRssMb: peakRssMb() })}\n`);
      process.exit(0);
    })
    .catch((error) => {
      process.stderr.write(`${error.stack ?? error}\n`);
      process.exit(1);
    });
}

module.exports = { SCALE, RUNS, scaled, median, medianOf, msSince, workFolder, peakRssMb, runCase };
