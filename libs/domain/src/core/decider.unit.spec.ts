import { fold, referencesTo, streamName } from './decider';
import { Event, Recorded } from './event';

describe('what every decider shares', () => {
  it('names the other records a command names, leaving out an optional id not given', () => {
    expect(referencesTo('activity', ['a-1', null, undefined, '', 'a-2'])).toEqual([
      { aggregate: 'activity', id: 'a-1' },
      { aggregate: 'activity', id: 'a-2' },
    ]);
    expect(referencesTo('decision', [])).toEqual([]);
  });

  it('names no record for an id that is not text, whatever slipped past the types', () => {
    expect(referencesTo('participant', [42 as never, { id: 'p-1' } as never, 'p-2'])).toEqual([{ aggregate: 'participant', id: 'p-2' }]);
  });

  it("names a stream by its aggregate's persisted name and the instance's id", () => {
    expect(streamName({ name: 'expense' }, 'x-4')).toBe('expense-x-4');
  });

  it("folds events in the order recorded, from the decider's initial state", () => {
    const tally = { initialState: () => [] as string[], evolve: (state: string[], event: Recorded<Event>) => [...state, event.id] };
    const recorded = (id: string): Recorded<Event> => ({ type: 'Counted', data: {}, id, occurredAt: '2026-03-01', recordedAt: '2026-03-01' });
    expect(fold(tally, [recorded('e-1'), recorded('e-2'), recorded('e-3')])).toEqual(['e-1', 'e-2', 'e-3']);
    expect(fold(tally, [])).toEqual([]);
  });
});
