'use strict';
/**
 * Other councils' records for the large stores: copies of the demo record's stored events in which
 * every id (stream names, event ids, and every `...Id`/`...Ids` field) carries a copy suffix, so each
 * copy is a separate set of projects, people and activities with the demo's realistic shape.
 */
const fs = require('node:fs');

/** The demo record's stored events, as written by bench/cases/prepare.js. */
function loadDemoEvents(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function renameIds(value, suffix) {
  if (Array.isArray(value)) return value.map((v) => renameIds(v, suffix));
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && /Id$/.test(key)) out[key] = v + suffix;
    else if (Array.isArray(v) && /Ids$/.test(key)) out[key] = v.map((id) => (typeof id === 'string' ? id + suffix : id));
    else out[key] = renameIds(v, suffix);
  }
  return out;
}

/** Copy number `n` of the demo events as appends, one per stream, in the order the streams first appear. */
function copyAsAppends(demoEvents, n) {
  const suffix = `~c${n}`;
  const byStream = new Map();
  for (const e of demoEvents) {
    const stream = e.stream + suffix;
    if (!byStream.has(stream)) byStream.set(stream, []);
    byStream.get(stream).push({
      id: `${e.id}${suffix}`,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: renameIds(e.data, suffix),
      occurredAt: e.occurredAt,
      actor: e.actor,
      source: 'import',
      correlationId: `${e.correlationId}${suffix}`,
      causationId: e.causationId === null ? null : `${e.causationId}${suffix}`,
    });
  }
  return [...byStream].map(([stream, events]) => ({ stream, events }));
}

/** The appends of `count` other events: whole copies of the demo record, the last one cut short. */
function copiesAsAppends(demoEvents, count, firstCopy = 1) {
  const appends = [];
  let written = 0;
  for (let copy = firstCopy; written < count; copy += 1) {
    for (const append of copyAsAppends(demoEvents, copy)) {
      const events = append.events.slice(0, count - written);
      if (events.length === 0) break;
      appends.push({ stream: append.stream, events });
      written += events.length;
    }
  }
  return appends;
}

/**
 * Appends through the store's own append, `perTransaction` events at a time: every append of a batch
 * is made in one tick, so the store commits the batch as one transaction, each stream checked against
 * its expected revision. Returns the events written.
 */
async function appendInBatches(store, appends, { perTransaction = 20_000 } = {}) {
  let written = 0;
  let batch = [];
  let inBatch = 0;
  const flush = async () => {
    await Promise.all(batch.map((a) => store.append(a.stream, a.events, { expectedRevision: 'no_stream' })));
    batch = [];
    inBatch = 0;
  };
  for (const append of appends) {
    batch.push(append);
    written += append.events.length;
    inBatch += append.events.length;
    if (inBatch >= perTransaction) await flush();
  }
  if (batch.length > 0) await flush();
  return written;
}

/** Appends `count` other events (whole copies, the last one cut short), `perTransaction` at a time. */
function appendCopies(store, demoEvents, count, { firstCopy = 1, perTransaction = 20_000 } = {}) {
  return appendInBatches(store, copiesAsAppends(demoEvents, count, firstCopy), { perTransaction });
}

module.exports = { loadDemoEvents, copyAsAppends, copiesAsAppends, appendInBatches, appendCopies };
