import { Module } from '@nestjs/common';
import { RecordAccessModule } from '@coprod/application';
import { AccessLogController } from './access-log.controller';

/** The auditor's view of who read personal data. */
@Module({
  imports: [RecordAccessModule],
  controllers: [AccessLogController],
})
export class AccessLogApiModule {}
