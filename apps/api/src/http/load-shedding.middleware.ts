import { NextFunction, Request, Response } from 'express';
import { AppConfig } from '@coprod/application';

/** Paths always answered, however busy the service is: an orchestrator must be able to ask how it is. */
const NEVER_SHED = /^\/health(?:\/|$)/;

/** What the shedder reads to decide: the limits, and how many commands are waiting for the writer now. */
export interface LoadSheddingOptions {
  limits: AppConfig['loadShedding'];
  queuedCommands: () => number;
}

/** How often the event loop's delay is sampled: a timer that fires late by more than the limit means requests are waiting unseen. */
const SAMPLE_EVERY_MS = 20;

/** What the shedder has seen, for health answers and tests. */
export interface LoadShedder {
  (request: Request, response: Response, next: NextFunction): void;
  inFlight(): number;
  shed(): number;
  /** How late the last sample of the event loop ran, in milliseconds. */
  lag(): number;
  /** Stops sampling the event loop (when the service stops). */
  stop(): void;
}

/**
 * Answers 503 with `Retry-After` at once when the service already has as much work as it can answer
 * promptly: a request queued behind hundreds of others would wait seconds and its caller would give
 * up anyway. Three measures: requests being answered at once; commands waiting for the writer (a
 * write is refused from that depth, a read is not); and how late the event loop runs. The store is
 * synchronous, so most waiting happens before a request is even read, where no count sees it: a
 * loop running late by more than the limit is that queue. `/health` is never shed.
 */
export function loadShedder(options: LoadSheddingOptions): LoadShedder {
  let inFlight = 0;
  let shed = 0;
  let lag = 0;
  /** Requests met since the sampler last ran: one request after a long task is no backlog, several are. */
  let metSinceSample = 0;
  const { maxInFlight, maxQueuedCommands, maxLagMs, retryAfterSeconds } = options.limits;
  let expected = Date.now() + SAMPLE_EVERY_MS;
  const sampler = setInterval(() => {
    const now = Date.now();
    lag = Math.max(0, now - expected);
    expected = now + SAMPLE_EVERY_MS;
    metSinceSample = 0;
  }, SAMPLE_EVERY_MS);
  sampler.unref();
  const busy = (request: Request): string | undefined => {
    if (inFlight >= maxInFlight) return `${inFlight} requests are already being answered (the limit is ${maxInFlight}, COPROD_MAX_IN_FLIGHT)`;
    // The sampler has not run for longer than the limit: this request has been waiting at least that long.
    // The first request read after a long task (a report, say) is answered; others read with it are a queue.
    const late = Math.max(lag, Date.now() - expected);
    metSinceSample += 1;
    if (late > maxLagMs && metSinceSample > 1)
      return `requests are waiting ${late} ms before they are read (the limit is ${maxLagMs} ms, COPROD_MAX_LAG_MS)`;
    const queued = request.method === 'POST' ? options.queuedCommands() : 0;
    if (queued >= maxQueuedCommands)
      return `${queued} commands are already waiting to be recorded (the limit is ${maxQueuedCommands}, COPROD_MAX_QUEUED_COMMANDS)`;
    return undefined;
  };
  const middleware = ((request: Request, response: Response, next: NextFunction) => {
    if (NEVER_SHED.test(request.path)) return next();
    const reason = busy(request);
    if (reason !== undefined) {
      shed += 1;
      if (forPeople(request)) {
        response.status(503).setHeader('Retry-After', String(retryAfterSeconds)).type('html').send(busyPage(retryAfterSeconds));
        return;
      }
      response
        .status(503)
        .setHeader('Retry-After', String(retryAfterSeconds))
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: 'https://coprod.example/problems/overloaded',
            title: 'Service busy',
            status: 503,
            detail: `the service is busy: ${reason}; nothing was done: send the request again after ${retryAfterSeconds} s`,
            instance: request.originalUrl ?? request.url,
            retryAfterSeconds,
          }),
        );
      return;
    }
    inFlight += 1;
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      inFlight -= 1;
    };
    response.once('finish', done);
    response.once('close', done);
    next();
  }) as LoadShedder;
  middleware.inFlight = () => inFlight;
  middleware.shed = () => shed;
  middleware.lag = () => lag;
  middleware.stop = () => clearInterval(sampler);
  return middleware;
}

/** A page of the web interface (not the JSON API), asked for by a browser. */
function forPeople(request: Request): boolean {
  return !/^\/(api|health)(\/|$)/.test(request.path) && request.accepts(['json', 'html']) === 'html';
}

/**
 * What a person sees when the service is too busy to answer: a plain page in the GOV.UK words for it,
 * with nothing that needs the busy service (no stylesheet, no script), saying nothing was recorded.
 */
function busyPage(retryAfterSeconds: number): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en-GB">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sorry, the service is busy</title></head>',
    '<body style="font-family: Arial, sans-serif; font-size: 19px; line-height: 1.4; max-width: 40em; margin: 2em auto; padding: 0 1em">',
    '<main>',
    '<h1>Sorry, the service is busy</h1>',
    '<p>Too many people are using it at once. Nothing you sent was recorded.</p>',
    `<p>Wait ${retryAfterSeconds === 1 ? 'a second' : `${retryAfterSeconds} seconds`}, then go back and try again.</p>`,
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}
