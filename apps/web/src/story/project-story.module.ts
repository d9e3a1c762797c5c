import { Module } from '@nestjs/common';
import { ApplicationModule, RecordAccessModule } from '@coprod/application';
import { DecisionRecords } from '../decisions/decision-record';
import { FormCommand } from '../form-command';
import { ProjectStoryController } from './project-story.controller';
import { StoryErasureController } from './story-erasure.controller';

/** The pages where the evaluation lead writes a project's story and records the proposals it did not adopt. */
@Module({
  imports: [ApplicationModule, RecordAccessModule],
  controllers: [ProjectStoryController, StoryErasureController],
  providers: [FormCommand, DecisionRecords],
})
export class ProjectStoryPagesModule {}
