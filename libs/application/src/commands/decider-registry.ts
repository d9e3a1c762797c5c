import { Injectable } from '@nestjs/common';
import { Command, Decider, Event, streamName } from '@coprod/domain';
import { ALL_DECIDERS } from './deciders';

type AnyDecider = Decider<Command, Event, unknown>;

/** Finds the aggregate that handles a command type, and the stream the command addresses. */
@Injectable()
export class DeciderRegistry {
  private readonly byCommand = new Map<string, AnyDecider>();

  constructor() {
    for (const decider of ALL_DECIDERS as unknown as AnyDecider[]) {
      for (const type of decider.commandTypes) {
        if (this.byCommand.has(type)) throw new Error(`command ${type} is handled by two aggregates`);
        this.byCommand.set(type, decider);
      }
    }
  }

  /** Every command type the product accepts. */
  commandTypes(): string[] {
    return [...this.byCommand.keys()];
  }

  forCommand(type: string): AnyDecider {
    const decider = this.byCommand.get(type);
    if (!decider) throw new UnknownCommandError(type, this.commandTypes());
    return decider;
  }

  streamOf(decider: AnyDecider, command: Command): string {
    // A correction is appended to the stream of the event it corrects, whatever the aggregate.
    if (decider.name === 'correction') return decider.streamIdOf(command);
    return streamName(decider, decider.streamIdOf(command));
  }
}

export class UnknownCommandError extends Error {
  override readonly name = 'UnknownCommandError';
  constructor(type: string, known: string[]) {
    super(`unknown command ${type}; known commands: ${known.join(', ')}`);
  }
}
