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
  override readonly name = 'InvalidEventError';
}

/** The store could not be reached or opened. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
}

function describe(revision: ExpectedRevision | 'no_stream'): string {
  return typeof revision === 'number' ? `revision ${revision}` : revision.replace('_', ' ');
}
