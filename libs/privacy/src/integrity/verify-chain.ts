import { EventStore, eventHash, StoredEvent, EventStoreUnavailableError } from '@coprod/event-store';

/** Where the chain first breaks and what is wrong there. */
export interface ChainBreak {
  /** Position of the first bad event (for an unreadable event: the lowest position it can have). */
  position: number;
  /** Id of the first bad event, or null when the stored event could not even be read. */
  eventId: string | null;
  problem: string;
}

export type ChainVerification =
  | { ok: true; count: number; head: { position: number; hash: string } }
  | { ok: false; count: number; firstBreak: ChainBreak };

export interface VerifyChainOptions {
  /** Inclusive: verify only events up to this global position. */
  upTo?: number;
  /** Events read per page; defaults to 1000. */
  pageSize?: number;
  /**
   * Carry on from a point already verified (its position and hash) instead of the start: each later
   * event must link to it. Revisions of streams first seen after it are taken as they come.
   */
  from?: { position: number; hash: string };
  /** Lets other work run between pages, for a check running inside a serving process. */
  yieldBetweenPages?: boolean;
}

interface Walk {
  count: number;
  previous: { position: number; hash: string } | undefined;
  revisions: Map<string, number>;
  /** Started part way: a stream's first revision seen is not known to follow anything. */
  partial: boolean;
}

/**
 * Re-reads the store from the start, through the port, and checks every event: its content still
 * matches its hash, it links to the hash of the event before it, positions only grow and each
 * stream's revisions run 0, 1, 2... `count` is the number of events that verified.
 */
export async function verifyChain(store: EventStore, options: VerifyChainOptions = {}): Promise<ChainVerification> {
  let pageSize = options.pageSize ?? 1000;
  const from = options.from && options.from.position > 0 ? options.from : undefined;
  const walk: Walk = { count: 0, previous: from, revisions: new Map(), partial: from !== undefined };
  for (;;) {
    const after = walk.previous?.position ?? 0;
    let page: StoredEvent[];
    try {
      page = await store.readAll({ after, upTo: options.upTo, maxCount: pageSize });
    } catch (error) {
      // An unreachable store says nothing about the chain: never report it as damage.
      if (error instanceof EventStoreUnavailableError) throw error;
      // Some event on this page cannot be read: go one at a time to find which.
      if (pageSize > 1) {
        pageSize = 1;
        continue;
      }
      const problem = `the event after position ${after} cannot be read (${(error as Error).message}): its stored form is damaged`;
      return { ok: false, count: walk.count, firstBreak: { position: after + 1, eventId: null, problem } };
    }
    for (const event of page) {
      const problem = findProblem(event, walk);
      if (problem) return { ok: false, count: walk.count, firstBreak: { position: event.position, eventId: event.id, problem } };
      walk.count += 1;
      walk.previous = { position: event.position, hash: event.hash };
      walk.revisions.set(event.stream, event.revision);
    }
    if (page.length < pageSize) break;
    if (options.yieldBetweenPages) await new Promise((resolve) => setImmediate(resolve));
  }
  return { ok: true, count: walk.count, head: walk.previous ?? { position: 0, hash: '' } };
}

function findProblem(event: StoredEvent, walk: Walk): string | undefined {
  const { previous } = walk;
  if (previous && event.position <= previous.position) {
    return `position ${event.position} does not follow position ${previous.position}: global order was rewritten`;
  }
  const { hash, ...content } = event;
  if (eventHash(content) !== hash) return 'content does not match its hash: changed after it was recorded';
  if (!previous && event.prevHash !== '') {
    return 'the first event links to an earlier event that is no longer there: events were removed from the start';
  }
  if (previous && event.prevHash !== previous.hash) {
    return (
      `previous hash does not match event at position ${previous.position}: ` +
      'an event was removed, inserted or reordered'
    );
  }
  const last = walk.revisions.get(event.stream);
  if (last === undefined && walk.partial) return undefined;
  const expected = last === undefined ? 0 : last + 1;
  if (event.revision !== expected) {
    return (
      `revision ${event.revision} of stream ${event.stream} should be ${expected}: ` +
      'an event of this stream was removed, inserted or reordered'
    );
  }
  return undefined;
}
