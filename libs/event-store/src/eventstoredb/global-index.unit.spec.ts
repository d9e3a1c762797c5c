import { anEvent } from '../contract/event-store.contract';
import { StoredEvent } from '../event-envelope';
import { sealEvent } from '../integrity';
import { ForeignWriterError } from './foreign-writer-error';
import { GlobalIndex } from './global-index';

function chain(specs: { stream: string; type?: string }[]): StoredEvent[] {
  const revisions = new Map<string, number>();
  let prevHash = '';
  return specs.map((spec, i) => {
    const revision = (revisions.get(spec.stream) ?? -1) + 1;
    revisions.set(spec.stream, revision);
    const event = sealEvent(anEvent({ type: spec.type ?? 'AttendanceRecorded' }), {
      stream: spec.stream,
      revision,
      position: i + 1,
      recordedAt: '2026-03-02T10:00:00.000Z',
      prevHash,
    });
    prevHash = event.hash;
    return event;
  });
}

const at = (n: number) => ({ commit: BigInt(n * 100), prepare: BigInt(n * 100) });

describe('GlobalIndex', () => {
  const events = chain([
    { stream: 'quote-q1', type: 'QuoteCaptured' },
    { stream: 'expense-e1', type: 'ExpenseClaimed' },
    { stream: 'expense-e1', type: 'ExpensePaid' },
    { stream: 'quote-q1', type: 'QuoteConsentWithdrawn' },
  ]);

  function filled(): GlobalIndex {
    const index = new GlobalIndex('test store');
    events.forEach((e, i) => index.add(e, at(i + 1)));
    return index;
  }

  it('knows the head, its hash, each stream revision and each event id', () => {
    const index = filled();
    expect(index.head).toBe(4);
    expect(index.headHash).toBe(events[3].hash);
    expect(index.streamRevision('expense-e1')).toBe(1);
    expect(index.streamRevision('decision-d9')).toBe('no_stream');
    expect(index.byId(events[2].id)).toMatchObject({ position: 3, stream: 'expense-e1', revision: 1, storePosition: at(3) });
    expect(index.scannedTo).toEqual(at(4));
  });

  it('selects a page after a position, up to a position, by type and by stream prefix', () => {
    const index = filled();
    expect(index.select({ after: 1, maxCount: 2 }).map((e) => e.position)).toEqual([2, 3]);
    expect(index.select({ upTo: 2 }).map((e) => e.position)).toEqual([1, 2]);
    expect(index.select({ types: ['ExpensePaid', 'QuoteCaptured'] }).map((e) => e.position)).toEqual([1, 3]);
    expect(index.select({ streamPrefixes: ['quote-'] }).map((e) => e.position)).toEqual([1, 4]);
    expect(index.select({ after: 4 })).toEqual([]);
  });

  it('refuses an event that does not continue the chain: a second writer sealed the same position', () => {
    const index = new GlobalIndex('EventStoreDB at esdb://db:2113');
    index.add(events[0], at(1));
    const rival = sealEvent(anEvent(), { stream: 'activity-x', revision: 0, position: 1, recordedAt: '2026-03-02T10:00:00.000Z', prevHash: '' });
    expect(() => index.add(rival, at(2))).toThrow(ForeignWriterError);
    expect(() => index.add(events[2], at(3))).toThrow(/claims global position 3 but the record continues at 2/);
    expect(index.head).toBe(1);
  });

  it('remembers how far $all was scanned, past events that are not ours', () => {
    const index = filled();
    index.markScanned(at(9));
    expect(index.scannedTo).toEqual(at(9));
    expect(index.head).toBe(4);
  });
});
