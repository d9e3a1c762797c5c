'use strict';
/** Case 4: ProjectionRuntime.rebuild of every read model from the whole log of the large store: events per second. */
const path = require('node:path');
const { openApplication } = require('../lib/application');
const { runCase, medianOf, RUNS } = require('../lib/measure');

runCase(async () => {
  const ctx = await openApplication(path.join(process.env.BENCH_WORK_DIR, process.argv[2]));
  await ctx.readModels.runtime.waitFor(await ctx.store.headPosition(), 3_600_000);
  let events = 0;
  const rate = await medianOf(async () => {
    const start = process.hrtime.bigint();
    events = await ctx.readModels.runtime.rebuild();
    return events / (Number(process.hrtime.bigint() - start) / 1e9);
  }, Math.min(RUNS, 3));
  await ctx.close();
  return { eventsPerSecond: { value: rate.median, unit: 'events/s', runs: rate.runs, note: `${events} events` } };
});
