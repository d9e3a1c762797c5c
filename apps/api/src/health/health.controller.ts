import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { ConnectionStatus } from '@coprod/event-store';
import { Public } from '../auth/requires.decorator';
import { Readiness, ReadinessCheck } from './readiness';

const STARTED = Date.now();

/**
 * Liveness and readiness in the @nestjs/terminus conventions. Live: the process answers (restart it
 * if not). Ready: it can be trusted with traffic; when not, problem details name each cause and what
 * to do. `/health` is the readiness answer, kept for what already watches it.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessCheck) {}

  @Get('live')
  @ApiOperation({ summary: 'Whether the process is up and answering (restart it when this fails)' })
  @ApiResponse({ status: 200, description: 'the process answers' })
  live() {
    return {
      status: 'ok',
      info: { process: { status: 'up', pid: process.pid, uptimeSeconds: Math.round((Date.now() - STARTED) / 1000) } },
      error: {},
      details: {},
    };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Whether the service can be trusted with traffic: store, read models, keys file, disk and integrity chain' })
  @ApiResponse({ status: 200, description: 'every check is up; the read models are at readModelsPosition' })
  @ApiResponse({ status: 503, description: 'problem details naming each failing check, what happened and what to do' })
  ready(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.answer(request, response);
  }

  @Get()
  @ApiOperation({ summary: 'The readiness answer (as /health/ready)' })
  @ApiResponse({ status: 200, description: 'every check is up; the read models are at readModelsPosition' })
  @ApiResponse({ status: 503, description: 'problem details naming each failing check, what happened and what to do' })
  health(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    return this.answer(request, response);
  }

  private async answer(request: Request, response: Response) {
    const instance = request.originalUrl ?? request.url;
    let readiness: Readiness;
    try {
      readiness = await this.readiness.check();
    } catch (error) {
      response.status(503).type('application/problem+json');
      return storeUnavailable(this.readiness.storeDescription(), (error as Error).message, instance, this.readiness.connection());
    }
    const { ready, details, problems, store, headPosition, readModelsPosition } = readiness;
    const info = Object.fromEntries(Object.entries(details).filter(([, d]) => d.status === 'up'));
    const error = Object.fromEntries(Object.entries(details).filter(([, d]) => d.status === 'down'));
    const position = { store, headPosition, readModelsPosition, lag: (headPosition ?? 0) - readModelsPosition };
    if (ready) return { status: 'ok', ...position, info, error, details };
    response.status(503).type('application/problem+json');
    const [first] = problems;
    return {
      type: first.type,
      title: problems.length === 1 ? first.title : `${first.title} (and ${problems.length - 1} more)`,
      status: 503,
      detail: problems.map((p) => p.detail).join(' | '),
      instance,
      problems,
      ...position,
      info,
      error,
      details,
    };
  }
}

/** RFC 9457 problem details for an unreachable store, with where the connection stands. */
function storeUnavailable(store: string, detail: string, instance: string, connection: ConnectionStatus | undefined) {
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
