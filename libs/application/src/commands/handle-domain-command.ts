import { Command as CqrsCommand, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Command } from '@coprod/domain';
import { CommandExecutor, CommandOrigin } from './command-executor';
import { CommandResult } from './command-result';

/** Any command of the co-production record, as dispatched on the CommandBus by the API, CLI and import. */
export class HandleDomainCommand extends CqrsCommand<CommandResult> {
  constructor(
    readonly command: Command,
    readonly origin: CommandOrigin,
  ) {
    super();
  }
}

/**
 * One handler for every aggregate: the deciders differ, the path (read, fold, decide, append)
 * does not, so it lives once in CommandExecutor.
 */
@CommandHandler(HandleDomainCommand)
export class HandleDomainCommandHandler implements ICommandHandler<HandleDomainCommand, CommandResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ command, origin }: HandleDomainCommand): Promise<CommandResult> {
    return this.executor.execute(command, origin);
  }
}
