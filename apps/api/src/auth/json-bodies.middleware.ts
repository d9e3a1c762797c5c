import { BadRequestException } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { FORBIDDEN_KEYS, MAX_INPUT_DEPTH } from '@coprod/application';

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

/**
 * Refuses a parsed JSON body nested deeper than MAX_INPUT_DEPTH or holding a key that reaches a
 * prototype (`__proto__`, `constructor`, `prototype`), with 400 problem details, before anything
 * validates or copies it: JSON.parse keeps such keys as own properties, which later copies would
 * either drop without a word or turn into a prototype. Walks without recursion.
 */
export function refuseUnsafeJson(request: Request, _response: Response, next: NextFunction): void {
  const body: unknown = request.body;
  if (body === null || typeof body !== 'object') return next();
  const errors: { field: string; problems: string[] }[] = [];
  const pending: { value: object; path: string; depth: number }[] = [{ value: body, path: '', depth: 1 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (depth > MAX_INPUT_DEPTH) {
      return next(new BadRequestException(`the JSON body is nested deeper than ${MAX_INPUT_DEPTH} levels; send at most ${MAX_INPUT_DEPTH} levels of objects and arrays`));
    }
    const children: typeof pending = [];
    for (const [key, child] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key) && !Array.isArray(value)) errors.push({ field, problems: [`"${key}" is not allowed as a field name; remove it`] });
      else if (child !== null && typeof child === 'object') children.push({ value: child, path: field, depth: depth + 1 });
    }
    for (let i = children.length - 1; i >= 0; i -= 1) pending.push(children[i]);
  }
  next(errors.length > 0 ? new BadRequestException({ errors }) : undefined);
}
