'use strict';
/**
 * Issue 18: a register of 10,000 rows (scaled with BENCH_SCALE) imported through the command path
 * (read as CSV, every row through its DTO, references and a dry run of the decider, then recorded
 * one command at a time through the CommandBus), rows per second; beside it, the bulk append of the
 * same events straight into a fresh store in one batch, events per second.
 */
const path = require('node:path');
const { randomUUID } = require('node:crypto');
const { product } = require('../lib/register');
const { runCase, medianOf, workFolder, scaled } = require('../lib/measure');
const { appendInBatches } = require('../lib/copies');

const ACTOR = { id: 'bench.importer', role: 'evaluation_lead' };

runCase(async () => {
  const rows = scaled(10_000, 200);
  const folder = workFolder('import');
  Object.assign(process.env, {
    COPROD_DATA_DIR: folder,
    COPROD_EVENTS_FILE: path.join(folder, 'events.db'),
    COPROD_READ_MODELS_FILE: path.join(folder, 'read-models.db'),
    COPROD_KEYS_FILE: path.join(folder, 'keys.db'),
    COPROD_AUTH: 'local',
  });
  const { NestFactory } = product('node_modules/@nestjs/core');
  const { CommandBus } = product('node_modules/@nestjs/cqrs');
  const application = product('libs/application/src');
  const imports = product('libs/application/src/import');
  const { EVENT_STORE, SqliteEventStore } = product('libs/event-store/src');
  const { checkCommandDto } = product('apps/cli/src/import/command-dto-check');
  const app = await NestFactory.createApplicationContext(imports.ImportModule, { logger: false });
  const bus = app.get(CommandBus);
  const service = app.get(imports.ImportService);
  const store = app.get(EVENT_STORE);
  const record = (type, data) =>
    bus.execute(
      new application.HandleDomainCommand(
        { type, data, metadata: { commandId: randomUUID(), now: new Date().toISOString(), actor: ACTOR } },
        { source: 'api', correlationId: randomUUID() },
      ),
    );

  await record('RegisterProject', {
    projectId: 'p-bench',
    title: 'Bench',
    serviceArea: 'Bench',
    aim: 'Measure imports',
    frameworkId: 'west-berkshire',
    improvementSought: 'Speed',
    openToNewMembers: true,
  });
  // The people on the register, bulk-registered the same way the import will then find them (by id).
  const people = Array.from({ length: rows }, (_, i) => `part-b-${i + 1}`);
  for (let i = 0; i < people.length; i += 200) {
    await Promise.all(
      people
        .slice(i, i + 200)
        .map((id) =>
          record('RegisterParticipant', {
            participantId: id,
            role: 'resident',
            seldomHeardGroups: [],
            preferredFormats: ['paper'],
            personal: { subjectId: id, fields: { name: `Bench ${id}` } },
          }),
        ),
    );
  }
  const csv = Buffer.from(
    ['participant_id,minutes,capacity,format', ...people.map((id, i) => `${id},${60 + (i % 4) * 30},member,paper`)].join('\r\n'),
  );

  let sessions = 0;
  let lastSession;
  const importRate = await medianOf(async () => {
    sessions += 1;
    const activityId = `act-bench-${sessions}`;
    await record('PlanActivity', {
      activityId,
      projectId: 'p-bench',
      title: `Session ${sessions}`,
      activityType: 'workshop',
      stage: 'co_design',
      format: 'in_person',
      plannedFor: '2026-03-10T18:00:00.000Z',
      ladderLevel: 'co_design',
    });
    await record('HoldActivity', { activityId, heldOn: '2026-03-10T18:00:00.000Z', durationMinutes: 240, ladderLevel: 'co_design' });
    const start = process.hrtime.bigint();
    const plan = await service.plan(
      { kind: 'register', bytes: csv, fileName: 'register.csv', target: { projectId: 'p-bench', activityId }, actor: ACTOR, source: 'paper' },
      checkCommandDto,
    );
    if (plan.errors.length > 0)
      throw new Error(`the bench register was refused: ${plan.errors.slice(0, 3).map(imports.describeRowError).join('; ')}`);
    const outcome = await service.record(plan, ACTOR);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (outcome.recorded !== rows) throw new Error(`expected ${rows} rows recorded, got ${outcome.recorded}`);
    lastSession = activityId;
    return rows / seconds;
  }, 3);

  // The same events the import recorded, appended in bulk to a fresh store: the floor the command path is measured against.
  const recorded = (await store.readStream(`activity-${lastSession}`)).filter((e) => e.type === 'AttendanceRecorded');
  await app.close();
  const bulkRate = await medianOf(async (run) => {
    const appends = recorded.map((e, i) => ({
      stream: `activity-bulk-${i}`,
      events: [
        {
          id: randomUUID(),
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data,
          occurredAt: e.occurredAt,
          actor: e.actor,
          source: e.source,
          correlationId: e.correlationId,
          causationId: e.causationId,
        },
      ],
    }));
    const bulk = new SqliteEventStore({ file: path.join(folder, `bulk-${run}.db`) });
    const start = process.hrtime.bigint();
    const written = await appendInBatches(bulk, appends);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    await bulk.close();
    return written / seconds;
  }, 3);
  return {
    rowsPerSecond: { value: importRate.median, unit: 'rows/s', runs: importRate.runs, note: 'whole file checked, then one command per row' },
    bulkEventsPerSecond: { value: bulkRate.median, unit: 'events/s', runs: bulkRate.runs, note: 'the same events, 20,000 per transaction' },
    rows: { value: rows, unit: 'rows' },
  };
});
