'use strict';
/**
 * Soak and overload: the API (in its own process, on the demo record) under mixed reads and writes at a
 * fixed rate for a fixed time, then at twice the highest rate it serves promptly.
 *
 * The load is open loop and evenly spaced: each request is sent at its scheduled moment whether or not
 * earlier ones were answered, and its latency counts from that moment, so a queue in front of the server
 * shows in the figures. One request in four records something (PlanActivity, each a new activity); the
 * others read outcome figures and the project list. /health is asked ten times a second throughout.
 *
 * Figures: throughput, p50 and p99 over the whole soak and over its first and last thirds (flat means the
 * server does not slow down as it runs), /health p99, the server's resident memory at start and end; then,
 * at twice the sustainable rate, the share of requests shed with 503 and Retry-After and the p99 of the rest.
 */
const http = require('node:http');
const fs = require('node:fs');
const { runCase, workFolder, SCALE } = require('../lib/measure');
const { copyTemplate } = require('../lib/stores');
const { CASE_STUDY_PROJECT } = require('../lib/report');
const { serve } = require('../lib/api-process');

const SOAK_RATE = 100;
/** The full soak lasts three minutes; a smaller BENCH_SCALE shortens it, never below ten seconds. */
const SOAK_SECONDS = Math.max(10, Math.round((180 * SCALE) / 1_000_000));
/** Rates tried for the sustainable rate, lowest first: the highest served with p99 under the target and no failure. */
const LADDER = [100, 200, 400, 800, 1600];
const LADDER_SECONDS = 3;
const P99_TARGET_MS = 100;
const BUSY_PROJECT = 'p-mascot';

runCase(async () => {
  const server = await serve(copyTemplate(workFolder('soak')));
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let next = 0;
  const requests = [
    () => ({ method: 'GET', path: `/api/projects/${CASE_STUDY_PROJECT}/outcomes` }),
    () => ({ method: 'GET', path: '/api/projects' }),
    () => ({ method: 'GET', path: `/api/projects/${CASE_STUDY_PROJECT}/outcomes` }),
    () => {
      next += 1;
      const body = JSON.stringify({
        activityId: `soak-${process.pid}-${next}`,
        projectId: BUSY_PROJECT,
        title: `Soak session ${next}`,
        activityType: 'workshop',
        stage: 'co_design',
        format: 'in_person',
        plannedFor: '2026-06-02T18:00:00.000Z',
        ladderLevel: 'co_design',
      });
      return { method: 'POST', path: '/api/commands/PlanActivity', body };
    },
  ];
  const send = (request) => sendOne(server.url, agent, request);
  try {
    const rssStartMb = rssMb(server.pid);
    const soak = await run(send, requests, SOAK_RATE, SOAK_SECONDS);
    const rssEndMb = rssMb(server.pid);

    let sustainable = 0;
    for (const rate of LADDER) {
      const step = await run(send, requests, rate, LADDER_SECONDS);
      if (step.p99 >= P99_TARGET_MS || step.failed > 0) break;
      sustainable = rate;
    }
    const overloadRate = 2 * Math.max(sustainable, LADDER[0]);
    const overload = await run(send, requests, overloadRate, Math.max(LADDER_SECONDS, Math.round(SOAK_SECONDS / 3)));
    return {
      soakPerSecond: { value: soak.perSecond, unit: 'req/s', note: `offered ${SOAK_RATE}/s for ${SOAK_SECONDS} s, one write in four` },
      soakP50Ms: { value: soak.p50, unit: 'ms' },
      soakP99Ms: { value: soak.p99, unit: 'ms' },
      soakP99FirstThirdMs: { value: soak.thirds[0], unit: 'ms' },
      soakP99LastThirdMs: { value: soak.thirds[2], unit: 'ms' },
      soakFailed: { value: soak.failed, unit: 'responses', note: 'not 2xx' },
      soakHealthP99Ms: { value: soak.healthP99, unit: 'ms' },
      rssStartMb: { value: rssStartMb, unit: 'MB' },
      rssEndMb: { value: rssEndMb, unit: 'MB' },
      sustainablePerSecond: {
        value: sustainable,
        unit: 'req/s',
        note: `highest of ${LADDER.join(', ')}/s with p99 under ${P99_TARGET_MS} ms and no failure`,
      },
      overloadPerSecond: { value: overloadRate, unit: 'req/s', note: 'offered: twice the sustainable rate' },
      overloadShedShare: { value: overload.shedShare, unit: '%', note: '503 with Retry-After' },
      overloadP99OfRestMs: { value: overload.p99OfServed, unit: 'ms', note: 'requests not shed' },
      overloadOtherFailures: { value: overload.failed - overload.shed, unit: 'responses', note: 'neither 2xx nor 503 with Retry-After' },
      overloadHealthP99Ms: { value: overload.healthP99, unit: 'ms' },
    };
  } finally {
    agent.destroy();
    server.stop();
  }
});

/** Sends `rate` requests a second, evenly spaced, for `seconds`, and /health ten times a second; waits for every answer. */
async function run(send, requests, rate, seconds) {
  const answers = [];
  const health = [];
  const total = rate * seconds;
  const start = performance.now();
  const pending = [];
  let healthNext = 0;
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(requests[i % requests.length]()).then((answer) => answers.push({ ...answer, latency: answer.at - due, due: due - start })));
    if (performance.now() - start >= healthNext * 100) {
      const asked = performance.now();
      healthNext += 1;
      pending.push(send({ method: 'GET', path: '/health' }).then((answer) => health.push(answer.at - asked)));
    }
  }
  await Promise.all(pending);
  const elapsed = (Math.max(...answers.map((a) => a.at)) - start) / 1000;
  const served = answers.filter((a) => !(a.status === 503 && a.retryAfter));
  const shed = answers.length - served.length;
  const third = (k) =>
    percentile(
      answers.filter((a) => a.due >= (k * seconds * 1000) / 3 && a.due < ((k + 1) * seconds * 1000) / 3).map((a) => a.latency),
      99,
    );
  return {
    perSecond: Math.round(answers.length / elapsed),
    p50: percentile(
      answers.map((a) => a.latency),
      50,
    ),
    p99: percentile(
      answers.map((a) => a.latency),
      99,
    ),
    thirds: [third(0), third(1), third(2)],
    failed: answers.filter((a) => a.status < 200 || a.status >= 300).length,
    shed,
    shedShare: Math.round((1000 * shed) / answers.length) / 10,
    p99OfServed: percentile(
      served.map((a) => a.latency),
      99,
    ),
    healthP99: percentile(health, 99),
  };
}

/** One request; resolves with its status, whether it said when to retry, and when the answer ended. */
function sendOne(base, agent, request) {
  return new Promise((resolve) => {
    const url = new URL(request.path, base);
    const req = http.request(
      url,
      {
        method: request.method,
        agent,
        headers: request.body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(request.body) } : {},
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'] !== undefined, at: performance.now() }));
      },
    );
    req.on('error', () => resolve({ status: 0, retryAfter: false, at: performance.now() }));
    req.end(request.body);
  });
}

function percentile(values, p) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]);
}

/** The resident memory of a process, from /proc. */
function rssMb(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}
