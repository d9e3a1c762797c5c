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
  override readonly name: string = 'RecordReadOnlyError';
}

/**
 * The disk (or the file's size limit) is full: the write was rolled back whole, nothing of it is
 * stored. Kept apart from other failures so callers can answer 507 and operators know to free space.
 */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(
    readonly file: string,
    override readonly cause?: Error,
  ) {
    super(
      `the disk holding ${file} is full, so nothing of this change was stored; free space on that disk ` +
        '(or move the data folder to a larger one) and send the change again',
    );
  }
}

/** Whether a failure is SQLite's or the system's "no space left" (SQLITE_FULL, ENOSPC, or an I/O error caused by it). */
export function isStorageFull(error: unknown): boolean {
  if (error instanceof StorageFullError) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return true;
  return typeof code === 'string' && code.startsWith('SQLITE_IOERR') && typeof message === 'string' && /disk is full|no space/i.test(message);
}

/** The running service found the integrity chain broken: the record is served read-only, with the break named. */
export class IntegrityFailedError extends RecordReadOnlyError {
  override readonly name = 'IntegrityFailedError';
  constructor(
    readonly position: number,
    readonly problem: string,
  ) {
    super(
      `integrity check failed at position ${position}: ${problem}; nothing is recorded until the record is restored from a backup ` +
        'that verifies (coprod verify) and the service restarted',
    );
  }
}
