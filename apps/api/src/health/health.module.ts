import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApplicationModule, IntegrityWatch } from '@coprod/application';
import { HealthController } from './health.controller';
import { ReadinessCheck } from './readiness';
import { StoreAvailableGuard } from './store-available.guard';

/**
 * /health/live, /health/ready and /health; the guard that answers 503 everywhere else while answers
 * could be wrong; and the integrity watch, which only a serving process runs.
 */
@Module({
  imports: [ApplicationModule],
  controllers: [HealthController],
  providers: [ReadinessCheck, { provide: APP_GUARD, useClass: StoreAvailableGuard }],
})
export class HealthModule implements OnApplicationBootstrap {
  constructor(private readonly integrity: IntegrityWatch) {}

  onApplicationBootstrap(): void {
    this.integrity.start();
  }
}
