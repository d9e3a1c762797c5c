/** How long to wait before each resubscription attempt after the subscription drops. */
export interface ReconnectPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

/** Half a second, doubling to at most thirty. */
export const DEFAULT_RECONNECT: ReconnectPolicy = { initialDelayMs: 500, maxDelayMs: 30_000 };

/** Delay before attempt `attempt` (0 for the first retry): exponential, capped. */
export function reconnectDelay(attempt: number, policy: ReconnectPolicy = DEFAULT_RECONNECT): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt, 30));
}
