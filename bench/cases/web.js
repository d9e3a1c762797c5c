'use strict';
/**
 * Case 7: the web interface beside the JSON API answering the same data, in the same run, on the
 * same server, each asked by 20 people at once in a closed loop (each asks again as soon as answered):
 * - the demo case study's project page (GOV.UK template, every figure with its table) against its
 *   outcome query as JSON;
 * - a register of 12 people submitted through the register page (CSRF token, one-time form key, the
 *   form's own checks, then one command per row) against the same 12 attendances sent to the JSON API
 *   one command after another. Each submission is for a session of its own, planned and held
 *   beforehand, so every one records all 12 rows.
 * p50 and p95, and each page's p95 as a ratio to its JSON twin's.
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
      ...(await registers(server.url)),
      failedAnswers: { value: [...pageRuns, ...jsonRuns].reduce((n, r) => n + r.failed, 0), unit: 'responses' },
    };
  } finally {
    server.stop();
  }
});

const REGISTER_ROWS = 12;

/**
 * Registers of REGISTER_ROWS people by USERS people at once: each submits SUBMISSIONS registers through
 * the page, then the same attendances through the JSON API, every submission to a fresh held session.
 */
async function registers(base) {
  const submissions = SCALE >= 100_000 ? 5 : 2;
  const people = await registerPeople(base, await heldSessionOnce(base));
  if (people.length < REGISTER_ROWS) throw new Error(`the demo project has ${people.length} people; the register case needs ${REGISTER_ROWS}`);
  const chosen = people.slice(0, REGISTER_ROWS);
  let next = 0;
  const heldSession = () => heldSessionOnce(base, `bench-register-${(next += 1)}`);
  const viaPage = [];
  const viaJson = [];
  let failed = 0;
  const person = async () => {
    for (let i = 0; i < submissions; i += 1) {
      const pageSession = await heldSession();
      const form = await registerForm(base, pageSession, chosen);
      let start = process.hrtime.bigint();
      const answer = await fetch(form.action, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: form.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: form.body,
      });
      await answer.arrayBuffer();
      viaPage.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (answer.status !== 303) failed += 1;
      const jsonSession = await heldSession();
      start = process.hrtime.bigint();
      for (const participantId of chosen) {
        const ok = await command(
          base,
          'RecordAttendance',
          { activityId: jsonSession, participantId, minutes: 120, capacity: 'member', format: 'in_person' },
          false,
        );
        if (!ok) failed += 1;
      }
      viaJson.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: USERS }, person));
  const at = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
  return {
    registerPageP50Ms: { value: at(viaPage, 0.5), unit: 'ms', note: `a register of ${REGISTER_ROWS} through the page, ${USERS} people at once` },
    registerPageP95Ms: { value: at(viaPage, 0.95), unit: 'ms', note: 'target under 100 ms' },
    registerJsonP50Ms: { value: at(viaJson, 0.5), unit: 'ms', note: `the same ${REGISTER_ROWS} attendances as JSON commands, one after another` },
    registerJsonP95Ms: { value: at(viaJson, 0.95), unit: 'ms' },
    registerPageToJsonP95Ratio: { value: at(viaPage, 0.95) / at(viaJson, 0.95), unit: 'x', note: 'target within 1.5x' },
    registerFailures: { value: failed, unit: 'submissions or rows not recorded' },
  };
}

/** The register page for a held session, filled in: every chosen person ticked for 120 minutes, with its cookie and tokens. */
async function registerForm(base, activityId, chosen) {
  const url = `${base}/projects/${CASE_STUDY_PROJECT}/sessions/${activityId}/register`;
  const answer = await fetch(url);
  const html = await answer.text();
  if (answer.status !== 200) throw new Error(`the register page answered ${answer.status}: ${html.slice(0, 200)}`);
  const cookie = (answer.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const hidden = (name) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  const body = new URLSearchParams({ _csrf: hidden('_csrf') ?? '', formKey: hidden('formKey') ?? '' });
  for (const match of html.matchAll(/name="person-(\d+)" value="([^"]+)"/g)) {
    const [, index, participantId] = match;
    body.set(`person-${index}`, participantId);
    if (!chosen.includes(participantId)) continue;
    body.set(`took-${index}`, 'yes');
    body.set(`minutes-${index}`, '120');
    body.set(`capacity-${index}`, 'member');
    body.set(`format-${index}`, 'in_person');
  }
  return { action: url, cookie, body: body.toString() };
}

/** Plans and holds a session of the demo project through the JSON API; answers its id. */
async function heldSessionOnce(base, activityId = 'bench-register-people') {
  await command(base, 'PlanActivity', {
    activityId,
    projectId: CASE_STUDY_PROJECT,
    title: `Register bench ${activityId}`,
    activityType: 'workshop',
    stage: 'co_delivery',
    format: 'in_person',
    plannedFor: '2026-05-01T10:00:00Z',
    ladderLevel: 'co_design',
  });
  await command(base, 'HoldActivity', { activityId, heldOn: '2026-05-01T10:00:00Z', durationMinutes: 120, ladderLevel: 'co_design' });
  return activityId;
}

/** The people the register page of `activityId` lists (the project's people), in its order. */
async function registerPeople(base, activityId) {
  const html = await (await fetch(`${base}/projects/${CASE_STUDY_PROJECT}/sessions/${activityId}/register`)).text();
  return [...html.matchAll(/name="person-\d+" value="([^"]+)"/g)].map((m) => m[1]);
}

/** Sends one command to the JSON API; throws (or, with `strict` off, answers false) unless it was recorded. */
async function command(base, type, body, strict = true) {
  const answer = await fetch(`${base}/api/commands/${type}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await answer.arrayBuffer();
  if (answer.status === 201) return true;
  if (strict) throw new Error(`${type} answered ${answer.status}`);
  return false;
}

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
