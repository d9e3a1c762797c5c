'use strict';
/**
 * Case 7: the web interface beside the JSON API answering the same data, in the same run, on the
 * same server: the demo case study's project page (GOV.UK template, every figure with its table)
 * against its outcome query as JSON, each asked by 20 people at once in a closed loop (each asks again
 * as soon as answered). p50 and p95, and the page's p95 as a ratio to the JSON's.
 */
const { runCase, median, workFolder, SCALE, RUNS } = require('../lib/measure');
const { copyTemplate } = require('../lib/stores');
const { CASE_STUDY_PROJECT } = require('../lib/report');
const { serve } = require('../lib/api-process');

const USERS = 20;

runCase(async () => {
  const server = await serve(copyTemplate(workFolder('web')));
  try {
    const seconds = SCALE >= 100_000 ? 5 : 1;
    const page = `${server.url}/projects/${CASE_STUDY_PROJECT}`;
    const json = `${server.url}/api/projects/${CASE_STUDY_PROJECT}/outcomes`;
    await closedLoop(page, 1);
    await closedLoop(json, 1);
    const pageRuns = [];
    const jsonRuns = [];
    for (let run = 0; run < Math.min(RUNS, 3); run += 1) {
      pageRuns.push(await closedLoop(page, seconds));
      jsonRuns.push(await closedLoop(json, seconds));
    }
    const pick = (runs, f) => median(runs.map(f));
    const pageP95 = pick(pageRuns, (r) => r.p95);
    const jsonP95 = pick(jsonRuns, (r) => r.p95);
    return {
      projectPageP50Ms: { value: pick(pageRuns, (r) => r.p50), unit: 'ms', note: `${USERS} people at once, closed loop` },
      projectPageP95Ms: { value: pageP95, unit: 'ms', note: 'target under 100 ms' },
      projectPagePerSecond: { value: pick(pageRuns, (r) => r.perSecond), unit: 'req/s' },
      outcomesJsonP50Ms: { value: pick(jsonRuns, (r) => r.p50), unit: 'ms', note: 'the same figures as JSON' },
      outcomesJsonP95Ms: { value: jsonP95, unit: 'ms' },
      pageToJsonP95Ratio: { value: pageP95 / jsonP95, unit: 'x', note: 'target within 1.5x' },
      failedAnswers: { value: [...pageRuns, ...jsonRuns].reduce((n, r) => n + r.failed, 0), unit: 'responses' },
    };
  } finally {
    server.stop();
  }
});

/** USERS loops asking `url` for `seconds`; latencies in ms, answers per second, and answers that were not 200. */
async function closedLoop(url, seconds) {
  const latencies = [];
  let failed = 0;
  const until = Date.now() + seconds * 1000;
  const person = async () => {
    while (Date.now() < until) {
      const start = process.hrtime.bigint();
      const answer = await fetch(url);
      await answer.arrayBuffer();
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (answer.status !== 200) failed += 1;
    }
  };
  const began = Date.now();
  await Promise.all(Array.from({ length: USERS }, person));
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: at(0.5), p95: at(0.95), perSecond: latencies.length / ((Date.now() - began) / 1000), failed };
}
