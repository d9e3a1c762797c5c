'use strict';
/**
 * Case 1, peer: Emmett's SQLite event store (@event-driven-io/emmett-sqlite, as shipped: WAL on the
 * node sqlite3 driver) appending the same events our command path wrote, to the same streams, in the
 * same per-command appends, with the same expected stream versions and the same `argv[2]` writers.
 * It only appends: no reference checks, no fold, no decide, no hash chain, no personal-data sealing.
 * Emmett 0.38.5 cannot take concurrent appends: one instance closes its connection after every call
 * (concurrent callers fail with SQLITE_MISUSE), and an instance per writer fails with SQLITE_BUSY. So the
 * writers queue their appends on one instance, as an application using it would have to. Its close
 * is not awaited before the next call opens a new connection, so a commit now and then meets
 * SQLITE_BUSY; such an append is retried (counted in `busyRetries`), as its caller would have to.
 */
const fs = require('node:fs');
const path = require('node:path');
const { runCase, medianOf, workFolder } = require('../lib/measure');
const { workFile } = require('../lib/stores');

const writers = Number(process.argv[2] ?? 1);

runCase(async () => {
  const { getSQLiteEventStore } = require('@event-driven-io/emmett-sqlite');
  const appends = JSON.parse(fs.readFileSync(workFile(`write-events-${writers}.json`), 'utf8'));
  const byWriter = new Map();
  for (const a of appends) {
    if (!byWriter.has(a.writer)) byWriter.set(a.writer, []);
    byWriter.get(a.writer).push(a);
  }
  const folder = workFolder(`emmett-${writers}`);
  const file = path.join(folder, 'emmett.db');
  const store = getSQLiteEventStore({ fileName: file, schema: { autoMigration: 'CreateOrUpdate' } });
  let queue = Promise.resolve();
  let busyRetries = 0;
  const appendRetryingBusy = async (stream, events, expectedStreamVersion) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await store.appendToStream(stream, events, { expectedStreamVersion });
      } catch (error) {
        if (error.code !== 'SQLITE_BUSY' || attempt >= 10) throw error;
        busyRetries += 1;
      }
    }
  };
  const append = (stream, events, expectedStreamVersion) => {
    const done = queue.then(() => appendRetryingBusy(stream, events, expectedStreamVersion));
    queue = done.catch(() => undefined);
    return done;
  };
  const rate = await medianOf(async (run) => {
    const start = process.hrtime.bigint();
    await Promise.all(
      [...byWriter.values()].map(async (list) => {
        for (const a of list) {
          await append(`${a.stream}-run${run}`, a.events, BigInt(a.expectedRevision + 1));
        }
      }),
    );
    return appends.length / (Number(process.hrtime.bigint() - start) / 1e9);
  });
  await store.close?.();
  return {
    commandsPerSecond: { value: rate.median, unit: 'appends/s', runs: rate.runs },
    busyRetries: { value: busyRetries, unit: 'appends retried' },
    synchronous: { value: await pragmaSynchronous(file), unit: 'PRAGMA synchronous (2 = FULL)' },
  };
});

/** The durability the peer's driver opens its files with, to show the comparison is like for like. */
function pragmaSynchronous(file) {
  const sqlite3 = require('sqlite3');
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file);
    db.get('PRAGMA synchronous', (error, row) => {
      db.close();
      if (error) reject(error);
      else resolve(row.synchronous);
    });
  });
}
