/** Who records a step: an officer signed in with one of the product's access roles. */
export interface DemoActor {
  id: string;
  role: string;
}

/** Where a step was recorded from, as the envelope's `source`. */
export type DemoSource = 'api' | 'paper' | 'cli' | 'import';

/**
 * One command of the demo record, in the order it is recorded. `at` is when it is recorded (the
 * command's `now`); when the fact itself happened travels in the data (`heldOn`, `decidedOn`, ...).
 */
export interface DemoStep {
  type: string;
  data: Record<string, unknown>;
  actor: DemoActor;
  source: DemoSource;
  /** ISO 8601 instant at which the step is recorded. */
  at: string;
  /** Names this step so that a later correction can point at the event it recorded. */
  key?: string;
  /**
   * Set on `CorrectEvent` steps only: the key of the earlier step whose (first and only) event is
   * corrected. Event ids are derived when the record is run, so `data.eventId` is absent until
   * {@link resolveCorrectionTargets} fills it in.
   */
  correctsStepKey?: string;
}

/**
 * Fills in `data.eventId` of every correction step from the step it names. `eventIdOfStep` returns
 * the id of the first event the step at that index records, e.g. `eventIdFor(\`demo-${index}\`, 0)`.
 */
export function resolveCorrectionTargets(steps: readonly DemoStep[], eventIdOfStep: (stepIndex: number) => string): DemoStep[] {
  const indexByKey = new Map<string, number>();
  steps.forEach((step, index) => {
    if (step.key !== undefined) indexByKey.set(step.key, index);
  });
  return steps.map((step, index) => {
    if (step.correctsStepKey === undefined) return step;
    const target = indexByKey.get(step.correctsStepKey);
    if (target === undefined || target >= index) {
      throw new Error(`demo step ${index} (${step.type}) corrects step "${step.correctsStepKey}", which is not recorded before it`);
    }
    return { ...step, data: { ...step.data, eventId: eventIdOfStep(target) } };
  });
}
