import { DemoCommandData, DemoCommandType, DemoCorrectionType } from './demo-commands';
import { minutesAfter } from './demo-clock';
import { DemoActor, DemoSource, DemoStep } from './demo-step';

/** Options of one recorded step. */
export interface StepOptions {
  /** Names the step so a later correction can point at its event. */
  key?: string;
}

/**
 * Collects demo steps. Each `from(...)` opens a sitting: one officer at a desk (or a sign-in sheet
 * being typed up) recording one step a minute from the given instant.
 */
export class Timeline {
  readonly steps: DemoStep[] = [];

  /** A sitting that starts at `start` (ISO instant), by `actor`, from `source`. */
  from(start: string, actor: DemoActor, source: DemoSource = 'api'): Sitting {
    return new Sitting(this.steps, start, actor, source);
  }
}

export class Sitting {
  private recorded = 0;

  constructor(
    private readonly steps: DemoStep[],
    private readonly start: string,
    private readonly actor: DemoActor,
    private readonly source: DemoSource,
  ) {}

  /** Records one command, typed against the aggregate's own command data. */
  record<T extends DemoCommandType>(type: T, data: DemoCommandData<T>, options: StepOptions = {}): this {
    this.push({ type, data: { ...data } as Record<string, unknown>, ...(options.key === undefined ? {} : { key: options.key }) });
    return this;
  }

  /** Corrects the event recorded by the step named `stepKey`; its event id is filled in when the record runs. */
  correct<T extends DemoCorrectionType>(stepKey: string, type: T, data: Omit<DemoCommandData<T>, 'eventId'>): this {
    this.push({ type, data: { ...data } as Record<string, unknown>, correctsStepKey: stepKey });
    return this;
  }

  private push(step: Pick<DemoStep, 'type' | 'data' | 'key' | 'correctsStepKey'>): void {
    const at = minutesAfter(this.start, this.recorded);
    this.recorded += 1;
    this.steps.push({ ...step, actor: { ...this.actor }, source: this.source, at });
  }
}
