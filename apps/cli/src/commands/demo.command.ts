import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SingleBar } from 'cli-progress';
import { Command, CommandRunner } from 'nest-commander';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { eventIdFor, HandleDomainCommand, READ_MODELS, ReadModels } from '@coprod/application';
import { buildDemoRecord } from '../demo/demo-record';
import { resolveCorrectionTargets } from '../demo/demo-step';

@Command({ name: 'demo', description: 'Fill the configured store with a realistic demo record (invented people), through the real command path' })
export class DemoCommand extends CommandRunner {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {
    super();
  }

  async run(): Promise<void> {
    const steps = resolveCorrectionTargets(buildDemoRecord(), (index) => eventIdFor(`demo-${index}`, 0));
    // Into an empty store the record is replayed as it was recorded over 2026, so `--known-at` dates mean
    // something; into a store that already holds events, recording time stays the store's clock.
    const replayDates = (await this.store.headPosition()) === 0;
    const bar = new SingleBar({ format: 'demo record [{bar}] {value}/{total} commands', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 });
    bar.start(steps.length, 0);
    let recorded = 0;
    let position = 0;
    for (const [index, step] of steps.entries()) {
      const result = await this.commandBus.execute(
        new HandleDomainCommand(
          { type: step.type, data: step.data, metadata: { commandId: `demo-${index}`, now: step.at, actor: step.actor } },
          { source: step.source, correlationId: `demo-${index}`, recordedAt: replayDates ? step.at : undefined },
        ),
      );
      if (!result.duplicate) recorded += result.eventIds.length;
      position = Math.max(position, result.position);
      bar.increment();
    }
    bar.stop();
    await this.readModels.runtime.waitFor(position, 30_000);
    const head = await this.store.headPosition();
    console.log(`demo record: ${steps.length} commands, ${recorded} new events (store now holds ${head} events in ${this.store.description})`);
    if (!replayDates) console.log('the store was not empty, so the new events are recorded at the current time');
  }
}
