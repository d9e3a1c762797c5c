import { Event } from '../core/event';

/** A project's own number for outcome 5, with the baseline later readings are compared against. */
export type ServiceMeasureDefined = Event<
  'ServiceMeasureDefined',
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
export type ServiceMeasureReadingRecorded = Event<
  'ServiceMeasureReadingRecorded',
  { measureId: string; projectId: string; value: number; readingOn: string; note: string | null }
>;

export type MeasureEvent = ServiceMeasureDefined | ServiceMeasureReadingRecorded;

export type MeasureState =
  | { status: 'not_defined' }
  | {
      status: 'defined';
      measureId: string;
      projectId: string;
      name: string;
      unit: string;
      baselineOn: string;
      /** day of the reading (YYYY-MM-DD) -> value, one reading per day */
      readings: Record<string, number>;
    };

export const initialMeasureState = (): MeasureState => ({ status: 'not_defined' });

export function evolveMeasure(state: MeasureState, event: MeasureEvent): MeasureState {
  switch (event.type) {
    case 'ServiceMeasureDefined': {
      const { measureId, projectId, name, unit, baselineOn } = event.data;
      return { status: 'defined', measureId, projectId, name, unit, baselineOn, readings: {} };
    }
    case 'ServiceMeasureReadingRecorded':
      if (state.status === 'not_defined') return state;
      return { ...state, readings: { ...state.readings, [event.data.readingOn.slice(0, 10)]: event.data.value } };
    default: {
      // Events this aggregate does not know (a correction sharing the stream) leave it unchanged.
      const ignored: never = event;
      void ignored;
      return state;
    }
  }
}
