'use strict';
/**
 * Case 1, ours: durable commands per second through the full command path (CommandBus, reference
 * checks, read stream, fold, decide, seal personal data, append with the hash chain, synchronous=FULL)
 * with `argv[2]` concurrent writers. Saves the events of the last run for the peer to append.
 */
const fs = require('node:fs');
const { openApplication } = require('../lib/application');
const { runCase, medianOf, workFolder, scaled } = require('../lib/measure');
const { copyTemplate, workFile } = require('../lib/stores');
const { attendees, runWriters } = require('../lib/workload');

const writers = Number(process.argv[2] ?? 1);

runCase(async () => {
  const ctx = await openApplication(copyTemplate(workFolder(`writes-${writers}`)));
  const people = attendees();
  const total = writers === 1 ? scaled(600, 20) : scaled(4000, 64);
  let lastRun = { from: 0, run: 0 };
  const rate = await medianOf(async (run) => {
    const from = await ctx.store.headPosition();
    const { ms, commands } = await runWriters(run, writers, total, (command) => ctx.execute(command), people);
    lastRun = { from, run };
    return commands / (ms / 1000);
  });
  const events = await ctx.store.readAll({ after: lastRun.from });
  fs.writeFileSync(workFile(`write-events-${writers}.json`), JSON.stringify(appendsOf(events)));
  await ctx.close();
  return {
    commandsPerSecond: { value: rate.median, unit: 'commands/s', runs: rate.runs },
    eventsPerCommand: { value: events.length / new Set(events.map((e) => e.causationId)).size, unit: 'events' },
  };
});

/** The appends the run made, in order: one per command, with the revision the stream was at. */
function appendsOf(events) {
  const appends = [];
  for (const e of events) {
    const last = appends[appends.length - 1];
    const event = { type: e.type, data: e.data, metadata: { eventId: e.id, occurredAt: e.occurredAt, actor: e.actor, correlationId: e.correlationId, causationId: e.causationId } };
    if (last && last.command === e.causationId) last.events.push(event);
    else appends.push({ command: e.causationId, writer: /-w(\d+)-/.exec(e.stream)?.[1] ?? '0', stream: e.stream, expectedRevision: e.revision - 1, events: [event] });
  }
  return appends;
}
