import { Module } from '@nestjs/common';
import { ApplicationModule, RecordAccessModule } from '@coprod/application';
import { HistoryController } from './history.controller';
import { VerificationController } from './verification.controller';

/** History, trace and verification over HTTP. */
@Module({
  imports: [ApplicationModule, RecordAccessModule],
  controllers: [HistoryController, VerificationController],
})
export class HistoryApiModule {}
