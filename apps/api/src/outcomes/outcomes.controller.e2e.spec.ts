import { ApiHarness, energyProject, startApiHarness } from '../../../../test/support/api-harness';

const OUTCOMES = '/api/projects/p-energy/outcomes';
const sessionsHeld = (body: { indicators: Record<string, { value: unknown }> }) => body.indicators.sessions_by_stage.value;
const withoutAsOf = ({ clocks, ...rest }: { clocks: Record<string, unknown> }) => ({ ...rest, clocks: { ...clocks, asOf: undefined } });

describe('GET /api/projects/:id/outcomes, asked again and again', () => {
  let api: ApiHarness;

  beforeEach(async () => {
    api = await startApiHarness();
    await api.command('RegisterProject', energyProject).expect(201);
  });
  afterEach(() => api.close());

  const holdSession = async (activityId: string) => {
    await api
      .command('PlanActivity', { activityId, projectId: 'p-energy', title: 'Drop-in', activityType: 'workshop', stage: 'co_design', format: 'in_person', plannedFor: '2025-06-02T18:00:00.000Z', ladderLevel: 'co_design' })
      .expect(201);
    await api.command('HoldActivity', { activityId, heldOn: '2025-06-02T18:00:00.000Z', durationMinutes: 90, ladderLevel: 'co_design' }).expect(201);
  };

  it('gives the same figures to the same question, each answer as of the moment it was asked', async () => {
    await holdSession('act-1');
    const first = await api.http().get(OUTCOMES).expect(200);
    const again = await api.http().get(OUTCOMES).expect(200);
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(withoutAsOf(again.body)).toEqual(withoutAsOf(first.body));
    expect(Date.parse(again.body.clocks.asOf)).toBeGreaterThanOrEqual(Date.parse(first.body.clocks.asOf));
  });

  it('includes a command recorded between two questions in the second answer', async () => {
    await holdSession('act-1');
    const before = await api.http().get(OUTCOMES).expect(200);
    await holdSession('act-2');
    const after = await api.http().get(OUTCOMES).expect(200);
    expect([sessionsHeld(before.body), sessionsHeld(after.body)]).toEqual([1, 2]);
  });

  it('answers a repeated question as of a date with 304 when the caller already holds that answer', async () => {
    const first = await api.http().get(`${OUTCOMES}?asOf=2026-06-30`).expect(200);
    const etag = first.headers.etag as string;
    await api.http().get(`${OUTCOMES}?asOf=2026-06-30`).set('If-None-Match', etag).expect(304);
    await holdSession('act-1');
    const changed = await api.http().get(`${OUTCOMES}?asOf=2026-06-30`).set('If-None-Match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
  });
});
