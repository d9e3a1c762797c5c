'use strict';
/**
 * The write workload of case 1: each writer records sessions of the demo's community energy project,
 * one after another: plan an activity, record that it was held, then the attendance of eight demo
 * participants. Every command names a project or participants, so the reference checks read real
 * streams, and each activity's stream grows to ten events, as a real session's does.
 */
const { demoSteps } = require('./application');

const PER_SESSION = 10;
const ACTOR = { id: 'officer.bench', role: 'recorder' };

/** Eight participants registered by the demo record. */
function attendees() {
  const ids = demoSteps()
    .filter((s) => s.type === 'RegisterParticipant')
    .map((s) => s.data.participantId);
  return ids.slice(0, PER_SESSION - 2);
}

/** The `index`-th command of `writer` in run `run`. */
function sessionCommand(run, writer, index, people) {
  const session = Math.floor(index / PER_SESSION);
  const step = index % PER_SESSION;
  const activityId = `bench-r${run}-w${writer}-s${session}`;
  const commandId = `${activityId}-${step}`;
  const metadata = { commandId, now: new Date().toISOString(), actor: ACTOR };
  const heldOn = '2026-06-02T18:00:00.000Z';
  if (step === 0) {
    return {
      type: 'PlanActivity',
      data: { activityId, projectId: 'p-energy', title: `Drop-in session ${session} on community energy`, activityType: 'workshop', stage: 'co_design', format: 'in_person', plannedFor: heldOn, ladderLevel: 'co_design' },
      metadata,
    };
  }
  if (step === 1) return { type: 'HoldActivity', data: { activityId, heldOn, durationMinutes: 90, ladderLevel: 'co_design' }, metadata };
  return {
    type: 'RecordAttendance',
    data: { activityId, participantId: people[step - 2], minutes: 90, capacity: 'member', format: 'in_person' },
    metadata,
  };
}

/**
 * Runs `total` commands split across `writers` concurrent writers, each awaiting its previous command
 * (as a person at a screen does). `send(command)` sends one command. Returns the elapsed milliseconds.
 */
async function runWriters(run, writers, total, send, people) {
  const perWriter = Math.ceil(total / writers);
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let i = 0; i < perWriter; i += 1) await send(sessionCommand(run, writer, i, people));
    }),
  );
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, commands: perWriter * writers };
}

module.exports = { attendees, sessionCommand, runWriters, PER_SESSION };
