import { eventIdFor } from '@coprod/application/commands/event-ids';
import {
  activityDecider,
  Command,
  Decider,
  decideCorrection,
  applyCorrections,
  decisionDecider,
  Event,
  expenseDecider,
  measureDecider,
  participantDecider,
  projectDecider,
  quoteDecider,
  Recorded,
  streamName,
  surveyDecider,
} from '@coprod/domain';
import { buildDemoRecord } from './demo-record';
import { DemoStep, resolveCorrectionTargets } from './demo-step';

type AnyDecider = Decider<Command, Event, unknown>;
const DECIDERS = [
  projectDecider,
  participantDecider,
  activityDecider,
  decisionDecider,
  expenseDecider,
  quoteDecider,
  surveyDecider,
  measureDecider,
] as unknown as AnyDecider[];

const REFERENCES: [field: string, prefix: string][] = [
  ['projectId', 'project'],
  ['participantId', 'participant'],
  ['participantIds', 'participant'],
  ['activityId', 'activity'],
  ['activityIds', 'activity'],
  ['decisionId', 'decision'],
];

/** Runs the record through the real deciders, in memory, the way `coprod demo` runs it through the store. */
function replay(steps: DemoStep[]): Map<string, Recorded<Event>[]> {
  const streams = new Map<string, Recorded<Event>[]>();
  const resolved = resolveCorrectionTargets(steps, (index) => eventIdFor(`demo-${index}`, 0));
  resolved.forEach((step, index) => {
    const decider = DECIDERS.find((d) => d.commandTypes.includes(step.type) || d.corrections?.rules[step.type] !== undefined);
    if (!decider) throw new Error(`step ${index}: no aggregate handles ${step.type}`);
    const command: Command = { type: step.type, data: step.data, metadata: { commandId: `demo-${index}`, now: step.at, actor: step.actor } };
    const stream = streamName(decider, decider.streamIdOf(command));
    for (const [field, prefix] of REFERENCES) {
      const value = step.data[field];
      for (const id of Array.isArray(value) ? value : value ? [value] : []) {
        const referenced = `${prefix}-${String(id)}`;
        if (referenced !== stream && !streams.has(referenced)) {
          throw new Error(`step ${index} (${step.type}) names ${referenced}, which is not recorded yet`);
        }
      }
    }
    const recorded = streams.get(stream) ?? [];
    const state = applyCorrections(recorded).reduce((s, e) => decider.evolve(s, e), decider.initialState());
    let events: Event[];
    try {
      events = decider.corrections?.rules[step.type] ? decideCorrection(decider, command, recorded) : decider.decide(command, state);
    } catch (error) {
      throw new Error(`step ${index} (${step.type} at ${step.at}) was refused: ${(error as Error).message}`);
    }
    events.forEach((event, k) =>
      recorded.push({ ...event, id: eventIdFor(`demo-${index}`, k), occurredAt: event.occurredAt ?? step.at, recordedAt: step.at }),
    );
    streams.set(stream, recorded);
  });
  return streams;
}

describe('the demo record run through the aggregates', () => {
  const steps = buildDemoRecord();
  const streams = replay(steps);
  const events = [...streams.values()].flat();

  it('is accepted step by step, each step recording exactly one event', () => {
    expect(events).toHaveLength(steps.length);
  });

  it('never records a fact before it happened', () => {
    const early = events.filter((e) => e.occurredAt > e.recordedAt).map((e) => `${e.type} ${e.occurredAt} > ${e.recordedAt}`);
    expect(early).toEqual([]);
  });

  it('lands its corrections on the events they name: one amended attendance and one voided duplicate', () => {
    const corrections = events.filter((e) => e.type === 'EventCorrected');
    expect(corrections.map((e) => (e.data as { kind: string }).kind).sort()).toEqual(['amend', 'void']);
    for (const correction of corrections) {
      const target = events.find((e) => e.id === (correction.data as { eventId: string }).eventId);
      expect(target?.type).toBe((correction.data as { eventType: string }).eventType);
    }
  });

  it('keeps expense duties apart: whoever records a claim neither approves nor pays it', () => {
    const expenseStreams = [...streams.entries()].filter(([name]) => name.startsWith('expense-'));
    const paid = expenseStreams.filter(([, stream]) => stream.some((e) => e.type === 'ExpensePaid'));
    expect(paid.length).toBeGreaterThan(0);
    for (const [, stream] of paid) {
      const claimed = stream.find((e) => e.type === 'ExpenseClaimed')?.data as { recordedBy: string };
      const approved = stream.find((e) => e.type === 'ExpenseApproved')?.data as { approvedBy: string };
      const payment = stream.find((e) => e.type === 'ExpensePaid')?.data as { paidBy: string };
      expect(new Set([claimed.recordedBy, approved.approvedBy, payment.paidBy]).size).toBe(3);
    }
  });
});
