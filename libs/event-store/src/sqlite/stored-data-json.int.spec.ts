import { anEvent } from '../contract/event-store.contract';
import { dataJsonOf, SqliteEventStore } from './sqlite-event-store';

describe('dataJsonOf', () => {
  let store: SqliteEventStore;

  beforeEach(async () => {
    store = new SqliteEventStore({ file: ':memory:' });
    await store.append('activity-a-1', [anEvent({ data: { activityId: 'a-1', note: 'Bws i Gaerdydd', minutes: 90 } })], { expectedRevision: 'no_stream' });
  });

  afterEach(() => store.close());

  it('gives the data of a stored event as JSON equal to the data read', async () => {
    const [event] = await store.readAll();
    expect(JSON.parse(dataJsonOf(event))).toEqual(event.data);
    expect(dataJsonOf(event)).toBe(JSON.stringify(event.data));
  });

  it('never gives stale text for a copy whose data was changed', async () => {
    const [event] = await store.readAll();
    const amended = { ...event, data: { ...event.data, minutes: 60 } };
    expect(JSON.parse(dataJsonOf(amended))).toEqual({ activityId: 'a-1', note: 'Bws i Gaerdydd', minutes: 60 });
  });
});
