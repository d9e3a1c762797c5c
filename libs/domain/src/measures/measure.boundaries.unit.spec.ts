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
    name: 'Days to first contact',
    unit: 'days',
    baseline: 21,
    baselineOn: '2026-01-01',
    betterWhen: 'lower',
    outcomeId: null,
  },
};
const reading = (value: number, readingOn: string): ServiceMeasureReadingRecorded => ({
  type: 'ServiceMeasureReadingRecorded',
  data: { measureId: 'm-1', projectId: 'p1', value, readingOn, note: null },
});

describe('service measure: the records named and the state kept', () => {
  // The command handler refuses a definition filed under a project that does not exist.
  it('names the project a measure is defined for, to be checked before it is defined', () => {
    expect(measureDecider.references!.DefineServiceMeasure!(defined.data)).toEqual([{ aggregate: 'project', id: 'p1' }]);
  });

  it('is not defined until its definition is recorded', () => {
    expect(given([]).state).toEqual({ status: 'not_defined' });
  });

  it('keeps what a definition says, with no reading yet', () => {
    expect(given([defined]).state).toEqual({
      status: 'defined',
      measureId: 'm-1',
      projectId: 'p1',
      name: 'Days to first contact',
      unit: 'days',
      baselineOn: '2026-01-01',
      readings: {},
    });
  });

  it('keeps one reading a day, a date-time read as its day', () => {
    expect(given([defined, reading(14, '2026-04-01'), reading(9, '2026-07-01T09:30:00.000Z')]).state).toMatchObject({
      status: 'defined',
      readings: { '2026-04-01': 14, '2026-07-01': 9 },
    });
  });

  it('leaves a measure never defined as it was when a stray reading is folded, so a reading of it is still refused', () => {
    const stray = given([reading(14, '2026-04-01')]);
    expect(stray.state).toEqual({ status: 'not_defined' });
    stray
      .when(command<MeasureCommand>('RecordServiceMeasureReading', { measureId: 'm-1', value: 12, readingOn: '2026-05-01', note: null }))
      .thenRefuses('not_found', 'service measure m-1 does not exist; define it with its baseline first', 'measure.not_found');
  });
});
