import { Request, Response } from 'express';
import { EventEmitter } from 'node:events';
import { loadShedder } from './load-shedding.middleware';

/** A response that remembers what it was told, and can be finished as a real one is. */
function fakeResponse() {
  const answer = Object.assign(new EventEmitter(), { statusCode: 200, headers: {} as Record<string, string>, body: '' });
  const response = Object.assign(answer, {
    status: (code: number) => ((answer.statusCode = code), response),
    setHeader: (name: string, value: string) => ((answer.headers[name.toLowerCase()] = value), response),
    type: () => response,
    send: (body: string) => ((answer.body = body), response),
  });
  return response;
}
const request = (method: string, path: string) => ({ method, path, url: path, originalUrl: path }) as Request;

describe('loadShedder', () => {
  const limits = { maxInFlight: 100, maxQueuedCommands: 100, maxLagMs: 20, retryAfterSeconds: 3 };
  let shedder: ReturnType<typeof loadShedder>;
  afterEach(() => shedder.stop());

  const call = (method: string, path: string) => {
    const response = fakeResponse();
    let passed = false;
    shedder(request(method, path), response as unknown as Response, () => (passed = true));
    return { response, passed };
  };

  it('refuses a command once COPROD_MAX_QUEUED_COMMANDS commands wait for the writer, but still answers reads and /health', () => {
    let queued = 4;
    shedder = loadShedder({ limits: { ...limits, maxQueuedCommands: 5 }, queuedCommands: () => queued });
    expect(call('POST', '/api/commands/RecordAttendance').passed).toBe(true);
    queued = 5;
    const refused = call('POST', '/api/commands/RecordAttendance');
    expect(refused.passed).toBe(false);
    expect(refused.response.statusCode).toBe(503);
    expect(refused.response.headers['retry-after']).toBe('3');
    expect(JSON.parse(refused.response.body).detail).toMatch(
      /5 commands are already waiting to be recorded \(the limit is 5, COPROD_MAX_QUEUED_COMMANDS\)/,
    );
    expect(call('GET', '/api/projects').passed).toBe(true);
    expect(call('POST', '/health').passed).toBe(true);
    expect(shedder.shed()).toBe(1);
  });

  it('answers the first request read after the event loop was held up, and sheds the others waiting with it', () => {
    shedder = loadShedder({ limits, queuedCommands: () => 0 });
    const until = Date.now() + 60;
    while (Date.now() < until);
    expect(call('GET', '/api/projects').passed).toBe(true);
    const second = call('GET', '/api/projects');
    expect(second.passed).toBe(false);
    expect(JSON.parse(second.response.body).detail).toMatch(
      /requests are waiting \d+ ms before they are read \(the limit is 20 ms, COPROD_MAX_LAG_MS\)/,
    );
    expect(call('GET', '/health/ready').passed).toBe(true);
  });

  it('counts a request in flight until its response finishes or its connection closes, once', () => {
    shedder = loadShedder({ limits: { ...limits, maxInFlight: 1 }, queuedCommands: () => 0 });
    const first = call('GET', '/api/projects');
    expect(shedder.inFlight()).toBe(1);
    expect(call('GET', '/api/portfolio').response.statusCode).toBe(503);
    first.response.emit('finish');
    first.response.emit('close');
    expect(shedder.inFlight()).toBe(0);
    expect(call('GET', '/api/portfolio').passed).toBe(true);
  });

  it('shows a person in a browser a page saying the service is busy and nothing was recorded; a program asking for JSON gets problem details', () => {
    shedder = loadShedder({ limits: { ...limits, maxInFlight: 1 }, queuedCommands: () => 0 });
    call('GET', '/projects');
    const asking = (accept: string) => {
      const response = fakeResponse();
      const req = { ...request('GET', '/projects/p-energy'), accepts: (types: string[]) => (accept === 'text/html' ? 'html' : types[0]) } as unknown as Request;
      shedder(req, response as unknown as Response, () => undefined);
      return response;
    };
    const page = asking('text/html');
    expect(page.statusCode).toBe(503);
    expect(page.headers['retry-after']).toBe('3');
    expect(page.body).toContain('<html lang="en-GB">');
    expect(page.body).toContain('<h1>Sorry, the service is busy</h1>');
    expect(page.body).toContain('Nothing you sent was recorded.');
    expect(page.body).toContain('Wait 3 seconds, then go back and try again.');
    expect(JSON.parse(asking('application/json').body).title).toBe('Service busy');
  });
});
