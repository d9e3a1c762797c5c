import { NextFunction, Request, Response } from 'express';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Refuses a request body that is not JSON with 415 problem details, before anything parses it:
 * the API reads only JSON, and a form or text body is never guessed at.
 */
export function refuseNonJsonBodies(request: Request, response: Response, next: NextFunction): void {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  const type = request.headers['content-type'] ?? '';
  if (!WITH_BODY.has(request.method) || !hasBody || JSON_TYPE.test(type)) return next();
  response
    .status(415)
    .type('application/problem+json')
    .json({
      type: 'https://coprod.example/problems/unsupported-media-type',
      title: 'Unsupported media type',
      status: 415,
      detail: `the request body is ${type ? `"${type.slice(0, 100)}"` : 'of no stated type'}; send it as JSON with Content-Type: application/json`,
      instance: request.originalUrl,
    });
}
