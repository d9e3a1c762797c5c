import { Fact, FactFold } from '../core/fact';
import { MeasureEvent } from './measure';

export interface MeasureFact {
  measureId: string;
  name: string;
  unit: string;
  baseline: number;
  baselineOn: string;
  betterWhen: 'higher' | 'lower';
  outcomeId: string | null;
  readings: { value: number; readingOn: string; eventId: string }[];
  eventIds: string[];
}

export interface MeasureFacts {
  measures: Map<string, MeasureFact>;
}

export const measureFacts: FactFold<MeasureEvent, MeasureFacts> = {
  empty: () => ({ measures: new Map() }),
  eventTypes: { ServiceMeasureDefined: true, ServiceMeasureReadingRecorded: true },
  apply(f: MeasureFacts, e: Fact<MeasureEvent>): void {
    switch (e.type) {
      case 'ServiceMeasureDefined': {
        const { measureId, name, unit, baseline, baselineOn, betterWhen, outcomeId } = e.data;
        f.measures.set(measureId, { measureId, name, unit, baseline, baselineOn, betterWhen, outcomeId, readings: [], eventIds: [e.eventId] });
        return;
      }
      case 'ServiceMeasureReadingRecorded': {
        const measure = f.measures.get(e.data.measureId);
        if (!measure) return;
        measure.readings.push({ value: e.data.value, readingOn: e.data.readingOn, eventId: e.eventId });
        measure.eventIds.push(e.eventId);
        return;
      }
      default: {
        const unexpected: never = e;
        void unexpected;
      }
    }
  },
};
