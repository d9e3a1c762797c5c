import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

describe('POST /api/commands/:type (real API, real files)', () => {
  let api: ApiHarness;
  const eventCount = () => {
    const db = new Database(join(api.dataDir, 'events.db'), { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    api = await startApiHarness();
  });
  afterEach(() => api.close());

  it('records a valid command, answers 201 with where it went, and the read side sees it at once', async () => {
    const response = await api.command('RegisterProject', energyProject).expect(201);
    expect(response.body).toMatchObject({ stream: 'project-p-energy', eventTypes: ['ProjectRegistered'], duplicate: false });
    const projects = await api.http().get('/api/projects').expect(200);
    expect(projects.body).toEqual([expect.objectContaining({ projectId: 'p-energy', stage: 'co_planning', frameworkId: 'west-berkshire' })]);
  });

  it('refuses an invalid body with 400 problem details naming every invalid field, and stores nothing', async () => {
    const response = await api.command('RegisterProject', { ...energyProject, title: '', frameworkId: 42, colour: 'blue' }).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'frameworkId', 'colour']));
    expect(eventCount()).toBe(0);
  });

  it('refuses malformed JSON and a body that is not an object with 400, storing nothing', async () => {
    await api.http().post('/api/commands/RegisterProject').set('Content-Type', 'application/json').send('{"projectId": ').expect(400);
    await api.command('RegisterProject', [energyProject]).expect(400);
    expect(eventCount()).toBe(0);
  });

  it('refuses an oversized body with 413', async () => {
    await api.command('RegisterProject', { ...energyProject, aim: 'x'.repeat(1_100_000) }).expect(413);
    expect(eventCount()).toBe(0);
  });

  it('answers an unknown command with 404 listing the known ones', async () => {
    const response = await api.command('DeleteEverything', {}).expect(404);
    expect(response.body.detail).toMatch(/unknown command DeleteEverything; known commands: RegisterProject/);
  });

  it('refuses what makes no sense with a domain error: attendance at an activity that does not exist', async () => {
    await api.command('RegisterProject', energyProject).expect(201);
    await api
      .command('RegisterParticipant', {
        participantId: 'part-1',
        role: 'resident',
        seldomHeardGroups: [],
        preferredFormats: ['paper'],
        personal: { subjectId: 'part-1', fields: { name: 'Gwenllian Hughes' } },
      })
      .expect(201);
    const response = await api
      .command('RecordAttendance', { activityId: 'act-9', participantId: 'part-1', minutes: 90, capacity: 'member', format: 'paper' })
      .expect(404);
    expect(response.body.detail).toMatch(/activity act-9 does not exist/);
  });

  it('answers a repeated Idempotency-Key with the first result and records nothing new', async () => {
    const first = await api.command('RegisterProject', energyProject, { 'Idempotency-Key': 'register-energy-1' }).expect(201);
    const again = await api.command('RegisterProject', energyProject, { 'Idempotency-Key': 'register-energy-1' }).expect(200);
    expect(again.body).toEqual({ ...first.body, duplicate: true });
    expect(eventCount()).toBe(1);
  });

  it('answers a second registration of the same project with 409', async () => {
    await api.command('RegisterProject', energyProject).expect(201);
    const response = await api.command('RegisterProject', energyProject).expect(409);
    expect(response.body.code).toBe('project.already_registered');
  });

  it('never writes a participant’s name to the event file in plain text', async () => {
    await api
      .command('RegisterParticipant', {
        participantId: 'part-2',
        role: 'carer',
        seldomHeardGroups: ['carers'],
        preferredFormats: ['phone'],
        personal: { subjectId: 'part-2', fields: { name: 'Zbigniew Wróblewski' } },
      })
      .expect(201);
    const bytes = readFileSync(join(api.dataDir, 'events.db')).toString('utf8') + readFileSync(join(api.dataDir, 'events.db-wal')).toString('utf8');
    expect(bytes).toContain('part-2');
    expect(bytes).not.toContain('Wróblewski');
  });
});

describe('GET /api/projects/:id/outcomes', () => {
  let api: ApiHarness;
  beforeEach(async () => {
    api = await startApiHarness();
  });
  afterEach(() => api.close());

  it('answers with figures per outcome of the framework, with both clocks', async () => {
    await api.command('RegisterProject', energyProject).expect(201);
    const response = await api.http().get('/api/projects/p-energy/outcomes?asOf=2030-01-01').expect(200);
    expect(response.body.framework.id).toBe('west-berkshire');
    expect(response.body.outcomes).toHaveLength(5);
    expect(response.body.clocks).toMatchObject({ asOf: '2030-01-01T23:59:59.999Z', eventCount: 1 });
    expect(JSON.stringify(response.body)).not.toContain('sealed');
  });

  it('refuses an unknown project with 404 and a malformed clock with 400', async () => {
    await api.http().get('/api/projects/nope/outcomes').expect(404);
    const bad = await api.http().get('/api/projects/p-energy/outcomes?asOf=yesterday').expect(400);
    expect(bad.body.errors[0].field).toBe('asOf');
  });
});

describe('dates as people write them', () => {
  let api: ApiHarness;
  beforeEach(async () => {
    api = await startApiHarness();
  });
  afterEach(() => api.close());

  it('records a fact given a plain date, or an instant with an offset, at its UTC instant', async () => {
    await api.command('RegisterProject', energyProject).expect(201);
    await api
      .command('RecordSetupActivity', { projectId: 'p-energy', activity: 'steering_group_formed', doneOn: '2026-02-11', note: null })
      .expect(201);
    await api
      .command('RecordSetupActivity', { projectId: 'p-energy', activity: 'members_briefed', doneOn: '2026-03-01T09:30:00+01:00', note: null })
      .expect(201);
    const db = new Database(join(api.dataDir, 'events.db'), { readonly: true });
    const occurred = db.prepare("SELECT occurred_at FROM events WHERE type = 'SetupActivityRecorded' ORDER BY position").all();
    db.close();
    expect(occurred).toEqual([{ occurred_at: '2026-02-11T00:00:00.000Z' }, { occurred_at: '2026-03-01T08:30:00.000Z' }]);
  });
});
