import { Inject } from '@nestjs/common';
import { SingleBar } from 'cli-progress';
import { Command, CommandRunner } from 'nest-commander';
import { READ_MODELS, ReadModels } from '@coprod/application';

@Command({ name: 'rebuild', description: 'Rebuild every read model from the event log beside the live ones, then swap them in at once' })
export class RebuildCommand extends CommandRunner {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {
    super();
  }

  async run(): Promise<void> {
    const bar = new SingleBar({ format: 'rebuilding read models [{bar}] {value}/{total} events', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 });
    const started = Date.now();
    let begun = false;
    const count = await this.readModels.rebuildBeside((done, total) => {
      if (!begun) {
        bar.start(total, 0);
        begun = true;
      }
      bar.update(done);
    });
    bar.stop();
    console.log(`rebuilt every read model from ${count} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
