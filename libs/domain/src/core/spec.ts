import { Command, CommandMetadata, Event, Recorded } from './event';
import { Decider } from './decider';
import { DomainError, DomainErrorKind } from './errors';
import { decideCorrection } from '../corrections/correctable';
import { applyCorrections } from '../corrections/correction';

const DEFAULT_METADATA: CommandMetadata = {
  commandId: 'cmd-1',
  now: '2026-03-01T12:00:00.000Z',
  actor: { id: 'officer.one', role: 'evaluation_lead' },
};

/** Builds a command with default metadata; tests override only what they care about. */
export function command<C extends Command>(type: C['type'], data: C['data'], metadata: Partial<CommandMetadata> = {}): C {
  return { type, data, metadata: { ...DEFAULT_METADATA, ...metadata } } as C;
}

/**
 * Given/when/then for deciders:
 * `spec(decider).given([...events]).when(command).then([...events])` or `.thenRefuses('rule', /message/, 'expense.already_paid')`.
 * The code is what API clients see in problem details and branch on, so a refusal spec should pin it too.
 */
export function spec<C extends Command, E extends Event, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[]) {
      const recorded = events.map(
        (event, i): Recorded<E> =>
          ({
            occurredAt: '2026-02-01T10:00:00.000Z',
            ...event,
            id: `event-${i + 1}`,
            recordedAt: '2026-02-01T10:00:00.000Z',
          }) as Recorded<E>,
      );
      const state = applyCorrections(recorded).reduce((s, e) => decider.evolve(s, e), decider.initialState());
      return {
        state,
        when(cmd: C | Command) {
          // A correction is decided on the whole history, corrections included, as the command handler does.
          const onHistory = (
            decider.historyDeciders as Record<string, ((c: Command, h: readonly Recorded<Event>[]) => E[]) | undefined> | undefined
          )?.[cmd.type];
          const run = () =>
            onHistory
              ? onHistory(cmd, recorded)
              : decider.corrections?.rules[cmd.type]
                ? decideCorrection(decider as never, cmd, recorded)
                : decider.decide(cmd as C, state);
          return {
            then(expected: readonly E[]) {
              expect(run()).toEqual(expected);
            },
            thenRefuses(kind: DomainErrorKind, message: RegExp | string, code?: string) {
              let error: unknown;
              try {
                run();
              } catch (caught) {
                error = caught;
              }
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).kind).toBe(kind);
              expect((error as DomainError).message).toMatch(message);
              if (code !== undefined) expect((error as DomainError).code).toBe(code);
            },
          };
        },
      };
    },
  };
}
