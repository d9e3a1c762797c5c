'use strict';
/**
 * Case 3: the bulk import path. Copies of the demo record appended through SqliteEventStore.append,
 * 20,000 events per transaction (every append of a batch made in one tick), each stream checked
 * against its expected revision, every event validated, hashed and chained: events per second.
 */
const path = require('node:path');
const { product } = require('../lib/register');
const { appendInBatches, copiesAsAppends, loadDemoEvents } = require('../lib/copies');
const { runCase, medianOf, workFolder, scaled } = require('../lib/measure');
const { workFile } = require('../lib/stores');

runCase(async () => {
  const { SqliteEventStore } = product('libs/event-store/src');
  const demo = loadDemoEvents(workFile('demo-events.json'));
  const count = scaled(200_000, 2_000);
  const folder = workFolder('bulk-import');
  const rate = await medianOf(async (run) => {
    // The events arrive ready, as parsed rows do; the limit's rows are also made before its clock starts.
    const appends = copiesAsAppends(demo, count);
    const store = new SqliteEventStore({ file: path.join(folder, `bulk-${run}.db`) });
    const start = process.hrtime.bigint();
    const written = await appendInBatches(store, appends);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    await store.close();
    return written / seconds;
  }, 3);
  return {
    eventsPerSecond: { value: rate.median, unit: 'events/s', runs: rate.runs, note: '20,000 events per transaction' },
    events: { value: count, unit: 'events' },
  };
});
