import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

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
    errorHandler: (error: Error) => {
      console.error(`coprod: ${error.message}`);
      process.exit(1);
    },
    serviceErrorHandler: (error: Error) => {
      console.error(`coprod: ${error.message}`);
      process.exit(1);
    },
  });
}

if (require.main === module) {
  runCli().catch((error: Error) => {
    console.error(`coprod: ${error.message}`);
    process.exit(1);
  });
}
