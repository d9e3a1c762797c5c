'use strict';
/**
 * Case 1 and 3, limit: better-sqlite3 inserting the store's own rows (sealed copies of the demo record)
 * into the same table, WAL and synchronous=FULL, all in one transaction: no validation, no hashing,
 * no concurrency checks. What the disk and SQLite allow.
 */
const path = require('node:path');
const { product } = require('../lib/register');
const { loadDemoEvents } = require('../lib/copies');
const { sealedRows } = require('../lib/sealed-rows');
const { runCase, medianOf, workFolder, scaled } = require('../lib/measure');
const { workFile } = require('../lib/stores');

runCase(async () => {
  const Database = product('node_modules/better-sqlite3');
  const { SCHEMA } = product('libs/event-store/src/sqlite/schema');
  const count = scaled(200_000, 2_000);
  const rows = sealedRows(loadDemoEvents(workFile('demo-events.json')), count);
  const folder = workFolder('raw-insert');
  const rate = await medianOf(async (run) => {
    const db = new Database(path.join(folder, `raw-${run}.db`));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(SCHEMA);
    const insert = db.prepare(
      `INSERT INTO events (position, id, stream, revision, type, schema_version, data, occurred_at, recorded_at,
         actor_id, actor_role, source, correlation_id, causation_id, prev_hash, hash)
       VALUES (@position, @id, @stream, @revision, @type, @schema_version, @data, @occurred_at, @recorded_at,
         @actor_id, @actor_role, @source, @correlation_id, @causation_id, @prev_hash, @hash)`,
    );
    const insertAll = db.transaction((all) => {
      for (const row of all) insert.run(row);
    });
    const start = process.hrtime.bigint();
    insertAll(rows);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    db.close();
    return rows.length / seconds;
  }, 3);
  return { rowsPerSecond: { value: rate.median, unit: 'rows/s', runs: rate.runs, note: `${count} rows in one transaction` } };
});
