import { Command } from '../core/event';
import { CorrectionCommand } from '../corrections/correctable';
import { conflict, notFound, requireCalendarDate, ruleBroken } from '../core/errors';
import { MeasureEvent, MeasureState } from './measure';

export type DefineServiceMeasure = Command<
  'DefineServiceMeasure',
  {
    measureId: string;
    projectId: string;
    name: string;
    unit: string;
    baseline: number;
    baselineOn: string;
    betterWhen: 'higher' | 'lower';
    outcomeId: string | null;
  }
>;
export type RecordServiceMeasureReading = Command<
  'RecordServiceMeasureReading',
  { measureId: string; value: number; readingOn: string; note: string | null }
>;

export type MeasureCommand = DefineServiceMeasure | RecordServiceMeasureReading;

type Correcting<Type extends string, Fields extends object = object> = CorrectionCommand<Type, { measureId: string }, Fields>;
export type AmendServiceMeasure = Correcting<'AmendServiceMeasure', Pick<DefineServiceMeasure['data'], 'name' | 'unit' | 'baseline'>>;
export type AmendServiceMeasureReading = Correcting<'AmendServiceMeasureReading', Pick<RecordServiceMeasureReading['data'], 'value' | 'note'>>;
export type VoidServiceMeasureReading = Correcting<'VoidServiceMeasureReading'>;
export type MeasureCorrection = AmendServiceMeasure | AmendServiceMeasureReading | VoidServiceMeasureReading;

export function decideMeasure(command: MeasureCommand, state: MeasureState): MeasureEvent[] {
  switch (command.type) {
    case 'DefineServiceMeasure':
      return define(command, state);
    case 'RecordServiceMeasureReading':
      return recordReading(command, state);
    default: {
      const unexpected: never = command;
      throw new Error(`unknown measure command ${(unexpected as Command).type}`);
    }
  }
}

function define(command: DefineServiceMeasure, state: MeasureState): MeasureEvent[] {
  const { measureId, baseline, betterWhen } = command.data;
  if (state.status !== 'not_defined') {
    throw conflict('measure.already_defined', `service measure ${measureId} is already defined as "${state.name}"; correct that event to change it`);
  }
  if (command.data.name.trim() === '' || command.data.unit.trim() === '') {
    throw ruleBroken('measure.name_missing', `service measure ${measureId} needs a name and a unit, e.g. "days to first contact" in "days"`);
  }
  if (!Number.isFinite(baseline)) {
    throw ruleBroken('measure.baseline_not_a_number', `the baseline of service measure ${measureId} must be a finite number; got ${baseline}`);
  }
  if (betterWhen !== 'higher' && betterWhen !== 'lower') {
    throw ruleBroken('measure.better_when_unknown', `betterWhen must be "higher" or "lower"; got "${betterWhen}"`);
  }
  requireCalendarDate(command.data.baselineOn, 'baselineOn');
  // The baseline is a fact about the world on baselineOn, so reports "as of" then already show it.
  return [{ type: 'ServiceMeasureDefined', data: { ...command.data }, occurredAt: command.data.baselineOn }];
}

function recordReading(command: RecordServiceMeasureReading, state: MeasureState): MeasureEvent[] {
  const { measureId, value, readingOn } = command.data;
  if (state.status === 'not_defined') {
    throw notFound('measure.not_found', `service measure ${measureId} does not exist; define it with its baseline first`);
  }
  if (!Number.isFinite(value)) {
    throw ruleBroken('measure.value_not_a_number', `a reading of service measure ${measureId} must be a finite number; got ${value}`);
  }
  requireCalendarDate(readingOn, 'readingOn');
  if (Date.parse(readingOn) < Date.parse(state.baselineOn)) {
    throw ruleBroken(
      'measure.reading_before_baseline',
      `a reading on ${readingOn} is before the baseline of ${state.name} on ${state.baselineOn}; readings are compared against the baseline, so they come after it`,
    );
  }
  // One reading a day: a date and a date-time on the same day are the same reading.
  const day = readingOn.slice(0, 10);
  if (Object.hasOwn(state.readings, day)) {
    throw conflict(
      'measure.reading_already_recorded',
      `a reading of ${state.name} on ${day} is already recorded (${state.readings[day]} ${state.unit}); correct that event instead`,
    );
  }
  return [
    {
      type: 'ServiceMeasureReadingRecorded',
      data: { ...command.data, projectId: state.projectId },
      occurredAt: readingOn,
    },
  ];
}
