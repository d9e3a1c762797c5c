import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { withoutDeploymentStore } from '../support/deployment-store';

export const root = join(__dirname, '..', '..');

/** The suites that run the compiled CLI refuse a missing or stale `dist/` rather than skip or test old code. */
export { requireCompiledProgram } from '../support/compiled-program';

/** Runs the real `coprod` command on a data folder; returns its output and exit code, never throws on failure. */
export function coprod(dataDir: string, args: string[], env: Record<string, string> = {}): { output: string; status: number } {
  try {
    const output = execFileSync(process.execPath, [join(root, 'bin', 'coprod.js'), ...args], {
      env: withoutDeploymentStore(process.env, { COPROD_DATA_DIR: dataDir, ...env }),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    return { output, status: 0 };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; status?: number };
    return { output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`, status: failed.status ?? 1 };
  }
}
