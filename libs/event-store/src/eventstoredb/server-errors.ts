import { ErrorType, isCommandError } from '@eventstore/db-client';

function typeOf(error: unknown): string | undefined {
  return error instanceof Error && isCommandError(error) ? error.type : undefined;
}

/** The server refused an append: the stream is not at the expected revision. */
export function isWrongExpectedVersion(error: unknown): boolean {
  return typeOf(error) === ErrorType.WRONG_EXPECTED_VERSION;
}

/** The node is not the leader; the client has switched to the leader it named for the next call. */
export function isNotLeader(error: unknown): boolean {
  return typeOf(error) === ErrorType.NOT_LEADER;
}

export function isStreamNotFound(error: unknown): boolean {
  return typeOf(error) === ErrorType.STREAM_NOT_FOUND;
}

export function isMaxAppendSizeExceeded(error: unknown): boolean {
  return typeOf(error) === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED;
}

const AMBIGUOUS = new Set<string>([
  ErrorType.TIMEOUT,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.UNAVAILABLE,
  ErrorType.CANCELLED,
  ErrorType.UNKNOWN,
  ErrorType.NOT_LEADER,
]);

/**
 * An append failed in a way that says nothing about whether it was written: a timeout (the server's
 * commit, prepare or forward timeout, which may still commit), a dropped call, an unknown error. A
 * NotLeader refusal wrote nothing, but is resolved the same way. Errors that are not the client's
 * (a bug, a closed client) are not: they propagate.
 */
export function isAmbiguous(error: unknown): boolean {
  const type = typeOf(error);
  return type !== undefined && AMBIGUOUS.has(type);
}
