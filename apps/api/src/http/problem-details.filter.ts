import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { DomainError } from '@coprod/domain';
import { WrongExpectedRevisionError, DuplicateEventIdError, InvalidEventError, EventStoreUnavailableError, isStorageFull, StorageFullError, IntegrityFailedError } from '@coprod/event-store';
import { KeyUnavailableError } from '@coprod/privacy';
import { ReadModelsRecoveringError } from '../health/store-available.guard';
import { ConcurrencyConflictError, InvalidInput, UnknownCommandError } from '@coprod/application';
import { isWebPath, renderWebError } from '../../../web/src/web-errors';

/** One invalid field of a request. */
export interface InvalidField {
  field: string;
  problems: string[];
}

/** An RFC 9457 problem details body. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code?: string;
  errors?: InvalidField[];
}

const DOMAIN_STATUS = { not_found: 404, conflict: 409, rule: 422, forbidden: 403 } as const;

/** Answers every error as `application/problem+json`, naming what was wrong and what to do. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const problem = this.toProblem(error, request.originalUrl ?? request.url);
    if (problem.status >= 500) this.logger.error(`${request.method} ${request.path}: ${(error as Error)?.stack ?? String(error)}`);
    // A refusal is logged by what it was, never by what was sent: bodies and details can carry personal data.
    else this.logger.log(`${request.method} ${request.path} refused ${problem.status}${problem.code ? ` ${problem.code}` : ''}`);
    // People using the web interface get a page they can act on, never JSON.
    if (isWebPath(request.path)) return renderWebError(request, response, problem);
    response.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(error: unknown, instance: string): ProblemDetails {
    const problem = (status: number, title: string, detail: string, extra: Partial<ProblemDetails> = {}): ProblemDetails => ({
      type: `https://coprod.example/problems/${title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      title,
      status,
      detail,
      instance,
      ...extra,
    });
    const invalidRequest = (errors: InvalidField[]) =>
      problem(400, 'Invalid request', `${errors.length} field(s) are invalid: ${errors.map((e) => e.field).join(', ')}`, { errors });
    if (error instanceof DomainError) return problem(DOMAIN_STATUS[error.kind], titleOf(error.kind), error.message, { code: error.code });
    if (error instanceof WrongExpectedRevisionError || error instanceof ConcurrencyConflictError) {
      return problem(409, 'Concurrent change', error.message, { code: 'concurrency.conflict' });
    }
    if (error instanceof DuplicateEventIdError) return problem(409, 'Duplicate event', error.message);
    if (error instanceof UnknownCommandError) return problem(404, 'Unknown command', error.message);
    if (error instanceof InvalidEventError) return problem(400, 'Invalid event', error.message);
    if (error instanceof IntegrityFailedError) return problem(503, 'Integrity check failed', error.message, { code: 'integrity.failed' });
    if (error instanceof ReadModelsRecoveringError) return problem(503, 'Read models rebuilding', error.message, { code: 'read_models.rebuilding' });
    if (error instanceof EventStoreUnavailableError) return problem(503, 'Event store unavailable', error.message);
    if (error instanceof KeyUnavailableError) return problem(503, 'Keys unavailable', error.message, { code: 'keys.unavailable' });
    if (error instanceof StorageFullError) return problem(507, 'Storage full', error.message, { code: 'storage.full' });
    if (isStorageFull(error)) {
      return problem(507, 'Storage full', 'the disk holding the data folder is full, so nothing of this change was stored; free space and send it again', {
        code: 'storage.full',
      });
    }
    if (error instanceof InvalidInput) return invalidRequest(error.fields);
    if (error instanceof HttpException) {
      const body = error.getResponse() as { message?: unknown; errors?: InvalidField[] } | string;
      if (typeof body === 'object' && body.errors) return invalidRequest(body.errors);
      const message = typeof body === 'string' ? body : Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? error.message);
      return problem(error.getStatus(), titleForStatus(error.getStatus()), message);
    }
    const http = error as { status?: number; type?: string; message?: string };
    if (http?.type === 'entity.too.large') return problem(413, 'Request too large', 'the request body is larger than the 1 MB this service accepts');
    if (http?.type === 'entity.parse.failed') return problem(400, 'Malformed JSON', `the request body is not valid JSON: ${http.message}`);
    if (http?.type === 'encoding.unsupported' || http?.type === 'charset.unsupported') return problem(415, 'Unsupported encoding', String(http.message));
    return problem(500, 'Internal error', 'something went wrong on our side; nothing was recorded unless a result was returned');
  }
}

function titleOf(kind: DomainError['kind']): string {
  return { not_found: 'Not found', conflict: 'Conflict', rule: 'Not allowed by the rules', forbidden: 'Forbidden' }[kind];
}

function titleForStatus(status: number): string {
  return ({ 400: 'Bad request', 401: 'Unauthorised', 403: 'Forbidden', 404: 'Not found', 413: 'Request too large', 415: 'Unsupported media type' } as Record<number, string>)[status] ?? 'Error';
}
