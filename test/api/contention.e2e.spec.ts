import Database from 'better-sqlite3';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

const SESSION = 'act-contention';

/** What the API answered, as far as these tests read it. */
interface Answer {
  detail?: string;
  errors?: { field: string }[];
  eventIds: string[];
}
const bodyOf = async (response: Response): Promise<Answer> => (await response.json()) as Answer;
const PEOPLE = 50;

/** Commands sent to one session at once over real HTTP: the writer takes turns per record instead of refusing. */
describe('many commands to one record at once (real HTTP, real files)', () => {
  let api: ApiHarness;
  let base: string;

  const post = (type: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/commands/${type}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const attendance = (person: number) => ({
    activityId: SESSION,
    participantId: `part-${person}`,
    minutes: 90,
    capacity: 'member',
    format: 'in_person',
  });
  const storedOfType = (type: string) => {
    const db = new Database(join(api.dataDir, 'events.db'), { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM events WHERE type = ?').get(type) as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeEach(async () => {
    api = await startApiHarness();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    await api.command('RegisterProject', energyProject).expect(201);
    for (let person = 1; person <= PEOPLE; person += 1) {
      await api
        .command('RegisterParticipant', {
          participantId: `part-${person}`,
          role: 'resident',
          seldomHeardGroups: [],
          preferredFormats: ['in_person'],
          personal: { subjectId: `part-${person}`, fields: { name: `Person ${person}` } },
        })
        .expect(201);
    }
    await api
      .command('PlanActivity', {
        activityId: SESSION,
        projectId: 'p-energy',
        title: 'Open evening',
        activityType: 'workshop',
        stage: 'co_design',
        format: 'in_person',
        plannedFor: '2026-05-12T18:00:00.000Z',
        ladderLevel: 'co_design',
      })
      .expect(201);
    await api
      .command('HoldActivity', { activityId: SESSION, heldOn: '2026-05-12T18:00:00.000Z', durationMinutes: 90, ladderLevel: 'co_design' })
      .expect(201);
  }, 60_000);
  afterEach(() => api.close());

  it('stores 50 attendance records for 50 different people sent at once, refusing none', async () => {
    const answers = await Promise.all(Array.from({ length: PEOPLE }, (_, i) => post('RecordAttendance', attendance(i + 1))));
    expect(answers.map((a) => a.status)).toEqual(Array(PEOPLE).fill(201));
    expect(storedOfType('AttendanceRecorded')).toBe(PEOPLE);
    const history = await api.http().get(`/api/history/activity/${SESSION}`).expect(200);
    expect(JSON.stringify(history.body).match(/AttendanceRecorded/g)?.length).toBeGreaterThanOrEqual(PEOPLE);
  });

  it('still refuses a real conflict: the same person recorded twice at once is stored once', async () => {
    const answers = await Promise.all([post('RecordAttendance', attendance(7)), post('RecordAttendance', attendance(7))]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const refusal = await bodyOf(answers.find((a) => a.status === 409)!);
    expect(refusal.detail).toMatch(/part-7/);
    expect(storedOfType('AttendanceRecorded')).toBe(1);
  });

  it('records nothing twice when one idempotent request is sent ten times at once', async () => {
    const key = { 'Idempotency-Key': 'attendance-part-3-open-evening' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => post('RecordAttendance', attendance(3), key)));
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(9).fill(200), 201]);
    const bodies = await Promise.all(answers.map(bodyOf));
    expect(new Set(bodies.map((b) => b.eventIds[0])).size).toBe(1);
    expect(storedOfType('AttendanceRecorded')).toBe(1);
  });

  it('answers 409 when the caller said which revision they decided on and the record has moved on; the current revision is accepted', async () => {
    const first = await post('RecordAttendance', attendance(1));
    expect(first.status).toBe(201);
    const revision = first.headers.get('etag');
    expect(revision).toMatch(/^"\d+"$/);
    await post('RecordAttendance', attendance(2));

    const stale = await post('RecordAttendance', attendance(3), { 'If-Match': revision! });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await bodyOf(stale)).detail).toMatch(
      new RegExp(`activity-${SESSION} is at revision \\d+, but this RecordAttendance expected it to be at revision ${JSON.parse(revision!)}`),
    );
    expect(storedOfType('AttendanceRecorded')).toBe(2);

    const current = await post('RecordAttendance', attendance(3), {
      'If-Match': (await post('RecordAttendance', attendance(4))).headers.get('etag')!,
    });
    expect(current.status).toBe(201);
    expect(storedOfType('AttendanceRecorded')).toBe(4);
  });

  it('refuses an If-Match that is not a revision with 400 naming the header', async () => {
    const answer = await post('RecordAttendance', attendance(1), { 'If-Match': 'yesterday' });
    expect(answer.status).toBe(400);
    expect((await bodyOf(answer)).errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
    expect(storedOfType('AttendanceRecorded')).toBe(0);
  });
});
