import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { READ_MODELS, ReadModels } from '@coprod/application';
import { Public } from '../auth/requires.decorator';
import { ConnectingEventStore, ConnectionStatus } from '@coprod/event-store';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Whether the event store answers, and how far the read models have caught up' })
  @ApiResponse({ status: 200, description: 'the store answers; the read models are at readModelsPosition' })
  @ApiResponse({ status: 503, description: 'problem details naming the store, what failed and what to check' })
  async health(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    try {
      const head = await this.store.headPosition();
      const readModels = this.readModels.runtime.currentPosition();
      return { status: 'ok', store: this.store.description, headPosition: head, readModelsPosition: readModels, lag: head - readModels };
    } catch (error) {
      const connection = this.store instanceof ConnectingEventStore ? this.store.status() : undefined;
      response.status(503).type('application/problem+json');
      return unhealthy(this.store.description, (error as Error).message, request.originalUrl ?? request.url, connection);
    }
  }
}

/** RFC 9457 problem details for an unreachable store, with where the connection stands. */
function unhealthy(store: string, detail: string, instance: string, connection: ConnectionStatus | undefined) {
  return {
    type: 'https://coprod.example/problems/event-store-unavailable',
    title: 'Event store unavailable',
    status: 503,
    detail,
    instance,
    store,
    ...(connection && { connection: { state: connection.state, failedAttempts: connection.attempts, nextAttemptAt: connection.nextAttemptAt } }),
  };
}
