'use strict';
/**
 * Case 2: the API over loopback (createApi in its own process) under autocannon at a fixed rate, for a
 * bounded time: PlanActivity commands (each a new activity of another demo project, so the queried
 * project keeps its size) and the demo case study's outcome query.
 * Achieved requests per second, p50 and p99 latency, and every answer that was not a success.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const { runCase, median, workFolder, SCALE, RUNS } = require('../lib/measure');
const { copyTemplate } = require('../lib/stores');
const { CASE_STUDY_PROJECT } = require('../lib/report');

const COMMAND_RATE = 1500;
const QUERY_RATE = 500;
const BUSY_PROJECT = 'p-mascot';

runCase(async () => {
  const autocannon = require('autocannon');
  const server = await serve(copyTemplate(workFolder('http')));
  try {
    const seconds = SCALE >= 100_000 ? 10 : 2;
    let next = 0;
    const commands = {
      method: 'POST',
      path: '/api/commands/PlanActivity',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => {
        next += 1;
        const activityId = `http-${process.pid}-${next}`;
        return {
          ...request,
          headers: { ...request.headers, 'idempotency-key': activityId },
          body: JSON.stringify({
            activityId,
            projectId: BUSY_PROJECT,
            title: `Drop-in session ${next} on community energy`,
            activityType: 'workshop',
            stage: 'co_design',
            format: 'in_person',
            plannedFor: '2026-06-02T18:00:00.000Z',
            ladderLevel: 'co_design',
          }),
        };
      },
    };
    const queries = { method: 'GET', path: `/api/projects/${CASE_STUDY_PROJECT}/outcomes` };
    const load = (request, rate) => runLoad(autocannon, server.url, request, rate, seconds);
    await load(commands, COMMAND_RATE);
    const commandRuns = [];
    for (let run = 0; run < Math.min(RUNS, 3); run += 1) commandRuns.push(await load(commands, COMMAND_RATE));
    await load(queries, QUERY_RATE);
    const queryRuns = [];
    for (let run = 0; run < Math.min(RUNS, 3); run += 1) queryRuns.push(await load(queries, QUERY_RATE));
    return { ...summary('commands', commandRuns, COMMAND_RATE), ...summary('queries', queryRuns, QUERY_RATE) };
  } finally {
    server.stop();
  }
});

function runLoad(autocannon, url, request, rate, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 32, overallRate: rate, duration: seconds, requests: [request] }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

function summary(name, runs, rate) {
  const pick = (f) => median(runs.map(f));
  return {
    [`${name}PerSecond`]: { value: pick((r) => r.requests.total / r.duration), unit: 'req/s', note: `offered ${rate}/s, 32 connections` },
    [`${name}P50Ms`]: { value: pick((r) => r.latency.p50), unit: 'ms' },
    [`${name}P99Ms`]: { value: pick((r) => r.latency.p99), unit: 'ms' },
    [`${name}Failed`]: { value: runs.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0), unit: 'responses' },
  };
}

/** Starts the API in its own process and resolves once it listens. */
function serve(dataDir) {
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'lib', 'serve.js'), dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /@@port (\d+)/.exec(out);
      if (match) resolve({ url: `http://127.0.0.1:${match[1]}`, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`the API process exited with code ${code} before listening`)));
  });
}
