import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { InvalidInput, StartupLogger } from '@coprod/application';
import { CliModule } from './cli.module';
import { recordOperation } from './commands/backup.commands';

/** What `coprod` prints for an error: refused input names each field and what is wrong with it, one per line. */
export function errorText(error: Error): string {
  if (!(error instanceof InvalidInput)) return `coprod: ${error.message}`;
  return [`coprod: ${error.summary}:`, ...error.fields.map((f) => `  ${f.field}: ${f.problems.join('; ')}`)].join('\n');
}

/**
 * Ends the command after an error, with a non-zero exit code and one line saying what was wrong. The
 * parser reports help and its own refusals (an unknown command or option, a missing argument) as
 * errors it has already printed: help asked for exits 0, a refusal exits with the parser's code.
 */
function fail(error: Error): never {
  const parser = error as Error & { code?: unknown; exitCode?: unknown };
  if (typeof parser.code === 'string' && parser.code.startsWith('commander.')) {
    process.exit(typeof parser.exitCode === 'number' ? parser.exitCode : 1);
  }
  console.error(errorText(error));
  process.exit(1);
}

/** The `coprod` command. `serve` starts the API; everything else runs once and exits. */
export async function runCli(argv: string[] = process.argv): Promise<void> {
  if (argv[2] === 'serve') {
    const { startApi } = await import('../../api/src/main');
    await startApi();
    return;
  }
  const operation = recordOperation(argv);
  if (operation) return operation.catch(fail);
  await CommandFactory.run(CliModule, {
    logger: new StartupLogger(['warn', 'error']),
    // A refusal to start (such as a keys file that does not belong to the record) is printed as one line.
    abortOnError: false,
    cliName: 'coprod',
    errorHandler: fail,
    serviceErrorHandler: fail,
  });
}

if (require.main === module) runCli().catch(fail);
