import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

describe('read endpoints (real API, real files)', () => {
  let api: ApiHarness;
  beforeEach(async () => {
    api = await startApiHarness();
    await api.command('RegisterProject', energyProject).expect(201);
    await api.command('RegisterProject', { ...energyProject, projectId: 'p-closed-group', title: 'Members-only review', openToNewMembers: false }).expect(201);
  });
  afterEach(() => api.close());

  it('GET /api/projects lists every project with its stage', async () => {
    const response = await api.http().get('/api/projects').expect(200);
    expect(response.body.map((p: { projectId: string }) => p.projectId)).toEqual(['p-energy', 'p-closed-group']);
  });

  it('GET /api/projects answers 404 problem details for an unknown sub-resource', async () => {
    const response = await api.http().get('/api/projects/p-energy/nothing-here').expect(404);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });

  it('GET /api/opportunities lists only open projects that welcome new members, and drops one once it moves on to closed', async () => {
    const before = await api.http().get('/api/opportunities').expect(200);
    expect(before.body.map((p: { projectId: string }) => p.projectId)).toEqual(['p-energy']);
    await api.command('CloseProject', { projectId: 'p-energy', closedOn: '2026-09-01T00:00:00.000Z', summary: 'Guidance published' }).expect(201);
    const after = await api.http().get('/api/opportunities').expect(200);
    expect(after.body).toEqual([]);
  });

  it('GET /api/opportunities refuses a write method with 404', async () => {
    await api.http().post('/api/opportunities').send({}).expect(404);
  });

  it('GET /api/portfolio gives key figures per project', async () => {
    const response = await api.http().get('/api/portfolio').expect(200);
    expect(response.body.projects).toEqual([
      expect.objectContaining({ projectId: 'p-energy', peopleInvolved: 0, hoursContributed: 0, decisionsInfluenced: 0 }),
      expect.objectContaining({ projectId: 'p-closed-group' }),
    ]);
  });

  it('GET /api/portfolio refuses a malformed clock with 400 naming the field', async () => {
    const response = await api.http().get('/api/portfolio?knownAt=last-week').expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['knownAt']);
  });

  it('GET /health reports the store, the head and how far the read models have caught up', async () => {
    const response = await api.http().get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', headPosition: 2, readModelsPosition: 2, lag: 0 });
    expect(response.body.store).toMatch(/embedded SQLite file .*events\.db/);
  });

  it('GET /health refuses other methods with 404', async () => {
    await api.http().delete('/health').expect(404);
  });
});
