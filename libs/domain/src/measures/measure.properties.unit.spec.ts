import fc from 'fast-check';
import { checkInvariants, correctionsStayFinal, eventRef, ids, invariant, isBlank, mostly, reason, request, StreamView } from '../core/properties';
import { MeasureEvent, ServiceMeasureDefined } from './measure';
import { measureDecider } from './measure.decider';

const measureId = ids('m-1', 'm-2');
const number = mostly([42, 61.5, 0, -3], [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
const text = (valid: string) => mostly([valid], ['', ' ']);
const note = fc.constantFrom(null, 'After the guidance note went live', '');

const define = request(
  'DefineServiceMeasure',
  fc.record({
    measureId,
    projectId: fc.constant('p1'),
    name: text('Enquiries answered within 10 days'),
    unit: text('percent'),
    baseline: number,
    baselineOn: fc.constantFrom('2026-01-01', '2026-04-01'),
    betterWhen: mostly(['higher', 'lower'], ['sideways']),
    outcomeId: fc.constantFrom(null, 'wb-5'),
  }),
);
const correcting = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.record({ measureId, eventId: eventRef, reason, ...fields }, { requiredKeys: ['measureId', 'eventId', 'reason'] });

const requests = fc.oneof(
  { weight: 1, arbitrary: define },
  {
    weight: 5,
    arbitrary: request(
      'RecordServiceMeasureReading',
      fc.record({ measureId, value: number, readingOn: mostly(['2026-03-01', '2026-07-01', '2026-07-01T09:00:00Z', '2025-12-31'], ['', 'July']), note }),
    ),
  },
  { weight: 1, arbitrary: request('AmendServiceMeasure', correcting({ name: text('Enquiries answered in 10 days'), unit: text('%'), baseline: number })) },
  { weight: 3, arbitrary: request('AmendServiceMeasureReading', correcting({ value: number, note })) },
  { weight: 2, arbitrary: request('VoidServiceMeasureReading', correcting({})) },
);

/** The calendar day a reading is for, as written: "2026-07-01" and "2026-07-01T09:00:00Z" are the same day. */
const dayOf = (readingOn: string) => readingOn.slice(0, 10);

/** Walks the measure: defined once with a finite baseline, then finite readings, one per date, none before the baseline. */
function measureInvariants({ id, raw, read }: StreamView<MeasureEvent>): void {
  let measure: ServiceMeasureDefined['data'] | undefined;
  const days = new Set<string>();
  for (const event of read) {
    invariant((measure === undefined) === (event.type === 'ServiceMeasureDefined'), `measure ${id}: ${event.type} ${event.id} ${measure ? 'after it was defined' : 'before it was defined'}`);
    if (event.type === 'ServiceMeasureDefined') {
      invariant(!isBlank(event.data.name) && !isBlank(event.data.unit), `measure ${id} has no name or unit`);
      invariant(Number.isFinite(event.data.baseline), `measure ${id} has baseline ${event.data.baseline}`);
      invariant(event.data.betterWhen === 'higher' || event.data.betterWhen === 'lower', `measure ${id} is better when "${event.data.betterWhen}"`);
      measure = event.data;
      continue;
    }
    const { value, readingOn } = event.data;
    invariant(typeof value === 'number' && Number.isFinite(value), `measure ${id} has a reading of ${value} on ${readingOn}`);
    invariant(!days.has(dayOf(readingOn)), `measure ${id} has two readings on ${dayOf(readingOn)}`);
    invariant(!(Date.parse(readingOn) < Date.parse(measure!.baselineOn)), `measure ${id} has a reading on ${readingOn}, before its baseline on ${measure!.baselineOn}`);
    days.add(dayOf(readingOn));
  }
  correctionsStayFinal(raw);
}

describe('service measure properties', () => {
  it('keeps readings finite, one per date, none before the baseline', () => {
    checkInvariants(measureDecider, { opening: define, requests }, measureInvariants);
  });
});
