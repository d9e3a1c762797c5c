import { daysAfter, instant } from './demo-clock';
import { DemoActor } from './demo-step';
import { Timeline } from './timeline';

/** A project's own measure of the improvement it seeks, with its baseline and later readings. */
export interface DemoMeasure {
  id: string;
  projectId: string;
  name: string;
  unit: string;
  baseline: number;
  baselineOn: string;
  betterWhen: 'higher' | 'lower';
  outcomeId: string | null;
  /** When the lead defined it, `YYYY-MM-DD HH:MM`. */
  defined: string;
  /** Each reading is imported from the service's figures the morning after its date. */
  readings: { on: string; value: number; note: string | null }[];
}

export function recordMeasure(timeline: Timeline, lead: DemoActor, measure: DemoMeasure): void {
  timeline.from(instant(measure.defined), lead).record('DefineServiceMeasure', {
    measureId: measure.id,
    projectId: measure.projectId,
    name: measure.name,
    unit: measure.unit,
    baseline: measure.baseline,
    baselineOn: instant(measure.baselineOn),
    betterWhen: measure.betterWhen,
    outcomeId: measure.outcomeId,
  });
  for (const reading of measure.readings) {
    const readingOn = instant(reading.on);
    timeline.from(daysAfter(instant(`${reading.on} 07:30`), 1), lead, 'import').record('RecordServiceMeasureReading', {
      measureId: measure.id,
      value: reading.value,
      readingOn,
      note: reading.note,
    });
  }
}
