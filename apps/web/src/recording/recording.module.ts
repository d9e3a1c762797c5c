import { Module } from '@nestjs/common';
import { ApplicationModule, RecordAccessModule } from '@coprod/application';
import { FormCommand } from '../form-command';

/** Pages for recording: projects, sessions and registers, people, surveys and measures, corrections. */
@Module({
  imports: [ApplicationModule, RecordAccessModule],
  controllers: [],
  providers: [FormCommand],
})
export class RecordingPagesModule {}
