import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { ConnectingEventStore } from '@coprod/event-store';
import { HealthController } from './health.controller';

/**
 * Refuses commands and queries with EventStoreUnavailableError (503) while the configured server has
 * not been reached: the read models would otherwise answer from a record that may be behind.
 * /health stays open to say what is wrong.
 */
@Injectable()
export class StoreAvailableGuard implements CanActivate {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getClass() === HealthController || !(this.store instanceof ConnectingEventStore)) return true;
    await this.store.connectedStore();
    return true;
  }
}
