import { Module } from '@nestjs/common';
import { RecordAccessModule } from '@coprod/application';
import { ParticipantsController } from './participants.controller';

/** Subject access and erasure over HTTP. */
@Module({
  imports: [RecordAccessModule],
  controllers: [ParticipantsController],
})
export class ParticipantsApiModule {}
