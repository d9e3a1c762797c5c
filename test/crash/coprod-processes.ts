import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { withoutDeploymentStore } from '../support/deployment-store';

const root = join(__dirname, '..', '..');
const entry = join(root, 'bin', 'coprod.js');

/** A `coprod serve` child process and everything it has printed so far. */
export interface RunningServer {
  child: ChildProcess;
  output: () => string;
  /** Stops the server (SIGTERM) and resolves once it has exited. */
  stop: () => Promise<void>;
}

/** Starts `coprod serve` on a data folder as a real child process and resolves once it listens. */
export function serve(dataDir: string, port: number): Promise<RunningServer> {
  const child = spawn(process.execPath, [entry, 'serve'], {
    env: withoutDeploymentStore(process.env, { COPROD_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', COPROD_AUTH: 'local' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: RunningServer = {
    child,
    output: () => printed,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${printed}`)), 30_000);
    const listen = (chunk: Buffer) => {
      printed += chunk.toString();
      if (printed.includes('listening')) {
        clearTimeout(timer);
        resolve(server);
      }
    };
    child.stdout!.on('data', listen);
    child.stderr!.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${printed}`));
    });
  });
}

/** Runs a `coprod` command as a separate process without blocking this one; resolves with its exit code and output. */
export function coprodAsync(dataDir: string, args: string[]): Promise<{ status: number | null; output: string }> {
  const child = spawn(process.execPath, [entry, ...args], { env: withoutDeploymentStore(process.env, { COPROD_DATA_DIR: dataDir }), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, output })));
}
