import { EVENT_TYPE, RegexFilter, STREAM_NAME } from '@eventstore/db-client';
import { matchesFilter, serverFilter } from './esdb-filter';

describe('server-side filters', () => {
  it('match event types exactly, not by prefix', () => {
    const filter = serverFilter({ types: ['ExpensePaid', 'Quote.Captured'] }) as RegexFilter;
    expect(filter.filterOn).toBe(EVENT_TYPE);
    const regex = new RegExp(filter.regex);
    expect(regex.test('ExpensePaid')).toBe(true);
    expect(regex.test('Quote.Captured')).toBe(true);
    expect(regex.test('ExpensePaidReversed')).toBe(false);
    expect(regex.test('QuoteXCaptured')).toBe(false);
  });

  it('filter on stream name prefixes when no types are given', () => {
    expect(serverFilter({ streamPrefixes: ['expense-'] })).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['expense-'] });
  });

  it('exclude system events when nothing else is asked', () => {
    const filter = serverFilter({}) as RegexFilter;
    expect(filter.filterOn).toBe(EVENT_TYPE);
    expect(new RegExp(filter.regex).test('$metadata')).toBe(false);
    expect(new RegExp(filter.regex).test('AttendanceRecorded')).toBe(true);
  });

  it('leave the stream prefix to the client when both are given', () => {
    const both = { types: ['ExpensePaid'], streamPrefixes: ['expense-'] };
    expect(matchesFilter({ type: 'ExpensePaid', stream: 'expense-e1' }, both)).toBe(true);
    expect(matchesFilter({ type: 'ExpensePaid', stream: 'grant-g1' }, both)).toBe(false);
    expect(matchesFilter({ type: 'ExpenseClaimed', stream: 'expense-e1' }, both)).toBe(false);
  });
});
