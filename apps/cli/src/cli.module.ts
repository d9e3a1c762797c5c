import { Module } from '@nestjs/common';
import { ApplicationModule } from '@coprod/application';
import { DemoCommand } from './commands/demo.command';
import { EraseCommand } from './commands/erase.command';
import { CheckpointCommand, VerifyCommand } from './commands/integrity.commands';
import { OutcomesCommand } from './commands/outcomes.command';
import { RebuildCommand } from './commands/rebuild.command';

const commands = [DemoCommand, OutcomesCommand, RebuildCommand, VerifyCommand, CheckpointCommand, EraseCommand];

@Module({ imports: [ApplicationModule], providers: commands })
export class CliModule {}
