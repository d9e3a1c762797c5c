import { Module } from '@nestjs/common';
import { ApplicationModule, RecordAccessModule } from '@coprod/application';
import { FormCommand } from '../form-command';

/** Pages for decisions, expenses and reports. */
@Module({
  imports: [ApplicationModule, RecordAccessModule],
  controllers: [],
  providers: [FormCommand],
})
export class DecisionPagesModule {}
