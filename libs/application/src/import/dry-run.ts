import { applyCorrections, Command, Event, Recorded } from '@coprod/domain';
import { EventStore, recordedEventOf } from '@coprod/event-store';
import { recordedOf } from '@coprod/projections';
import { DeciderRegistry } from '../commands/decider-registry';
import { eventIdFor } from '../commands/event-ids';

/**
 * Decides commands without recording them: each record is read and folded once, and every event a
 * dry-run decision produces is folded in, so the next row on the same record is decided as it would be
 * after the rows before it.
 */
export class DryRun {
  private readonly states = new Map<string, unknown>();

  constructor(
    private readonly store: EventStore,
    private readonly deciders: DeciderRegistry,
  ) {}

  async decide(command: Command): Promise<void> {
    const decider = this.deciders.forCommand(command.type);
    const stream = this.deciders.streamOf(decider, command);
    if (!this.states.has(stream)) {
      const recorded = await this.store.readStream(stream);
      const history = applyCorrections(recorded.map((e) => recordedOf(recordedEventOf(e)) as Recorded<Event>));
      this.states.set(
        stream,
        history.reduce((s, e) => decider.evolve(s, e), decider.initialState()),
      );
    }
    const events = decider.decide(command, this.states.get(stream)) as Event[];
    const at = command.metadata.now;
    const next = events.reduce(
      (s, event, i) =>
        decider.evolve(s, {
          ...event,
          id: eventIdFor(command.metadata.commandId, i),
          occurredAt: event.occurredAt ?? at,
          recordedAt: at,
        } as Recorded<Event>),
      this.states.get(stream),
    );
    this.states.set(stream, next);
  }
}
