'use strict';
/**
 * Builds a store for cases 4 and 6: the demo record plus `argv[2]` other events (copies of it, other
 * projects and people) appended in big batches through the store, then the read models caught up.
 * Kept in the work folder as `argv[3]` for the following cases.
 */
const path = require('node:path');
const { openApplication } = require('../lib/application');
const { appendCopies, loadDemoEvents } = require('../lib/copies');
const { runCase, msSince } = require('../lib/measure');
const { copyTemplate, workFile } = require('../lib/stores');

const others = Number(process.argv[2]);
const name = process.argv[3];

runCase(async () => {
  const dir = copyTemplate(path.join(process.env.BENCH_WORK_DIR, name));
  const ctx = await openApplication(dir);
  let start = process.hrtime.bigint();
  const written = await appendCopies(ctx.store, loadDemoEvents(workFile('demo-events.json')), others, { perTransaction: 50_000 });
  const appendMs = msSince(start);
  start = process.hrtime.bigint();
  await ctx.readModels.runtime.waitFor(await ctx.store.headPosition(), 3_600_000);
  const catchUpMs = msSince(start);
  const head = await ctx.store.headPosition();
  await ctx.close();
  return {
    events: { value: head, unit: 'events' },
    appendPerSecond: { value: written / (appendMs / 1000), unit: 'events/s' },
    catchUpPerSecond: { value: written / (catchUpMs / 1000), unit: 'events/s' },
  };
});
