import { Module } from '@nestjs/common';
import { ApplicationModule, RecordAccessModule } from '@coprod/application';
import { FormCommand } from './form-command';
import { AccountController } from './pages/account.controller';
import { HomeController } from './pages/home.controller';
import { ImportPagesModule } from './import/import-pages.module';
import { ProjectsController } from './pages/projects.controller';
import { DecisionPagesModule } from './decisions/decisions.module';
import { OversightPagesModule } from './oversight/oversight.module';
import { RecordingPagesModule } from './recording/recording.module';
import { SignInModule } from './sign-in/sign-in.module';
import { ProjectStoryPagesModule } from './story/project-story.module';

/** The web interface: GOV.UK pages over the same commands, queries and permissions as the API. */
@Module({
  imports: [
    ApplicationModule,
    RecordAccessModule,
    RecordingPagesModule,
    DecisionPagesModule,
    OversightPagesModule,
    SignInModule,
    ImportPagesModule,
    ProjectStoryPagesModule,
  ],
  controllers: [HomeController, AccountController, ProjectsController],
  providers: [FormCommand],
  exports: [FormCommand],
})
export class WebModule {}
