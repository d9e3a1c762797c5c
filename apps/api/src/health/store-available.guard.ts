import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { ConnectingEventStore } from '@coprod/event-store';
import { READ_MODELS, ReadModels } from '@coprod/application';
import { HealthController } from './health.controller';

/** The read-model file was lost and is being rebuilt from the log: what it holds meanwhile is incomplete. */
export class ReadModelsRecoveringError extends Error {
  override readonly name = 'ReadModelsRecoveringError';
}

/**
 * Refuses commands and queries with 503 while the answer could be wrong: the configured server has
 * not been reached (EventStoreUnavailableError: the read models may be behind), or the read-model
 * file was lost and is being rebuilt (its tables are partial). /health stays open to say what is wrong.
 */
@Injectable()
export class StoreAvailableGuard implements CanActivate {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getClass() === HealthController) return true;
    if (this.readModels.isRecovering()) {
      const status = await this.readModels.fileStatus();
      if (status.recovering || status.state !== 'ok') {
        throw new ReadModelsRecoveringError(
          `${status.recovering ?? `the read-model file is ${status.state}`}; nothing is answered from it until it has caught up with the log (see /health/ready); try again shortly`,
        );
      }
    }
    if (this.store instanceof ConnectingEventStore) await this.store.connectedStore();
    return true;
  }
}
