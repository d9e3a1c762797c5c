import { Decider } from '../core/decider';
import { evolveMeasure, initialMeasureState, MeasureEvent, MeasureState } from './measure';
import { decideMeasure, MeasureCommand } from './measure.decide';

/** A project-specific service measure (outcome 5): its baseline and later readings. */
export const measureDecider: Decider<MeasureCommand, MeasureEvent, MeasureState> = {
  name: 'measure',
  commandTypes: ['DefineServiceMeasure', 'RecordServiceMeasureReading'],
  initialState: initialMeasureState,
  decide: decideMeasure,
  evolve: evolveMeasure,
  streamIdOf: (command) => command.data.measureId,
};
