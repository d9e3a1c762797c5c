import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@coprod/event-store';
import { verifyChain } from '@coprod/privacy';
import { requireCompiledProgram } from '../support/compiled-program';

const root = join(__dirname, '..', '..');

/** Starts `coprod serve` as a real child process on a free port and resolves once it listens. */
function serve(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'bin', 'coprod.js'), 'serve'], {
    env: { ...process.env, COPROD_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', COPROD_AUTH: 'local' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 20 s')), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

// Runs the compiled CLI, and refuses one that is missing or older than the sources.
describe('killing the server during a burst of writes', () => {
  beforeAll(requireCompiledProgram);
  it('loses no acknowledged event and leaves no partial one', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'coprod-crash-'));
    const port = 40000 + Math.floor(Math.random() * 20000);
    const server = await serve(dataDir, port);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop && i < 10_000; i += 1) {
        const projectId = `p-${w}-${i}`;
        try {
          const response = await fetch(`http://127.0.0.1:${port}/api/commands/RegisterProject`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              projectId,
              title: `Project ${projectId}`,
              serviceArea: 'Adult social care',
              aim: 'Map the service-user voice and fill its gaps',
              frameworkId: 'care-act-nef-scie',
              improvementSought: 'Fewer gaps in whose voice is heard',
              openToNewMembers: true,
            }),
          });
          if (response.status === 201) acknowledged.push(((await response.json()) as { eventIds: string[] }).eventIds[0]);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, w) => writer(w));
    while (acknowledged.length < 150) await new Promise((resolve) => setTimeout(resolve, 10));
    server.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);

    const store = new SqliteEventStore({ file: join(dataDir, 'events.db') });
    try {
      for (const id of acknowledged) expect(await store.findEvent(id)).toBeDefined();
      const chain = await verifyChain(store);
      expect(chain.ok).toBe(true);
      const all = await store.readAll();
      expect(all.every((e) => e.type === 'ProjectRegistered' && typeof e.data.title === 'string')).toBe(true);
      expect(all.length).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
