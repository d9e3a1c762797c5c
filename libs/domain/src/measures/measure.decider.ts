import { Decider, referencesTo } from '../core/decider';
import { evolveMeasure, initialMeasureState, MeasureEvent, MeasureState } from './measure';
import { decideMeasure, MeasureCommand, MeasureCorrection } from './measure.decide';
import { CorrectionsOf } from '../corrections/correctable';

const corrections: CorrectionsOf<MeasureCorrection['type'], MeasureEvent['type'], MeasureCommand['type']> = {
  rules: {
    AmendServiceMeasure: { corrects: 'ServiceMeasureDefined', kind: 'amend', fields: ['name', 'unit', 'baseline'] },
    AmendServiceMeasureReading: { corrects: 'ServiceMeasureReadingRecorded', kind: 'amend', fields: ['value', 'note'] },
    VoidServiceMeasureReading: { corrects: 'ServiceMeasureReadingRecorded', kind: 'void' },
  },
  recordedBy: {
    ServiceMeasureDefined: 'DefineServiceMeasure',
    ServiceMeasureReadingRecorded: 'RecordServiceMeasureReading',
  },
};

/** A project-specific service measure (outcome 5): its baseline and later readings. */
export const measureDecider: Decider<MeasureCommand, MeasureEvent, MeasureState> = {
  name: 'measure',
  commandTypes: ['DefineServiceMeasure', 'RecordServiceMeasureReading'],
  initialState: initialMeasureState,
  decide: decideMeasure,
  evolve: evolveMeasure,
  streamIdOf: (command) => command.data.measureId,
  references: { DefineServiceMeasure: (data) => referencesTo('project', [data.projectId]) },
  corrections,
};
