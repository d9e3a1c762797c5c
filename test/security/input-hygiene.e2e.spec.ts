import request from 'supertest';
import { InvalidCommandInput } from '@coprod/application';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { errorText } from '../../apps/cli/src/main';
import { runCli } from '../stores/run-cli';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; problems: string[] }[];
}

const participant = (name: string) => ({
  participantId: 'part-1',
  role: 'resident',
  seldomHeardGroups: [],
  preferredFormats: ['paper'],
  personal: { subjectId: 'part-1', fields: { name } },
});

const activity = {
  activityId: 'act-1',
  projectId: 'p-energy',
  title: 'Design workshop',
  activityType: 'workshop',
  stage: 'co_design',
  format: 'in_person',
  plannedFor: '2026-03-10T10:00:00Z',
  ladderLevel: 'co_design',
};

describe('input hygiene: what must never reach the record (real API, real files)', () => {
  let api: ApiHarness;
  const recorded = () => api.app.get<EventStore>(EVENT_STORE).headPosition();
  const rawCommand = (type: string, json: string) => api.http().post(`/api/commands/${type}`).set('Content-Type', 'application/json').send(json);

  /** A 400 problem details answer naming `field` with a problem matching `problem`. */
  const expectRefused = (response: request.Response, field: string, problem: RegExp) => {
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const body = response.body as Problem;
    expect(body.errors).toEqual([{ field, problems: [expect.stringMatching(problem)] }]);
  };

  beforeEach(async () => {
    api = await startApiHarness();
    await api.command('RegisterProject', energyProject).expect(201);
  });
  afterEach(() => api.close());

  it('refuses a NUL in a title, naming the field and the character, and records nothing', async () => {
    const response = await api.command('PlanActivity', { ...activity, title: 'Design\u0000workshop' });
    expectRefused(response, 'title', /^contains the control character U\+0000; remove it$/);
    expect(response.body.detail).toBe('1 field(s) are invalid: title');
    expect(await recorded()).toBe(1);
  });

  it('refuses a name that is only a NUL', async () => {
    expectRefused(await api.command('RegisterParticipant', participant('\u0000')), 'personal.fields.name', /control character U\+0000/);
    expect(await recorded()).toBe(1);
  });

  it('refuses a right-to-left override in a name', async () => {
    expectRefused(await api.command('RegisterParticipant', participant('Ann\u202Egnp.exe')), 'personal.fields.name', /bidirectional control character U\+202E/);
    expect(await recorded()).toBe(1);
  });

  it('refuses an escape character in a summary', async () => {
    const response = await api.command('CloseProject', { projectId: 'p-energy', closedOn: '2026-11-30', summary: 'Published \u001b[2Jin print' });
    expectRefused(response, 'summary', /control character U\+001B/);
    expect(await recorded()).toBe(1);
  });

  it('records Arabic and Urdu names and free text as given', async () => {
    const accessNeeds = 'براہ کرم کاغذات بڑے حروف میں بھیجیں';
    const body = participant('فاطمة الزهراء');
    await api.command('RegisterParticipant', { ...body, personal: { ...body.personal, fields: { ...body.personal.fields, accessNeeds } } }).expect(201);
    expect(await recorded()).toBe(2);
  });

  it('refuses JSON nested 3,000 levels deep with 400, not a crash', async () => {
    const deep = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    const response = await rawCommand('RegisterProject', deep);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.detail).toMatch(/^the JSON body is nested deeper than 32 levels/);
    const arrays = await rawCommand('RegisterProject', `{"tags":${'['.repeat(3000)}${']'.repeat(3000)}}`);
    expect(arrays.body.detail).toMatch(/^the JSON body is nested deeper than 32 levels/);
    await api.http().get('/api/projects').expect(200);
    expect(await recorded()).toBe(1);
  });

  it('refuses a __proto__ key instead of dropping it', async () => {
    const json = JSON.stringify({ ...activity, note: 'x' }).replace('"note":"x"', '"__proto__":{"title":"Injected"}');
    expectRefused(await rawCommand('PlanActivity', json), '__proto__', /^"__proto__" is not allowed as a field name/);
    expect(await recorded()).toBe(1);
  });

  it('refuses a constructor key, nested too', async () => {
    const json = JSON.stringify({ ...participant('Ann'), personal: { subjectId: 'part-1', fields: { name: 'Ann', constructor: { prototype: { admin: true } } } } });
    expectRefused(await rawCommand('RegisterParticipant', json), 'personal.fields.constructor', /^"constructor" is not allowed as a field name/);
    expect(await recorded()).toBe(1);
  });

  it('refuses asOf=2026-02-30, a day not in the calendar', async () => {
    const response = await api.http().get('/api/projects/p-energy/outcomes?asOf=2026-02-30');
    expectRefused(response, 'asOf', /^asOf is not a day in the calendar: February 2026 has 28 days$/);
  });

  it('refuses asOf=2026-13-01 with 400, not 422', async () => {
    expectRefused(await api.http().get('/api/projects/p-energy/outcomes?asOf=2026-13-01'), 'asOf', /^asOf has month 13/);
    expectRefused(await api.http().get('/api/portfolio?asOf=2025-02-29'), 'asOf', /February 2025 has 28 days/);
  });

  it('refuses a date and time without an offset in a body, and a day not in the calendar', async () => {
    expectRefused(await api.command('PlanActivity', { ...activity, plannedFor: '2026-03-10T10:00:00' }), 'plannedFor', /no offset from UTC; end it with Z/);
    expectRefused(await api.command('PlanActivity', { ...activity, plannedFor: '2026-02-30' }), 'plannedFor', /not a day in the calendar/);
    await api.command('PlanActivity', { ...activity, plannedFor: '2026-03-10T10:00+01:00' }).expect(201);
    expect(await recorded()).toBe(2);
  });

  it('refuses knownAt beyond the head of the log, naming the latest position, and a knownAt in the future', async () => {
    const beyond = await api.http().get('/api/projects/p-energy/outcomes?knownAt=2');
    expectRefused(beyond, 'knownAt', /^is position 2, beyond the latest position recorded \(1\); ask for 1 or earlier$/);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expectRefused(await api.http().get(`/api/projects/p-energy/outcomes?knownAt=${future}`), 'knownAt', /in the future/);
    await api.http().get('/api/projects/p-energy/outcomes?knownAt=1').expect(200);
    await api.http().get(`/api/projects/p-energy/outcomes?knownAt=${new Date().toISOString().slice(0, 10)}`).expect(200);
  });
});

