import { BACKWARDS, END } from '@eventstore/db-client';
import { EventStoreUnavailableError } from '../errors';
import { EventStoreClient } from './eventstore-client';

/** The connection string with any password hidden, fit for logs and error messages. */
export function redactConnectionString(connectionString: string): string {
  return connectionString.replace(/^(\w+(?:\+\w+)?:\/\/)([^:@/]+):([^@/]*)@/, '$1$2:***@');
}

/**
 * Reads the last event of `$all` within `deadlineMs`, so that a wrong address, TLS mismatch or
 * missing permission fails at start with advice instead of on the first command. Any node may answer
 * it; the reads that follow ask for the leader.
 */
export async function checkReachable(client: EventStoreClient, connectionString: string, deadlineMs: number): Promise<void> {
  const read = client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    await Promise.race([drain(read), timeout]);
  } catch (error) {
    void read.cancel().catch(() => undefined);
    throw describeConnectionFailure(connectionString, error as Error);
  } finally {
    clearTimeout(timer);
  }
}

/** A start-up failure as an error that names the server, what failed and what to check. */
export function describeConnectionFailure(connectionString: string, error: Error): EventStoreUnavailableError {
  const shown = redactConnectionString(connectionString);
  const what = error.message.split('\n')[0].replace(/\.?\s*Resolution note:.*$/, '');
  const hints = [
    'that the server is running and listening on that host and port (EventStoreDB and KurrentDB use 2113 by default)',
    /tls=false/i.test(connectionString)
      ? 'that the server runs in insecure mode (EVENTSTORE_INSECURE=true / KURRENTDB_INSECURE=true), since the connection string says tls=false'
      : 'TLS: a local server started in insecure mode needs `?tls=false`; a secure one needs its CA trusted (tlsCAFile=...)',
    'that the user in the connection string may read $all (an admin, or a user granted it)',
  ];
  const failure = new EventStoreUnavailableError(
    `cannot reach EventStoreDB at ${shown}: ${what}. Check ${hints.join('; ')}. ` +
      'Unset EVENTSTORE_CONNECTION_STRING to use the embedded SQLite store instead.',
  );
  (failure as { cause?: unknown }).cause = error;
  return failure;
}

async function drain(read: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of read) {
    // Reading the one event proves the server answers and lets this user read $all.
  }
}
