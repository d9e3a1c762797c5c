import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApplicationModule } from '@coprod/application';
import { HealthController } from './health.controller';
import { StoreAvailableGuard } from './store-available.guard';

/** /health, and the guard that answers 503 everywhere else while the configured store is unreachable. */
@Module({
  imports: [ApplicationModule],
  controllers: [HealthController],
  providers: [{ provide: APP_GUARD, useClass: StoreAvailableGuard }],
})
export class HealthModule {}
