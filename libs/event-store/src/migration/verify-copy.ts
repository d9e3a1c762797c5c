import { StoredEvent } from '../event-envelope';
import { EventStore } from '../event-store.port';
import { eventHash } from '../integrity';

export interface CopyVerification {
  /** True when the target holds the same events, in the same order, with an intact hash chain. */
  ok: boolean;
  sourceCount: number;
  targetCount: number;
  /** Events compared pairwise before the first difference (or all of them). */
  checked: number;
  sourceHeadHash: string;
  targetHeadHash: string;
  firstDifference?: { position: number; problem: string };
  /** One line for people: what was compared and the verdict. */
  summary: string;
}

/** Compares two stores event by event: counts, order, ids, hashes, and the target's own hash chain. */
export async function verifyCopy(from: EventStore, to: EventStore, options: { batchSize?: number } = {}): Promise<CopyVerification> {
  const batchSize = options.batchSize ?? 1000;
  let after = 0;
  let checked = 0;
  let previousHash = '';
  let sourceHeadHash = '';
  let targetHeadHash = '';
  let firstDifference: CopyVerification['firstDifference'];
  let sourceCount = 0;
  let targetCount = 0;
  for (;;) {
    const [source, target] = await Promise.all([from.readAll({ after, maxCount: batchSize }), to.readAll({ after, maxCount: batchSize })]);
    sourceCount += source.length;
    targetCount += target.length;
    if (source.length > 0) sourceHeadHash = source[source.length - 1].hash;
    if (target.length > 0) targetHeadHash = target[target.length - 1].hash;
    for (let i = 0; i < Math.max(source.length, target.length) && !firstDifference; i += 1) {
      const problem = difference(source[i], target[i], previousHash);
      if (problem) firstDifference = { position: (source[i] ?? target[i]).position, problem };
      else {
        checked += 1;
        previousHash = target[i].hash;
      }
    }
    if (source.length < batchSize && target.length < batchSize) break;
    // Pages stay aligned while positions match; past the first difference only counting remains.
    after = Math.max(source[source.length - 1]?.position ?? 0, target[target.length - 1]?.position ?? 0);
  }
  const ok = !firstDifference && sourceCount === targetCount;
  const summary = ok
    ? `${to.description} matches ${from.description}: ${checked} events, same order, ids and hashes, chain intact (head ${targetHeadHash || 'empty'})`
    : `${to.description} differs from ${from.description}: ${firstDifference ? `at position ${firstDifference.position}, ${firstDifference.problem}` : `${sourceCount} events in the source, ${targetCount} in the target`}`;
  return { ok, sourceCount, targetCount, checked, sourceHeadHash, targetHeadHash, firstDifference, summary };
}

function difference(source: StoredEvent | undefined, target: StoredEvent | undefined, previousHash: string): string | undefined {
  if (!source) return `the target has event ${target!.id} that the source does not`;
  if (!target) return `the target lacks event ${source.id}`;
  if (source.position !== target.position) return `the source has position ${source.position} where the target has ${target.position}`;
  if (source.id !== target.id) return `the source has event ${source.id} where the target has ${target.id}`;
  if (source.hash !== target.hash) return `event ${source.id} hashes to ${source.hash} in the source but ${target.hash} in the target`;
  if (target.prevHash !== previousHash) return `event ${target.id} does not chain to the event before it in the target`;
  if (eventHash(target) !== target.hash) return `event ${target.id} in the target does not match its own hash: its content was changed`;
  return undefined;
}
