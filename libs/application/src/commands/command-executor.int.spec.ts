import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from '@coprod/domain';
import { SqliteEventStore } from '@coprod/event-store';
import { CommandExecutor } from './command-executor';
import { DeciderRegistry } from './decider-registry';
import { PersonalDataProtector } from './personal-data-protector';
import { ReferenceChecker } from './reference-checker';

const asIs: PersonalDataProtector = { seal: async (data) => data, open: async (data) => data, forget: async () => false };
const officer = { id: 'j.smith', role: 'evaluation_lead' };
let sequence = 0;

function command(type: string, data: Record<string, unknown>): Command {
  sequence += 1;
  return { type, data, metadata: { commandId: `cmd-${sequence}`, now: '2026-06-02T18:00:00.000Z', actor: officer } } as Command;
}

/** One writer of the record: its own store connection and command path, as a second process would have. */
function writer(file: string) {
  const store = new SqliteEventStore({ file, pollIntervalMs: 10 });
  const executor = new CommandExecutor(store, new DeciderRegistry(), new ReferenceChecker(store, new DeciderRegistry()), asIs);
  return {
    store,
    send: (type: string, data: Record<string, unknown>) => executor.execute(command(type, data), { source: 'api', correlationId: `c-${sequence}` }),
  };
}

describe('the command path, with more than one writer on the record', () => {
  let dir: string;
  let first: ReturnType<typeof writer>;
  let second: ReturnType<typeof writer>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-executor-'));
    first = writer(join(dir, 'events.db'));
    second = writer(join(dir, 'events.db'));
    await first.send('RegisterProject', {
      projectId: 'p-1',
      title: 'Community energy guidance',
      serviceArea: 'Environment',
      aim: 'An introductory note written with residents',
      frameworkId: 'west-berkshire',
      improvementSought: 'A note residents understand',
      openToNewMembers: true,
    });
    for (const participantId of ['part-1', 'part-2']) {
      await first.send('RegisterParticipant', {
        participantId,
        role: 'resident',
        seldomHeardGroups: [],
        preferredFormats: ['paper'],
        personal: { subjectId: participantId, fields: { name: 'A resident' } },
      });
    }
    await first.send('PlanActivity', {
      activityId: 'act-1',
      projectId: 'p-1',
      title: 'Drop-in session',
      activityType: 'workshop',
      stage: 'co_design',
      format: 'in_person',
      plannedFor: '2026-06-02T18:00:00.000Z',
      ladderLevel: 'co_design',
    });
    await first.send('HoldActivity', { activityId: 'act-1', heldOn: '2026-06-02T18:00:00.000Z', durationMinutes: 90, ladderLevel: 'co_design' });
  });

  afterEach(async () => {
    await first.store.close();
    await second.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const attend = (participantId: string) => ({ activityId: 'act-1', participantId, minutes: 90, capacity: 'member', format: 'in_person' });

  it('refuses a second attendance for the same person, whichever writer recorded the first', async () => {
    await first.send('RecordAttendance', attend('part-1'));
    await second.send('RecordAttendance', attend('part-2'));
    await expect(first.send('RecordAttendance', attend('part-2'))).rejects.toThrow(/already recorded/);
    await expect(second.send('RecordAttendance', attend('part-1'))).rejects.toThrow(/already recorded/);
  });

  it('decides on the corrected history after another writer voids an event', async () => {
    const recorded = await first.send('RecordAttendance', attend('part-1'));
    await second.send('VoidAttendance', { activityId: 'act-1', eventId: recorded.eventIds[0], reason: 'recorded against the wrong person' });
    const again = await first.send('RecordAttendance', attend('part-1'));
    expect(again.duplicate).toBe(false);
    const types = (await first.store.readStream('activity-act-1')).map((e) => e.type);
    expect(types.slice(-3)).toEqual(['AttendanceRecorded', 'EventCorrected', 'AttendanceRecorded']);
  });

  it('refuses to plan again an activity another writer planned, and records nothing', async () => {
    const plan = { activityId: 'act-1', projectId: 'p-1', title: 'A second drop-in', activityType: 'workshop', stage: 'co_design', format: 'online', plannedFor: '2026-07-01T18:00:00.000Z', ladderLevel: 'co_design' };
    const before = await second.store.headPosition();
    await expect(second.send('PlanActivity', plan)).rejects.toThrow(/act-1 is already planned as "Drop-in session"/);
    expect(await second.store.headPosition()).toBe(before);
  });

  it('answers a repeated command with what it first recorded, even from a writer that never saw its stream', async () => {
    const plan = command('PlanActivity', { activityId: 'act-2', projectId: 'p-1', title: 'Walkabout', activityType: 'workshop', stage: 'co_design', format: 'in_person', plannedFor: '2026-07-01T18:00:00.000Z', ladderLevel: 'co_design' });
    const origin = { source: 'api', correlationId: 'c-repeat' };
    const store = new SqliteEventStore({ file: join(dir, 'events.db'), pollIntervalMs: 10 });
    try {
      const writers = [first.store, store].map((s) => new CommandExecutor(s, new DeciderRegistry(), new ReferenceChecker(s, new DeciderRegistry()), asIs));
      const [once, again] = await Promise.all(writers.map((w) => w.execute(plan, origin)));
      expect([once.duplicate, again.duplicate].sort()).toEqual([false, true]);
      expect(again.eventIds).toEqual(once.eventIds);
      expect((await store.readStream('activity-act-2')).map((e) => e.type)).toEqual(['ActivityPlanned']);
    } finally {
      await store.close();
    }
  });

  it('refuses to record about a person erased by another writer after it last checked them', async () => {
    await first.send('RecordAttendance', attend('part-1'));
    await first.send('RecordAttendance', attend('part-2'));
    await second.send('EraseParticipant', { participantId: 'part-2', reason: 'asked to be forgotten' });
    // Dated by the writer's clock (the command's `now`), never by the caller.
    await expect(first.send('RecordAttendance', attend('part-2'))).rejects.toThrow(/part-2 was erased on 2026-06-02/);
    await expect(first.send('RecordAttendance', attend('part-1'))).rejects.toThrow(/already recorded/);
  });
});
