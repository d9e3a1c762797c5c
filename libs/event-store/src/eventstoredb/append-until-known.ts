import { EventData, NO_STREAM } from '@eventstore/db-client';
import { AppendTooLargeError } from '../errors';
import { EventStoreClient } from './eventstore-client';
import { ReconnectPolicy, reconnectDelay } from './reconnect-backoff';
import { isAmbiguous, isMaxAppendSizeExceeded, isNotLeader, isWrongExpectedVersion } from './server-errors';
import { StoreLogger } from './store-logger';

/** One append as it goes to the server: built once, so every resend carries the same ids, data and recordedAt. */
export interface ServerAppend {
  stream: string;
  payload: EventData[];
  /** The stream's exact last revision on the server (other tools' events included), or no stream. */
  serverExpected: bigint | typeof NO_STREAM;
  /** Its size as the server counts it. */
  bytes: number;
}

export interface ResendContext {
  description: string;
  logger: StoreLogger;
  reconnect: ReconnectPolicy;
  /** True once the store is closing: an unknown outcome is then reported instead of resent. */
  closing: () => boolean;
}

/**
 * Appends after exactly `serverExpected` and resolves true once the server has taken the events, false
 * when it refuses them because the stream moved on (they can then never land at that revision). Any
 * other answer leaves the outcome unknown (a timeout may still commit; a dropped call may have been
 * written): the same events are sent again with the same expected revision until the server says which.
 * The server takes them at most once, because a resend of what it already holds after that revision is
 * recognised by the ids. The caller's queue waits meanwhile, so nothing else is appended.
 */
export async function appendUntilKnown(client: EventStoreClient, append: ServerAppend, context: ResendContext): Promise<boolean> {
  const { stream, payload, serverExpected, bytes } = append;
  for (let attempt = 0; ; attempt += 1) {
    try {
      const result = await client.appendToStream(stream, payload, { expectedRevision: serverExpected, requiresLeader: true });
      return result.success !== false;
    } catch (error) {
      if (isWrongExpectedVersion(error)) return false;
      if (isMaxAppendSizeExceeded(error)) throw new AppendTooLargeError(stream, payload.length, bytes, (error as { maxAppendSize: number }).maxAppendSize);
      if (!isAmbiguous(error)) throw error;
      if (context.closing()) {
        throw new Error(
          `${context.description} closed while an append to ${stream} had an unknown outcome (${firstLine(error)}); ` +
            'the next start shows whether it was recorded',
        );
      }
      // NotLeader wrote nothing and the client has already turned to the leader: resend at once.
      const delay = isNotLeader(error) ? 0 : reconnectDelay(attempt, context.reconnect);
      if (delay > 0) {
        context.logger.warn(
          `${context.description}: append to ${stream} has an unknown outcome (${firstLine(error)}); ` +
            `sending the same events again in ${delay} ms, nothing else is appended until the server answers`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}
