import { Module } from '@nestjs/common';
import { ApplicationModule, RecordAccessModule } from '@coprod/application';
import { FormCommand } from '../form-command';
import { AttendanceCorrectionsController } from './attendance-corrections.controller';
import { ContributionsController } from './contributions.controller';
import { MeasuresController } from './measures.controller';
import { PeopleController } from './people.controller';
import { PeopleDirectory } from './people-directory';
import { ProjectSetupController } from './project-setup.controller';
import { QuotesController } from './quotes.controller';
import { RegisterController } from './register.controller';
import { SessionsController } from './sessions.controller';
import { SurveysController } from './surveys.controller';

const PAGES = [
  ProjectSetupController,
  SessionsController,
  RegisterController,
  ContributionsController,
  AttendanceCorrectionsController,
  PeopleController,
  QuotesController,
  SurveysController,
  MeasuresController,
];

/** Pages for recording: projects, sessions and registers, people, surveys and measures, corrections. */
@Module({
  imports: [ApplicationModule, RecordAccessModule],
  controllers: PAGES,
  providers: [FormCommand, PeopleDirectory],
})
export class RecordingPagesModule {}
