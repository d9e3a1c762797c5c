import { reconnectDelay } from './reconnect-backoff';

describe('reconnect backoff', () => {
  it('waits half a second, doubling each attempt, never more than thirty seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map((attempt) => reconnectDelay(attempt))).toEqual([
      500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });
});
