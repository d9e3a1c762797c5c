import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo, Server, Socket, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coprod, requireCompiledProgram } from '../audit/coprod-cli';
import { coprodAsync } from '../crash/coprod-processes';
import { startApiHarness } from '../support/api-harness';
import { runCli } from './run-cli';

/**
 * A shell with a deployment's EVENTSTORE_CONNECTION_STRING exported runs `npm test`: nothing may reach
 * that server. The "server" here is a tripwire that counts every connection made to it.
 */
describe("tests never reach the deployment's EventStoreDB", () => {
  let tripwire: Server;
  let connections: number;
  const sockets = new Set<Socket>();
  let deployment: string;
  let dir: string;

  beforeAll(async () => {
    connections = 0;
    tripwire = createServer((socket) => {
      connections += 1;
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => tripwire.listen(0, '127.0.0.1', resolve));
    deployment = `esdb://127.0.0.1:${(tripwire.address() as AddressInfo).port}?tls=false`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => tripwire.close(resolve));
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'coprod-deployment-env-'));
    // What a shell with the deployment's variable exported would hand over, after jest's own set-up removed it.
    process.env.EVENTSTORE_CONNECTION_STRING = deployment;
  });
  afterEach(() => {
    delete process.env.EVENTSTORE_CONNECTION_STRING;
    rmSync(dir, { recursive: true, force: true });
    expect(connections).toBe(0);
  });

  it('is removed by the set-up every test file runs first', () => {
    jest.isolateModules(() => require('../support/forget-deployment-store'));
    expect(process.env.EVENTSTORE_CONNECTION_STRING).toBeUndefined();
  });

  it('the api harness runs on the embedded store', async () => {
    const api = await startApiHarness();
    try {
      const health = await api.http().get('/health').expect(200);
      expect(health.body.store).toMatch(/^embedded SQLite file /);
    } finally {
      await api.close();
    }
  });

  it('the in-process CLI runs on the embedded store', async () => {
    const run = await runCli(['verify'], { COPROD_DATA_DIR: dir });
    expect(run.error).toBeUndefined();
    expect(run.stdout).toContain('chain verified: 0 events');
  });

  it('the spawned CLI runs on the embedded store, through both process helpers', async () => {
    requireCompiledProgram();
    expect(coprod(dir, ['verify'])).toMatchObject({ status: 0, output: expect.stringContaining('chain verified: 0 events') });
    expect(await coprodAsync(dir, ['verify'])).toMatchObject({ status: 0, output: expect.stringContaining('chain verified: 0 events') });
  }, 120_000);
});
