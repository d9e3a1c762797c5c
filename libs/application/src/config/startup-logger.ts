import { ConsoleLogger, LogLevel } from '@nestjs/common';

/**
 * Nest's console logger, less the stack trace Nest logs when a provider refuses to start (a bad settings
 * file, a threshold that is not a number, a keys file of another record). That refusal still reaches the
 * caller, which prints it once as a sentence naming the problem (`coprod: COPROD_SUPPRESSION_THRESHOLD
 * must be ...`); printed again as a stack of framework frames above it, the one line a person needs is lost.
 */
export class StartupLogger extends ConsoleLogger {
  constructor(levels: LogLevel[]) {
    super('', { logLevels: levels });
  }

  override error(message: unknown, ...rest: unknown[]): void {
    if (rest[rest.length - 1] === 'ExceptionHandler') return;
    super.error(message, ...rest);
  }
}
