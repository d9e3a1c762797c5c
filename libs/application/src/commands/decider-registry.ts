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
      for (const type of [...decider.commandTypes, ...Object.keys(decider.corrections?.rules ?? {})]) {
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

  /** The correction commands, by the event type each corrects. */
  corrections(): { command: string; corrects: string; kind: string; aggregate: string }[] {
    return (ALL_DECIDERS as unknown as AnyDecider[]).flatMap((decider) =>
      Object.entries(decider.corrections?.rules ?? {}).map(([command, rule]) => ({ command, corrects: rule.corrects, kind: rule.kind, aggregate: decider.name })),
    );
  }

  streamOf(decider: AnyDecider, command: Command): string {
    return streamName(decider, decider.streamIdOf(command));
  }
}

/** Commands no longer accepted, and what replaced them. */
const RETIRED: Readonly<Record<string, string>> = {
  CorrectEvent:
    'CorrectEvent is no longer accepted: a correction is decided by the record that owns the event, under the rules and permission of the command that recorded it. Use AmendAttendance, VoidAttendance, AmendSessionHeld, AmendServiceMeasureReading, AmendSurveyResponse, VoidInfluence and the other Amend…/Void… commands; money is corrected by WithdrawExpenseApproval and ReverseExpensePayment',
};

export class UnknownCommandError extends Error {
  override readonly name = 'UnknownCommandError';
  constructor(type: string, known: string[]) {
    super(Object.hasOwn(RETIRED, type) ? RETIRED[type] : `unknown command ${type}; known commands: ${known.join(', ')}`);
  }
}
