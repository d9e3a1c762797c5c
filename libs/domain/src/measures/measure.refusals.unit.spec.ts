import { command, spec } from '../core/spec';
import { streamName } from '../core/decider';
import { MeasureEvent, ServiceMeasureDefined } from './measure';
import { DefineServiceMeasure, MeasureCommand } from './measure.decide';
import { measureDecider } from './measure.decider';

const given = (events: MeasureEvent[]) => spec(measureDecider).given(events);

const definition: DefineServiceMeasure['data'] = {
  measureId: 'm-2',
  projectId: 'p1',
  name: 'Days from referral to first contact',
  unit: 'days',
  baseline: 21,
  baselineOn: '2026-01-01',
  betterWhen: 'lower',
  outcomeId: null,
};
const defined: ServiceMeasureDefined = { type: 'ServiceMeasureDefined', data: definition };
const define = (data: Partial<DefineServiceMeasure['data']> = {}) => command<MeasureCommand>('DefineServiceMeasure', { ...definition, ...data });
const read = (value: number, readingOn: string) =>
  command<MeasureCommand>('RecordServiceMeasureReading', { measureId: 'm-2', value, readingOn, note: null });

describe('service measure: what is refused, with the code clients see', () => {
  it('defines a measure where lower is better, as readily as one where higher is', () => {
    given([])
      .when(define())
      .then([{ ...defined, occurredAt: '2026-01-01' }]);
    given([])
      .when(define({ betterWhen: 'higher' }))
      .then([{ type: 'ServiceMeasureDefined', data: { ...definition, betterWhen: 'higher' }, occurredAt: '2026-01-01' }]);
  });

  it('refuses a second definition, naming the measure already defined', () => {
    given([defined])
      .when(define())
      .thenRefuses(
        'conflict',
        'service measure m-2 is already defined as "Days from referral to first contact"; correct that event to change it',
        'measure.already_defined',
      );
  });

  it.each([
    ['a blank name', { name: '   ' }],
    ['an empty name', { name: '' }],
    ['a blank unit', { unit: ' ' }],
    ['an empty unit', { unit: '' }],
  ])('refuses %s', (_, data) => {
    given([])
      .when(define(data))
      .thenRefuses('rule', 'service measure m-2 needs a name and a unit, e.g. "days to first contact" in "days"', 'measure.name_missing');
  });

  it('refuses a baseline that is not a finite number', () => {
    given([])
      .when(define({ baseline: Number.POSITIVE_INFINITY }))
      .thenRefuses('rule', 'the baseline of service measure m-2 must be a finite number; got Infinity', 'measure.baseline_not_a_number');
  });

  it('refuses a direction that is neither higher nor lower', () => {
    given([])
      .when(define({ betterWhen: 'sideways' } as never))
      .thenRefuses('rule', 'betterWhen must be "higher" or "lower"; got "sideways"', 'measure.better_when_unknown');
  });

  it('refuses a baseline date that is not a date', () => {
    given([])
      .when(define({ baselineOn: '2026-02-30' }))
      .thenRefuses('rule', /baselineOn "2026-02-30" is not a real calendar date/, 'value.not_a_date');
  });

  it('refuses a reading of a measure never defined', () => {
    given([])
      .when(read(14, '2026-03-01'))
      .thenRefuses('not_found', 'service measure m-2 does not exist; define it with its baseline first', 'measure.not_found');
  });

  it('refuses a reading that is not a finite number', () => {
    given([defined])
      .when(read(Number.NaN, '2026-03-01'))
      .thenRefuses('rule', 'a reading of service measure m-2 must be a finite number; got NaN', 'measure.value_not_a_number');
  });

  it('refuses a reading date that is not a date', () => {
    given([defined])
      .when(read(14, 'March'))
      .thenRefuses('rule', /readingOn "March" is not a real calendar date/, 'value.not_a_date');
  });

  it('takes a reading on the baseline day itself, and refuses one the day before', () => {
    given([defined])
      .when(read(20, '2026-01-01'))
      .then([
        {
          type: 'ServiceMeasureReadingRecorded',
          data: { measureId: 'm-2', value: 20, readingOn: '2026-01-01', note: null, projectId: 'p1' },
          occurredAt: '2026-01-01',
        },
      ]);
    given([defined])
      .when(read(20, '2025-12-31'))
      .thenRefuses(
        'rule',
        'a reading on 2025-12-31 is before the baseline of Days from referral to first contact on 2026-01-01; readings are compared against the baseline, so they come after it',
        'measure.reading_before_baseline',
      );
  });

  it('refuses a second reading on the same day, even given as a date-time', () => {
    const first = {
      type: 'ServiceMeasureReadingRecorded' as const,
      data: { measureId: 'm-2', projectId: 'p1', value: 14, readingOn: '2026-03-01', note: null },
    };
    given([defined, first])
      .when(read(12, '2026-03-01T15:30:00Z'))
      .thenRefuses(
        'conflict',
        'a reading of Days from referral to first contact on 2026-03-01 is already recorded (14 days); correct that event instead',
        'measure.reading_already_recorded',
      );
  });

  it('keeps each measure in its own stream, named measure-<id>', () => {
    expect(streamName(measureDecider, measureDecider.streamIdOf(define()))).toBe('measure-m-2');
  });
});
