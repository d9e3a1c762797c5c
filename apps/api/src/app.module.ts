import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApplicationModule } from '@coprod/application';
import { CommandsController } from './commands/commands.controller';
import { HealthModule } from './health/health.module';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { OutcomesController } from './outcomes/outcomes.controller';
import { ReportsController } from './reports/reports.controller';
import { AuthModule } from './auth/auth.module';
import { HistoryApiModule } from './history/history.module';
import { ParticipantsApiModule } from './participants/participants.module';
import { AccessLogApiModule } from './access-log/access-log.module';
import { WebModule } from '../../web/src/web.module';

@Module({
  imports: [ApplicationModule, HealthModule, AuthModule, HistoryApiModule, ParticipantsApiModule, AccessLogApiModule, WebModule],
  controllers: [CommandsController, OutcomesController, ReportsController],
  providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
export class AppModule {}
