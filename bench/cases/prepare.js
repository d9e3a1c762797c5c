'use strict';
/**
 * Records the demo record once through the command path into `<work>/template` (copied by the other
 * cases) and writes its stored events to `<work>/demo-events.json` (the shape of the large stores).
 */
const fs = require('node:fs');
const path = require('node:path');
const { openApplication, recordDemo } = require('../lib/application');
const { runCase, msSince } = require('../lib/measure');

runCase(async () => {
  const work = process.env.BENCH_WORK_DIR;
  const template = path.join(work, 'template');
  const ctx = await openApplication(template);
  const start = process.hrtime.bigint();
  const position = await recordDemo(ctx);
  const elapsed = msSince(start);
  const events = await ctx.store.readAll();
  fs.writeFileSync(path.join(work, 'demo-events.json'), JSON.stringify(events));
  await ctx.close();
  return { demoEvents: { value: position, unit: 'events' }, demoRecordMs: { value: elapsed, unit: 'ms' } };
});
