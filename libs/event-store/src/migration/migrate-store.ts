import { EventToAppend, StoredEvent } from '../event-envelope';
import { EventStore } from '../event-store.port';
import { AppendTooLargeError, WrongExpectedRevisionError } from '../errors';
import { MigrationRefusedError } from './migration-errors';

export interface MigrationProgress {
  /** Last global position now in the target. */
  position: number;
  /** The source's head when the run started. */
  total: number;
  /** Events copied by this run so far. */
  copied: number;
}

export interface MigrateOptions {
  /** Events read from the source per batch (default 500). Runs of one stream too large for one append are split. */
  batchSize?: number;
  /** Called after each batch is copied and checked; throwing stops the run, which a later run resumes. */
  onProgress?: (progress: MigrationProgress) => void | Promise<void>;
}

export interface MigrationResult {
  /** The target's head before this run: the events already copied by an earlier run. */
  resumedAfter: number;
  copied: number;
  /** The target's head after this run. */
  head: number;
}

/**
 * Copies every event from one store to another in global order, keeping ids, both clocks, streams,
 * revisions and integrity hashes. The target recomputes each hash from the same content and position;
 * a copy whose hash differs stops the run. A run resumes after the target's head, once it has checked
 * that the target holds exactly the source's first events. Only the port is used, so it works either way.
 */
export async function migrateStore(from: EventStore, to: EventStore, options: MigrateOptions = {}): Promise<MigrationResult> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a whole number of at least 1, got ${batchSize}`);
  const total = await from.headPosition();
  const resumedAfter = await to.headPosition();
  await checkTargetIsPrefix(from, to, resumedAfter, batchSize);
  let after = resumedAfter;
  let copied = 0;
  for (;;) {
    const batch = await from.readAll({ after, maxCount: batchSize });
    if (batch.length === 0) break;
    checkDense(batch, after);
    for (const run of runsByStream(batch)) await appendRun(to, run);
    const written = await to.readAll({ after, maxCount: batch.length });
    batch.forEach((source, i) => compareCopy(source, written[i], from, to));
    after = batch[batch.length - 1].position;
    copied += batch.length;
    await options.onProgress?.({ position: after, total, copied });
  }
  return { resumedAfter, copied, head: after };
}

async function checkTargetIsPrefix(from: EventStore, to: EventStore, targetHead: number, batchSize: number): Promise<void> {
  let after = 0;
  while (after < targetHead) {
    const target = await to.readAll({ after, upTo: targetHead, maxCount: batchSize });
    if (target.length === 0) break;
    const source = await from.readAll({ after, maxCount: target.length });
    target.forEach((event, i) => {
      const original = source[i];
      if (!original || original.position !== event.position || original.id !== event.id || original.hash !== event.hash) {
        throw new MigrationRefusedError(
          `${to.description} already holds event ${event.id} at position ${event.position}, which is not ` +
            `${original ? `the source's event ${original.id} there` : 'in the source at all'}; ` +
            'a copy can only resume into a target holding the start of the same record. Use an empty target.',
          event.position,
        );
      }
    });
    after = target[target.length - 1].position;
  }
}

/** The target numbers events 1, 2, 3, ...: a gap in the source could only be copied with different hashes. */
function checkDense(batch: StoredEvent[], after: number): void {
  batch.forEach((event, i) => {
    const expected = after + i + 1;
    if (event.position !== expected) {
      throw new MigrationRefusedError(
        `the source's event ${event.id} has global position ${event.position} where ${expected} was due: the source ` +
          'has a gap in its positions, so its hashes cannot be reproduced; the copy stopped before it. Run verify on the source.',
        event.position,
      );
    }
  });
}

function runsByStream(batch: StoredEvent[]): StoredEvent[][] {
  const runs: StoredEvent[][] = [];
  for (const event of batch) {
    const last = runs[runs.length - 1];
    if (last && last[0].stream === event.stream) last.push(event);
    else runs.push([event]);
  }
  return runs;
}

/**
 * Appends a run of one stream's events, halving it while the target refuses it as too large for one
 * append (EventStoreDB takes 1 MiB at a time). A run split this way is not atomic, which a copy does
 * not need: an interrupted run resumes after the target's head like any other.
 */
async function appendRun(to: EventStore, run: StoredEvent[]): Promise<void> {
  try {
    await appendWhole(to, run);
  } catch (error) {
    if (!(error instanceof AppendTooLargeError)) throw error;
    if (run.length === 1) {
      throw new MigrationRefusedError(
        `event ${run[0].id} at position ${run[0].position} is ${error.bytes} bytes on its own, more than the ${error.limit} bytes ` +
          `${to.description} takes in one append; it cannot be copied there (raise the server's MaxAppendSize to copy it)`,
        run[0].position,
      );
    }
    const half = Math.ceil(run.length / 2);
    await appendRun(to, run.slice(0, half));
    await appendRun(to, run.slice(half));
  }
}

async function appendWhole(to: EventStore, run: StoredEvent[]): Promise<void> {
  const first = run[0];
  const result = await to
    .append(first.stream, run.map(asAppended), { expectedRevision: first.revision === 0 ? 'no_stream' : first.revision - 1 })
    .catch((error: Error) => {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      throw new MigrationRefusedError(
        `event ${first.id} at position ${first.position} is revision ${first.revision} of stream ${first.stream}, ` +
          `but the copy of that stream is at ${error.actual === 'no_stream' ? 'no stream' : `revision ${error.actual}`}: ` +
          'the source stream has a gap; the copy stopped here. Run verify on the source.',
        first.position,
      );
    });
  if (result.duplicate) {
    throw new MigrationRefusedError(
      `${to.description} already holds event ${first.id} of stream ${first.stream} outside the copied range; ` +
        'the target must hold nothing but the start of the same record',
      first.position,
    );
  }
}

function asAppended(event: StoredEvent): EventToAppend {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    occurredAt: event.occurredAt,
    actor: event.actor,
    source: event.source,
    correlationId: event.correlationId,
    causationId: event.causationId,
    recordedAt: event.recordedAt,
  };
}

function compareCopy(source: StoredEvent, copy: StoredEvent | undefined, from: EventStore, to: EventStore): void {
  if (copy && copy.id === source.id && copy.position === source.position && copy.hash === source.hash) return;
  const found = copy ? `event ${copy.id} at position ${copy.position} with hash ${copy.hash}` : 'nothing';
  throw new MigrationRefusedError(
    `copy of event ${source.id} (position ${source.position}, hash ${source.hash}) from ${from.description} ` +
      `came out as ${found} in ${to.description}; the copy stopped here. Run verify on the source: ` +
      'a gap in its positions or an edited event makes an exact copy impossible.',
    source.position,
  );
}
