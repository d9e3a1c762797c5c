import { CommandFactory, CommandRunnerService } from 'nest-commander';
import { CliModule } from '../../apps/cli/src/cli.module';
import { withoutDeploymentStore } from '../support/deployment-store';

/** What one in-process `coprod` run printed, how it ended, and the exit code it set. */
export interface CliRun {
  stdout: string;
  stderr: string;
  error: Error | undefined;
  exitCode: number;
}

/**
 * Runs `coprod <args>` in this process on the real CLI module, with `env` on top of this process's
 * environment (EVENTSTORE_CONNECTION_STRING only when `env` names it).
 * A thrown error (which the real binary prints and exits 1 on) is returned instead of exiting.
 */
export async function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const saved = { ...process.env };
  const savedExitCode = process.exitCode;
  process.env = withoutDeploymentStore(saved, env);
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
  let failure: Error | undefined;
  process.exitCode = 0;
  try {
    // As the real binary: a refusal to start (a keys file that does not belong to the record, say) is the
    // run's error, reported with exit code 1, not a reason to abort the process.
    const app = await CommandFactory.createWithoutRunning(CliModule, {
      cliName: 'coprod',
      logger: false,
      abortOnError: false,
      serviceErrorHandler: (e: Error) => void (failure = e),
      errorHandler: (e: Error) => void (failure = e),
    }).catch((e: Error) => void (failure = e));
    if (!app) return { stdout: out.join('\n'), stderr: err.join(''), error: failure, exitCode: 1 };
    try {
      await app.get(CommandRunnerService).run(['node', 'coprod', ...args]);
    } finally {
      await app.close();
    }
    const exitCode = failure ? 1 : Number(process.exitCode ?? 0);
    return { stdout: out.join('\n'), stderr: err.join(''), error: failure, exitCode };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
    process.env = saved;
    process.exitCode = savedExitCode;
  }
}
