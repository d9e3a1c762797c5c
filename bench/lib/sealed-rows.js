'use strict';
/** The rows the event store writes for copies of the demo record, sealed and chained as it seals them. */
const { product } = require('./register');
const { copyAsAppends } = require('./copies');

/** `count` rows of the events table, exactly as SqliteEventStore would insert them into an empty store. */
function sealedRows(demoEvents, count) {
  const { sealEvent } = product('libs/event-store/src/integrity');
  const rows = [];
  let prevHash = '';
  const recordedAt = new Date().toISOString();
  for (let copy = 1; rows.length < count; copy += 1) {
    for (const { stream, events } of copyAsAppends(demoEvents, copy)) {
      events.forEach((event, revision) => {
        if (rows.length >= count) return;
        const sealed = sealEvent(event, { stream, revision, position: rows.length + 1, recordedAt, prevHash });
        prevHash = sealed.hash;
        rows.push({
          position: sealed.position,
          id: sealed.id,
          stream: sealed.stream,
          revision: sealed.revision,
          type: sealed.type,
          schema_version: sealed.schemaVersion,
          data: JSON.stringify(sealed.data),
          occurred_at: sealed.occurredAt,
          recorded_at: sealed.recordedAt,
          actor_id: sealed.actor.id,
          actor_role: sealed.actor.role,
          source: sealed.source,
          correlation_id: sealed.correlationId,
          causation_id: sealed.causationId,
          prev_hash: sealed.prevHash,
          hash: sealed.hash,
        });
      });
    }
  }
  return rows;
}

module.exports = { sealedRows };