describe('input hygiene through the coprod command', () => {
  let api: ApiHarness;

  beforeEach(async () => {
    api = await startApiHarness();
    await api.command('RegisterParticipant', participant('Ann Jones')).expect(201);
  });
  afterEach(() => api.close());

  it('refuses an erasure reason holding an escape character, prints the field and exits 1, recording nothing', async () => {
    const run = await runCli(['erase', 'part-1', '--reason', 'asked by phone\u001b[2J'], { COPROD_DATA_DIR: api.dataDir });
    expect(run.exitCode).toBe(1);
    expect(run.error).toBeInstanceOf(InvalidCommandInput);
    expect(errorText(run.error!)).toBe('coprod: EraseParticipant was not recorded:\n  reason: contains the control character U+001B; remove it');
    expect(await api.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(1);
  });

  it('refuses --as-of 2026-02-30 instead of rolling it over to March, and exits 1', async () => {
    await api.command('RegisterProject', energyProject).expect(201);
    const run = await runCli(['outcomes', '--project', 'p-energy', '--as-of', '2026-02-30'], { COPROD_DATA_DIR: api.dataDir });
    expect(run.exitCode).toBe(1);
    expect(errorText(run.error!)).toMatch(/asOf: must be a real calendar date .* got "2026-02-30"/);
  });
});
