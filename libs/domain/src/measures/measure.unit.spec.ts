import { command, spec } from '../core/spec';
import { MeasureEvent, ServiceMeasureDefined, ServiceMeasureReadingRecorded } from './measure';
import { MeasureCommand } from './measure.decide';
import { measureDecider } from './measure.decider';

const given = (events: MeasureEvent[]) => spec(measureDecider).given(events);

const defined: ServiceMeasureDefined = {
  type: 'ServiceMeasureDefined',
  data: {
    measureId: 'm-1',
    projectId: 'p1',
    name: 'Community energy enquiries answered within 10 days',
    unit: 'percent',
    baseline: 42,
    baselineOn: '2026-01-01',
    betterWhen: 'higher',
    outcomeId: 'wb-5',
  },
};
const reading: ServiceMeasureReadingRecorded = {
  type: 'ServiceMeasureReadingRecorded',
  data: { measureId: 'm-1', projectId: 'p1', value: 61.5, readingOn: '2026-07-01', note: 'After the guidance note went live' },
};
const read = (value: number, readingOn = '2026-07-01') =>
  command<MeasureCommand>('RecordServiceMeasureReading', { measureId: 'm-1', value, readingOn, note: 'After the guidance note went live' });

describe('service measure', () => {
  it('defines a measure with its baseline, dated at the baseline', () => {
    given([]).when(command<MeasureCommand>('DefineServiceMeasure', defined.data)).then([{ ...defined, occurredAt: '2026-01-01' }]);
  });

  it('refuses defining it twice, without a name, or with a baseline that is not a number', () => {
    given([defined]).when(command<MeasureCommand>('DefineServiceMeasure', defined.data)).thenRefuses('conflict', /m-1 is already defined as "Community energy/);
    given([]).when(command<MeasureCommand>('DefineServiceMeasure', { ...defined.data, name: '' })).thenRefuses('rule', /m-1 needs a name and a unit/);
    given([]).when(command<MeasureCommand>('DefineServiceMeasure', { ...defined.data, baseline: Number.NaN })).thenRefuses('rule', /must be a finite number; got NaN/);
    given([])
      .when(command<MeasureCommand>('DefineServiceMeasure', { ...defined.data, betterWhen: 'more' } as never))
      .thenRefuses('rule', /betterWhen must be "higher" or "lower"; got "more"/);
  });

  it('records a reading, dated when it was taken', () => {
    given([defined]).when(read(61.5)).then([{ ...reading, occurredAt: '2026-07-01' }]);
  });

  it('refuses a reading of a measure that does not exist', () => {
    given([]).when(read(61.5)).thenRefuses('not_found', /service measure m-1 does not exist; define it/);
  });

  it('refuses a reading before the baseline', () => {
    given([defined]).when(read(40, '2025-12-31')).thenRefuses('rule', /reading on 2025-12-31 is before the baseline .* on 2026-01-01/);
  });

  it.each([Number.POSITIVE_INFINITY, Number.NaN])('refuses a reading of %p', (value) => {
    given([defined]).when(read(value)).thenRefuses('rule', /must be a finite number/);
  });

  it('refuses a second reading for the same date and points to correction', () => {
    given([defined, reading]).when(read(70)).thenRefuses('conflict', /on 2026-07-01 is already recorded \(61.5 percent\); correct that event/);
    expect(measureDecider.decide(read(70, '2026-10-01'), given([defined, reading]).state)).toHaveLength(1);
  });
});
