import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { withoutDeploymentStore } from '../support/deployment-store';

const root = join(__dirname, '..', '..');
const entry = join(root, 'bin', 'coprod.js');

/** A real `coprod serve` process for fault injection, and how to reach it and its files. */
export interface FaultServer {
  child: ChildProcess;
  port: number;
  /** Where the server's data folder is seen from this process (inside its own mount namespace for a small disk). */
  files: string;
  output: () => string;
  get: (path: string, headers?: Record<string, string>) => Promise<{ status: number; body: any; text: string; headers: Headers }>;
  command: (type: string, body: unknown) => Promise<{ status: number; body: any }>;
  stop: () => Promise<void>;
}

export interface FaultServerOptions {
  /** Extra environment for the server. */
  env?: Record<string, string>;
  /**
   * Runs the server on a small disk of its own: a tmpfs of this many bytes mounted over the data folder in a
   * private mount namespace (unshare), seeded with the folder's files. Its files are reached through /proc.
   */
  diskBytes?: number;
}

/** Whether this machine lets an unprivileged test mount a small tmpfs in a namespace of its own. */
export function canMountSmallDisk(): boolean {
  const probe = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt && echo mounted'], { encoding: 'utf8' });
  return probe.status === 0 && probe.stdout.includes('mounted');
}

/** Starts `coprod serve` on a data folder and resolves once it listens; rejects with its output if it exits first. */
export function startServer(dataDir: string, options: FaultServerOptions = {}): Promise<FaultServer> {
  const port = 41000 + Math.floor(Math.random() * 19000);
  const env = withoutDeploymentStore(process.env, {
    COPROD_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    COPROD_AUTH: 'local',
    COPROD_INTEGRITY_CHECK_MS: '200',
    ...options.env,
  });
  const child = options.diskBytes
    ? spawn(
        'unshare',
        [
          '-rm',
          'sh',
          '-c',
          `seed=$(mktemp -d) && cp -a "$1"/. "$seed"/ && mount -t tmpfs -o size=${options.diskBytes} tmpfs "$1" && cp -a "$seed"/. "$1"/ && exec "$2" "$3" serve`,
          'sh',
          dataDir,
          process.execPath,
          entry,
        ],
        { env, stdio: ['ignore', 'pipe', 'pipe'] },
      )
    : spawn(process.execPath, [entry, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let printed = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  const server: FaultServer = {
    child,
    port,
    files: options.diskBytes ? `/proc/${child.pid}/root${dataDir}` : dataDir,
    output: () => printed,
    get: async (path, headers) => {
      const response = await fetch(url(path), { headers });
      const text = await response.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { status: response.status, body, text, headers: response.headers };
    },
    command: async (type, body) => {
      const response = await fetch(url(`/api/commands/${type}`), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => undefined) };
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${printed}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('listening')) {
        clearTimeout(timer);
        resolve(server);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`server exited with ${code}:\n${printed}`), { exitCode: code, output: printed }));
    });
  });
}

/** Runs `coprod serve` expecting it to refuse to start; resolves with its exit code and output. */
export async function refusedStart(dataDir: string): Promise<{ exitCode: number | null; output: string }> {
  try {
    const server = await startServer(dataDir);
    await server.stop();
    throw new Error(`the server started on ${dataDir} although it should have refused`);
  } catch (error) {
    const refusal = error as { exitCode?: number | null; output?: string };
    if (refusal.output === undefined) throw error;
    return { exitCode: refusal.exitCode ?? null, output: refusal.output };
  }
}

/** Polls until `check` returns a value (not undefined), or fails after `ms` with the last value seen. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

/** Whether the compiled program exists: the suite spawns it. */
export function compiledProgramExists(): boolean {
  return existsSync(join(root, 'dist', 'apps', 'cli', 'src', 'main.js'));
}

/** Runs a `coprod` command against a data folder and resolves when it exits. */
export function coprod(dataDir: string, args: string[]): { child: ChildProcess; done: Promise<{ status: number | null; output: string }> } {
  const child = spawn(process.execPath, [entry, ...args], {
    env: withoutDeploymentStore(process.env, { COPROD_DATA_DIR: dataDir }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, done: new Promise((resolve) => child.once('exit', (status) => resolve({ status, output }))) };
}
