import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { InvalidInput } from '@coprod/application';
import { CliModule } from './cli.module';

/** What `coprod` prints for an error: refused input names each field and what is wrong with it, one per line. */
export function errorText(error: Error): string {
  if (!(error instanceof InvalidInput)) return `coprod: ${error.message}`;
  return [`coprod: ${error.summary}:`, ...error.fields.map((f) => `  ${f.field}: ${f.problems.join('; ')}`)].join('\n');
}

function fail(error: Error): never {
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
  await CommandFactory.run(CliModule, {
    logger: ['warn', 'error'],
    cliName: 'coprod',
    errorHandler: fail,
    serviceErrorHandler: fail,
  });
}

if (require.main === module) runCli().catch(fail);
