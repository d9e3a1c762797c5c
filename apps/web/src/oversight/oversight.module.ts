import { Module } from '@nestjs/common';
import { ApplicationModule, RecordAccessModule } from '@coprod/application';
import { FormCommand } from '../form-command';

/** Pages for auditors, administrators and the public. */
@Module({
  imports: [ApplicationModule, RecordAccessModule],
  controllers: [],
  providers: [FormCommand],
})
export class OversightPagesModule {}
