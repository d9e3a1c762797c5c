import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ApplicationModule } from '@coprod/application';
import { CommandsController } from './commands/commands.controller';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { OutcomesController } from './outcomes/outcomes.controller';

@Module({
  imports: [ApplicationModule],
  controllers: [CommandsController, OutcomesController, HealthController],
  providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
export class AppModule {}
