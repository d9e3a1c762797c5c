import { Controller, Get, HttpException, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { READ_MODELS, ReadModels } from '@coprod/application';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Whether the event store answers, and how far the read models have caught up' })
  async health() {
    try {
      const head = await this.store.headPosition();
      const readModels = this.readModels.runtime.currentPosition();
      return { status: 'ok', store: this.store.description, headPosition: head, readModelsPosition: readModels, lag: head - readModels };
    } catch (error) {
      throw new HttpException({ status: 'unavailable', store: this.store.description, detail: (error as Error).message }, 503);
    }
  }
}
