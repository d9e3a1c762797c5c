import Database from 'better-sqlite3';
import { AddressInfo, connect, Socket } from 'node:net';
import { join } from 'node:path';
import { loadConfig } from '@coprod/application';
import { ApiHarness, energyProject, startApiHarness } from '../support/api-harness';

/** Beyond its configured limits the API answers 503 with Retry-After at once, instead of queueing; /health is always answered. */
describe('load shedding (real HTTP, real files)', () => {
  let api: ApiHarness | undefined;
  let base: string;

  const start = async (env: Record<string, string>) => {
    api = await startApiHarness({ env });
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    await api.command('RegisterProject', energyProject).expect(201);
  };
  /** A connection to the API on which a test writes HTTP by hand, to control when each byte arrives. */
  const rawSocket = () =>
    new Promise<Socket>((resolve, reject) => {
      const socket = connect(Number(new URL(base).port), '127.0.0.1', () => resolve(socket));
      socket.once('error', reject);
    });
  /** The status code of the answer read from a hand-written request's connection. */
  const statusOf = (socket: Socket) =>
    new Promise<number>((resolve, reject) => {
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.once('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1])));
      socket.once('error', reject);
    });
  const get = (path: string) => fetch(`${base}${path}`);
  const post = (type: string, body: unknown) =>
    fetch(`${base}/api/commands/${type}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const participant = (n: number) => ({
    participantId: `part-${n}`,
    role: 'resident',
    seldomHeardGroups: [],
    preferredFormats: ['in_person'],
    personal: { subjectId: `part-${n}`, fields: { name: `Person ${n}` } },
  });
  const stored = (type: string) => {
    const db = new Database(join(api!.dataDir, 'events.db'), { readonly: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM events WHERE type = ?').get(type) as { n: number }).n;
    } finally {
      db.close();
    }
  };
  const participantsStored = () => stored('ParticipantRegistered');

  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('sheds requests beyond COPROD_MAX_IN_FLIGHT with 503, Retry-After and problem details, while /health answers 200', async () => {
    await start({ COPROD_MAX_IN_FLIGHT: '1', COPROD_RETRY_AFTER_SECONDS: '2' });
    // A client still sending its body holds the only place.
    const body = JSON.stringify(participant(1));
    const slow = await rawSocket();
    slow.write(
      `POST /api/commands/RegisterParticipant HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
    );
    slow.write(body.slice(0, 10));
    await new Promise((r) => setTimeout(r, 100));

    const refused = await post('RegisterParticipant', participant(2));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await refused.json()).toMatchObject({
      status: 503,
      title: 'Service busy',
      detail: expect.stringMatching(/1 requests are already being answered \(the limit is 1, COPROD_MAX_IN_FLIGHT\).*after 2 s/),
    });
    expect((await get('/api/projects')).status).toBe(503);
    expect((await get('/health')).status).toBe(200);
    expect(participantsStored()).toBe(0);

    slow.end(body.slice(10));
    expect(await statusOf(slow)).toBe(201);
    expect((await post('RegisterParticipant', participant(2))).status).toBe(201);
    expect(participantsStored()).toBe(2);
  });

  it('sheds nothing under the default limits when fifty people register at once', async () => {
    await start({});
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post('RegisterParticipant', participant(i + 1))));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(201));
    expect(participantsStored()).toBe(50);
  });

  it('refuses a limit that is not a whole number, naming the setting', () => {
    expect(() => loadConfig({ COPROD_MAX_IN_FLIGHT: 'lots' })).toThrow('COPROD_MAX_IN_FLIGHT must be a whole number of at least 1, got "lots"');
    expect(() => loadConfig({ COPROD_MAX_QUEUED_COMMANDS: '0' })).toThrow('COPROD_MAX_QUEUED_COMMANDS must be a whole number of at least 1, got "0"');
    expect(loadConfig({}).loadShedding).toEqual({ maxInFlight: 128, maxQueuedCommands: 256, maxLagMs: 1000, retryAfterSeconds: 1 });
  });
});
