import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coprod, requireCompiledProgram } from '../audit/coprod-cli';
import { coprodAsync, RunningServer, serve } from './coprod-processes';

const DEMO_PROJECTS = ['p-energy', 'p-recovery', 'p-mascot', 'p-voice'];
/** Fixed clocks, so the figures read before and after the rebuild describe the same record. */
const AS_OF = '2026-12-31';

interface Health {
  headPosition: number;
  readModelsPosition: number;
}

const get = (port: number, path: string, accept = 'application/json') => fetch(`http://127.0.0.1:${port}${path}`, { headers: { accept } });

/** Registers projects through the server until told to stop, so its projection commits while the CLI's does. */
async function keepWriting(port: number, writer: number, stopped: () => boolean): Promise<number> {
  let written = 0;
  for (let i = 0; !stopped() && i < 2000; i += 1) {
    const response = await fetch(`http://127.0.0.1:${port}/api/commands/RegisterProject`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        projectId: `p-web-${writer}-${i}`,
        title: `Walk-in project ${writer}-${i}`,
        serviceArea: 'Adult social care',
        aim: 'Hear from people who use the day centres',
        frameworkId: 'care-act-nef-scie',
        improvementSought: 'More say over how the day centres run',
        openToNewMembers: true,
      }),
    });
    if (response.status !== 201) throw new Error(`RegisterProject answered ${response.status}: ${await response.text()}`);
    written += 1;
  }
  return written;
}

/** Waits (bounded) until the server's read models have reached the store's head. */
async function caughtUp(port: number, server: RunningServer): Promise<Health> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const health = (await (await get(port, '/health')).json()) as Health;
    if (health.readModelsPosition === health.headPosition) return health;
    if (Date.now() > deadline) {
      const said = server.output().split('\n').filter((line) => line.includes('read models'));
      throw new Error(`the server's read models are stuck at ${health.readModelsPosition} of ${health.headPosition}:\n${said.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function outcomeFigures(port: number, knownAt: number): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {};
  for (const projectId of DEMO_PROJECTS) {
    const response = await get(port, `/api/projects/${projectId}/outcomes?asOf=${AS_OF}&knownAt=${knownAt}`);
    expect(response.status).toBe(200);
    figures[projectId] = await response.json();
  }
  return figures;
}

// Needs the compiled CLI (`npm install` builds it); `npm test` after `npm install` always has it.
describe('the server and a CLI command projecting into the same read models', () => {
  beforeAll(requireCompiledProgram);
  let dataDir: string;
  let server: RunningServer | undefined;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'coprod-two-projectors-'));
  });

  afterEach(async () => {
    await server?.stop();
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the server answering, with the figures a rebuild gives, while `coprod demo` writes beside it', async () => {
    const port = 40000 + Math.floor(Math.random() * 20000);
    server = await serve(dataDir, port);

    let demoDone = false;
    const demo = coprodAsync(dataDir, ['demo']).finally(() => (demoDone = true));
    const writers = [0, 1].map((w) => keepWriting(port, w, () => demoDone));
    const { status, output } = await demo;
    expect({ status, output }).toEqual({ status: 0, output: expect.stringMatching(/demo record: \d+ commands, \d+ new events/) });
    const demoEvents = Number(/demo record: \d+ commands, (\d+) new events/.exec(output)![1]);
    const written = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
    expect(written).toBeGreaterThan(0);

    const { headPosition } = await caughtUp(port, server);
    expect(headPosition).toBe(demoEvents + written);
    for (const projectId of DEMO_PROJECTS) {
      const report = await get(port, `/api/projects/${projectId}/reports/case-study`, 'text/markdown');
      expect({ projectId, status: report.status }).toEqual({ projectId, status: 200 });
    }
    const live = await outcomeFigures(port, headPosition);
    expect(server.output()).not.toContain('read models stopped');
    await server.stop();

    const rebuilt = coprod(dataDir, ['rebuild']);
    expect(rebuilt.status).toBe(0);
    server = await serve(dataDir, port);
    expect(await outcomeFigures(port, headPosition)).toEqual(live);
  }, 180_000);
});
