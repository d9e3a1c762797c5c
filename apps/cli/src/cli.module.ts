import { Module } from '@nestjs/common';
import { ApplicationModule, RecordAccessModule } from '@coprod/application';
import { ImportModule } from '@coprod/application/import';
import { AccessLogCommand } from './commands/access-log.command';
import { BackupCommand, RestoreCommand } from './commands/backup.commands';
import { DemoCommand } from './commands/demo.command';
import { EraseCommand } from './commands/erase.command';
import { MigrateCommand } from './commands/migrate.command';
import { CheckpointCommand, VerifyCommand } from './commands/integrity.commands';
import { OutcomesCommand } from './commands/outcomes.command';
import { RebuildCommand } from './commands/rebuild.command';
import { RecordCommand } from './commands/record.command';
import { ReportCommand } from './commands/report.command';
import { SubjectAccessCommand } from './commands/subject-access.command';
import { TOKEN_COMMANDS } from './commands/token.command';
import { ExportCommand } from './import/export.command';
import { ImportCommand } from './import/import.command';

const commands = [
  DemoCommand,
  OutcomesCommand,
  RebuildCommand,
  VerifyCommand,
  CheckpointCommand,
  EraseCommand,
  MigrateCommand,
  BackupCommand,
  RestoreCommand,
  AccessLogCommand,
  RecordCommand,
  ...ReportCommand.registerWithSubCommands(),
];

@Module({
  imports: [ApplicationModule, RecordAccessModule, ImportModule],
  providers: [...commands, ...TOKEN_COMMANDS, SubjectAccessCommand, ImportCommand, ExportCommand],
})
export class CliModule {}
