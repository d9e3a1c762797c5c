/** First pause after the read-model file was found locked; it doubles on each further refusal. */
export const LOCK_RETRY_FIRST_MS = 10;
/** Longest pause between two attempts while the file stays locked. */
export const LOCK_RETRY_MAX_MS = 1000;

/** Whether SQLite refused because another connection holds the lock (SQLITE_BUSY and its extended codes). */
export function isDatabaseLocked(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

export interface LockRetryOptions {
  /** Called once, at the first refusal, with the error; further refusals of the same wait stay quiet. */
  onFirstRefusal: (error: Error) => void;
  /** Asked after each refusal with how long the file has been locked: true throws the refusal instead of retrying. */
  giveUp?: (lockedForMs: number) => boolean;
}

/**
 * Runs `attempt` until it is not refused for a lock, pausing 10 ms, 20 ms, ... up to 1 s between tries.
 * The pauses are timers, not SQLite's busy wait, so the process keeps answering meanwhile.
 * Any other error is thrown at once.
 */
export async function retryWhileLocked<T>(attempt: () => T, options: LockRetryOptions): Promise<T> {
  let pause = LOCK_RETRY_FIRST_MS;
  let lockedSince: number | undefined;
  for (;;) {
    try {
      return attempt();
    } catch (error) {
      if (!isDatabaseLocked(error)) throw error;
      if (lockedSince === undefined) {
        lockedSince = Date.now();
        options.onFirstRefusal(error as Error);
      } else if (options.giveUp?.(Date.now() - lockedSince)) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, LOCK_RETRY_MAX_MS);
    }
  }
}
