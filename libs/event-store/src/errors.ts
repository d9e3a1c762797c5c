import { ExpectedRevision } from './event-store.port';

/** The stream was not in the state the caller expected: someone else wrote first. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or `no_stream`. */
    readonly actual: number | 'no_stream',
  ) {
    super(
      `stream ${stream} was expected to be at ${describe(expected)} but is at ${describe(actual)}; ` +
        're-read the stream and decide again',
    );
  }
}

/** An event id is already stored, but not as part of the same append: ids must be unique. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(
    readonly eventId: string,
    readonly existingStream: string,
  ) {
    super(`event id ${eventId} is already stored in stream ${existingStream}; event ids must be unique`);
  }
}

/** The store rejected an event envelope as malformed. */
export class InvalidEventError extends Error {
  override readonly name: string = 'InvalidEventError';
}

/** The store could not be reached or opened. */
export class EventStoreUnavailableError extends Error {
  override readonly name: string = 'EventStoreUnavailableError';
}

function describe(revision: ExpectedRevision | 'no_stream'): string {
  return typeof revision === 'number' ? `revision ${revision}` : revision.replace('_', ' ');
}

/** One append is larger than the server takes at once (EventStoreDB's MaxAppendSize, 1 MiB by default). */
export class AppendTooLargeError extends InvalidEventError {
  override readonly name = 'AppendTooLargeError';
  constructor(
    readonly stream: string,
    readonly eventCount: number,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(
      `an append of ${eventCount} event(s) to stream ${stream} is ${bytes} bytes, more than the ${limit} bytes the server takes in one ` +
        'append (its MaxAppendSize); append fewer events at a time',
    );
  }
}

/**
 * The record can be read but not written: its chain as the server orders it disagrees with what was
 * sealed or claimed earlier, or it was opened only to be copied.
 */
export class RecordReadOnlyError extends EventStoreUnavailableError {
  override readonly name = 'RecordReadOnlyError';
}
