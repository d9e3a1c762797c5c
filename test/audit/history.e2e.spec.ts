import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore, SqliteEventStore } from '@coprod/event-store';
import { Checkpoint, createCheckpoint, generateSigningKeys } from '@coprod/privacy';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

const NAME = 'Perpetua Allardyce';

describe('history, trace and subject access over HTTP (real API)', () => {
  let api: ApiHarness;
  let registered: string;
  let attendance: string;

  beforeAll(async () => {
    api = await startApiHarness();
    await api.command('RegisterProject', energyProject).expect(201);
    const participant = await api
      .command('RegisterParticipant', { participantId: 'part-1', role: 'carer', seldomHeardGroups: ['carers'], preferredFormats: ['phone'], personal: { subjectId: 'part-1', fields: { name: NAME } } }, { 'X-Record-Source': 'paper' })
      .expect(201);
    registered = participant.body.eventIds[0];
    await api
      .command('PlanActivity', { activityId: 'act-1', projectId: 'p-energy', title: 'Design workshop', activityType: 'workshop', stage: 'co_design', format: 'in_person', plannedFor: '2026-03-10T10:00:00Z', ladderLevel: 'co_design' })
      .expect(201);
    await api.command('HoldActivity', { activityId: 'act-1', heldOn: '2026-03-10T10:00:00Z', durationMinutes: 120, ladderLevel: 'co_design' }).expect(201);
    const attended = await api.command('RecordAttendance', { activityId: 'act-1', participantId: 'part-1', minutes: 120, capacity: 'member', format: 'paper' }).expect(201);
    attendance = attended.body.eventIds[0];
    await api.command('AmendAttendance', { activityId: 'act-1', eventId: attendance, minutes: 75, reason: 'typed from the wrong line of the sign-in sheet' }).expect(201);
  });
  afterAll(() => api.close());

  it('lists an entity’s events in order with actor, role and source, and withholds personal data', async () => {
    const response = await api.http().get('/api/history/participant/part-1').expect(200);
    const [first] = response.body.events;
    expect(first).toMatchObject({ eventId: registered, type: 'ParticipantRegistered', actor: 'local.officer', role: 'administrator', source: 'paper', corrects: null });
    expect(first.summary.personal).toEqual({ subjectId: 'part-1', withheld: true });
    expect(response.text).not.toContain(NAME);
    expect(response.text).not.toContain('"sealed"');
  });

  it('links a correction and the event it corrects both ways', async () => {
    const response = await api.http().get('/api/history/activity/act-1').expect(200);
    const recorded = response.body.events.find((e: { eventId: string }) => e.eventId === attendance);
    const correction = response.body.events.find((e: { type: string }) => e.type === 'EventCorrected');
    expect(recorded.correctedBy).toEqual([expect.objectContaining({ eventId: correction.eventId, kind: 'amend', reason: 'typed from the wrong line of the sign-in sheet' })]);
    expect(correction).toMatchObject({ corrects: { eventId: attendance, type: 'AttendanceRecorded', kind: 'amend' } });
    expect(correction.position).toBeGreaterThan(recorded.position);
  });

  it('answers an unknown entity with 404 and an unknown kind with 400 listing the kinds', async () => {
    await api.http().get('/api/history/participant/part-404').expect(404);
    const response = await api.http().get('/api/history/person/part-1').expect(400);
    expect(response.body.errors[0].problems[0]).toMatch(/kind must be one of project, participant, activity/);
  });

  it('traces a figure to the events it was computed from, under the same clocks', async () => {
    const outcomes = await api.http().get('/api/projects/p-energy/outcomes').expect(200);
    const trace = await api.http().get('/api/projects/p-energy/outcomes/stage_history/trace').expect(200);
    expect(trace.body).toMatchObject({ indicatorId: 'stage_history', value: outcomes.body.indicators.stage_history.value, clocks: { lastPositionIncluded: outcomes.body.clocks.lastPositionIncluded } });
    expect(trace.body.events.map((e: { eventId: string }) => e.eventId)).toEqual(outcomes.body.indicators.stage_history.sourceEventIds);
    expect(trace.body.events[0]).toMatchObject({ type: 'ProjectRegistered', stream: 'project-p-energy', actor: 'local.officer', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const unknown = await api.http().get('/api/projects/p-energy/outcomes/happiness/trace').expect(404);
    expect(unknown.body.detail).toMatch(/no indicator happiness; the indicators are .*hours_by_role/);
  });

  it('exports a participant’s record with their details opened: Markdown by default, JSON on request, never cached', async () => {
    const markdown = await api.http().get('/api/participants/part-1/subject-access').expect(200);
    expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
    expect(markdown.headers['cache-control']).toBe('no-store');
    expect(markdown.text).toContain('# Your record: participant part-1');
    expect(markdown.text).toContain(`- **Name**: ${NAME}`);
    const json = await api.http().get('/api/participants/part-1/subject-access').set('Accept', 'application/json').expect(200);
    expect(json.body).toMatchObject({ participantId: 'part-1', erased: false, personalDetails: { name: NAME } });
    await api.http().get('/api/participants/part-404/subject-access').expect(404);
  });

  it('verifies the chain on request', async () => {
    const response = await api.http().post('/api/verification').expect(200);
    expect(response.body).toMatchObject({ ok: true, count: 6, head: { position: 6 } });
    expect(response.body).not.toHaveProperty('checkpoint');
  });

  describe('against a signed checkpoint the auditor kept', () => {
    const keys = generateSigningKeys();
    let checkpoint: Checkpoint;
    const verify = (body: object) => api.http().post('/api/verification').set('Content-Type', 'application/json').send(body);

    beforeAll(async () => {
      checkpoint = await createCheckpoint(api.app.get<EventStore>(EVENT_STORE), keys.privateKey);
      // History goes on after the checkpoint: that is not a break.
      await api
        .command('RegisterParticipant', { participantId: 'part-2', role: 'carer', seldomHeardGroups: ['carers'], preferredFormats: ['phone'], personal: { subjectId: 'part-2', fields: { name: 'A. N. Other' } } })
        .expect(201);
    });

    it('matches when the store still holds the signed history, checked against the organisation’s key', async () => {
      const response = await verify({ checkpoint, trustedPublicKeys: [keys.publicKey] }).expect(200);
      expect(response.body).toMatchObject({ ok: true, count: 7, checkpoint: { ok: true, position: 6, count: 6, trusted: true } });
    });

    it('says so when the checkpoint was altered after signing, or signed by a key the organisation does not hold', async () => {
      const altered = await verify({ checkpoint: { ...checkpoint, count: 2 } }).expect(200);
      expect(altered.body).toMatchObject({ ok: false, checkpoint: { ok: false, trusted: false } });
      expect(altered.body.checkpoint.problem).toMatch(/signature does not verify/);
      const stranger = await verify({ checkpoint, trustedPublicKeys: [generateSigningKeys().publicKey] }).expect(200);
      expect(stranger.body.checkpoint.problem).toMatch(/not among the trusted keys/);
    });

    it('detects events removed from the end: a checkpoint over a longer history than the store holds', async () => {
      // The same key signed a longer history elsewhere: this store cannot reach its position.
      const longer = new SqliteEventStore({ file: ':memory:' });
      try {
        for (let i = 0; i < 10; i += 1) {
          const event = { id: randomUUID(), type: 'ProjectRegistered', schemaVersion: 1, data: { projectId: `p${i}` }, occurredAt: '2026-03-02T10:00:00.000Z' };
          await longer.append(`project-p${i}`, [{ ...event, actor: { id: 'officer.one', role: 'administrator' }, source: 'api', correlationId: randomUUID(), causationId: null }], { expectedRevision: 'no_stream' });
        }
        const signed = await createCheckpoint(longer, keys.privateKey);
        const response = await verify({ checkpoint: signed, trustedPublicKeys: [keys.publicKey] }).expect(200);
        expect(response.body.ok).toBe(false);
        expect(response.body.checkpoint.problem).toMatch(/the store ends at position 7 but .* covers position 10: events were removed from the end/);
      } finally {
        await longer.close();
      }
    });

    it('refuses a checkpoint that is not one, naming each wrong field, and does not verify', async () => {
      const response = await verify({ checkpoint: { ...checkpoint, hash: 'abc', position: -1, algorithm: 'RSA' } }).expect(400);
      const fields = response.body.errors.map((error: { field: string }) => error.field).sort();
      expect(fields).toEqual(['checkpoint.algorithm', 'checkpoint.hash', 'checkpoint.position']);
      await verify({ checkpoint, surprise: true }).expect(400);
    });
  });
});
