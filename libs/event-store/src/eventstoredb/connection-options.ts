import { EventStoreDBClient } from '@eventstore/db-client';
import { InvalidEventError } from '../errors';
import { redactConnectionString } from './connection-check';
import { EventStoreClient } from './eventstore-client';

/** What the adapter takes from the connection string beyond what the client does. */
export interface ConnectionSettings {
  /** Longest silence allowed within a read: the string's defaultDeadline, else 10 s (the client's default for appends). */
  readDeadlineMs: number;
}

const DEFAULT_DEADLINE_MS = 10_000;

/**
 * Refuses options that client 6.2.1 accepts but does not honour, or that would undo what the record
 * relies on, each with what to use instead; returns the settings the adapter applies itself.
 */
export function checkConnectionString(connectionString: string): ConnectionSettings {
  const shown = redactConnectionString(connectionString);
  const query = connectionString.includes('?') ? connectionString.slice(connectionString.indexOf('?') + 1) : '';
  let readDeadlineMs = DEFAULT_DEADLINE_MS;
  for (const pair of query.split('&').filter(Boolean)) {
    const [rawKey, rawValue = ''] = pair.split('=');
    const key = rawKey.trim().toLowerCase().replace(/[-_]/g, '');
    const value = decodeURIComponent(rawValue.trim()).toLowerCase();
    const refuse = (why: string) => new InvalidEventError(`EVENTSTORE_CONNECTION_STRING ${shown}: ${rawKey}=${rawValue} ${why}`);
    if (key === 'tlsverifycert' && value === 'false') {
      throw refuse(
        'has no effect in @eventstore/db-client 6.2.1: the server certificate is verified regardless. ' +
          "Trust a private CA with tlsCAFile=<ca.crt>, or run a server for tests in insecure mode with tls=false",
      );
    }
    if (key === 'throwonappendfailure' && value === 'false') {
      throw refuse('would make a refused append look like a success; remove it: coprod needs the server\'s refusals');
    }
    if (key === 'nodepreference' && value !== 'leader') {
      throw refuse(
        'cannot be honoured: coprod appends, and reads what decides its appends, on the leader only (requiresLeader), ' +
          'so every call would be refused by a follower first. Remove it or use nodePreference=leader',
      );
    }
    if (key === 'defaultdeadline') {
      const ms = Number(value);
      if (!Number.isInteger(ms) || ms <= 0) throw refuse('must be a whole number of milliseconds');
      readDeadlineMs = ms;
    }
  }
  return { readDeadlineMs };
}

/** A client of the server the connection string names. */
export function connectToServer(connectionString: string): EventStoreClient {
  try {
    return EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    throw new InvalidEventError(
      `EVENTSTORE_CONNECTION_STRING ${redactConnectionString(connectionString)} is not a valid connection string ` +
        `(${(error as Error).message}); expected for example esdb://localhost:2113?tls=false`,
    );
  }
}
