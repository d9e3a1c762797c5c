'use strict';
/**
 * Case 6: the same project's outcome query (GetProjectOutcomes on the QueryBus) and case-study report
 * on a store holding the demo record and `argv[2]`'s other events: warm medians. Each query asks
 * for another "as of" moment (all after the record's last), so every answer is computed, none reused.
 */
const path = require('node:path');
const { openApplication } = require('../lib/application');
const { caseStudyReport, CASE_STUDY_PROJECT } = require('../lib/report');
const { runCase, medianOf, msSince, RUNS } = require('../lib/measure');

runCase(async () => {
  const ctx = await openApplication(path.join(process.env.BENCH_WORK_DIR, process.argv[2]));
  await ctx.readModels.runtime.waitFor(await ctx.store.headPosition(), 3_600_000);
  const { GetProjectOutcomes } = ctx.application;
  const timed = async (work) => {
    const start = process.hrtime.bigint();
    await work();
    return msSince(start);
  };
  let asked = 0;
  const query = () => {
    asked += 1;
    const asOf = new Date(Date.UTC(2099, 0, 1) + asked).toISOString();
    return ctx.queryBus.execute(new GetProjectOutcomes({ projectId: CASE_STUDY_PROJECT, asOf, now: new Date().toISOString() }));
  };
  const report = caseStudyReport(ctx);
  const outcomes = await medianOf(() => timed(query), Math.max(RUNS, 5) * 4);
  const pdf = await medianOf(() => timed(() => report(CASE_STUDY_PROJECT)), Math.max(RUNS, 5));
  const events = await ctx.store.headPosition();
  await ctx.close();
  return {
    outcomeQueryMs: { value: outcomes.median, unit: 'ms', runs: outcomes.runs },
    reportMs: { value: pdf.median, unit: 'ms', runs: pdf.runs },
    events: { value: events, unit: 'events' },
  };
});
