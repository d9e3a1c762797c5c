import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

const UNREACHABLE = 'esdb://127.0.0.1:1?tls=false';

describe('the API when EventStoreDB cannot be reached at start', () => {
  let api: ApiHarness;
  let startedIn: number;

  beforeAll(async () => {
    const started = Date.now();
    api = await startApiHarness({ EVENTSTORE_CONNECTION_STRING: UNREACHABLE, COPROD_AUTH: 'local' });
    startedIn = Date.now() - started;
  });
  afterAll(() => api?.close());

  it('starts anyway, within a few seconds', () => {
    expect(startedIn).toBeLessThan(5000);
  });

  it('answers /health 503 with problem details naming the server, what failed and what to check', async () => {
    const response = await api.http().get('/health').expect(503);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 503,
      title: 'Event store unavailable',
      store: `EventStoreDB at ${UNREACHABLE}`,
      connection: { state: 'connecting', failedAttempts: expect.any(Number), nextAttemptAt: expect.any(String) },
    });
    expect(response.body.connection.failedAttempts).toBeGreaterThanOrEqual(1);
    expect(response.body.detail).toMatch(/^cannot reach EventStoreDB at esdb:\/\/127\.0\.0\.1:1\?tls=false: .*ECONNREFUSED/);
    expect(response.body.detail).toMatch(/Check that the server is running and listening on that host and port/);
    expect(response.body.detail).toMatch(/Retrying in the background/);
  });

  it('refuses a command with 503, saying nothing was recorded', async () => {
    const response = await api.command('RegisterProject', energyProject).expect(503);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 503, title: 'Event store unavailable' });
    expect(response.body.detail).toMatch(/cannot reach EventStoreDB at esdb:\/\/127\.0\.0\.1:1.*nothing was recorded/);
  });

  it('refuses queries with 503 rather than answering from read models that may be behind', async () => {
    const projects = await api.http().get('/api/projects').expect(503);
    expect(projects.body).toMatchObject({ status: 503, title: 'Event store unavailable' });
    await api.http().get('/api/projects/p-energy/outcomes').expect(503);
  });

  it('keeps retrying in the background', async () => {
    const first = (await api.http().get('/health')).body.connection;
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const later = (await api.http().get('/health')).body.connection;
    expect(later.failedAttempts).toBeGreaterThan(first.failedAttempts);
  });
});

describe('the API on the embedded store (no connection string)', () => {
  it('answers /health 200 with the store, its head and the read models position', async () => {
    const api = await startApiHarness({ COPROD_AUTH: 'local' });
    try {
      await api.command('RegisterProject', energyProject).expect(201);
      const response = await api.http().get('/health').expect(200);
      expect(response.body).toMatchObject({ status: 'ok', headPosition: 1, readModelsPosition: 1, lag: 0 });
      expect(response.body.store).toContain(`embedded SQLite file ${api.dataDir}`);
    } finally {
      await api.close();
    }
  });
});
