import { FactEvent, foldProjectFacts } from './project-facts';
import { FrameworkView, IndicatorContext } from './indicator';
import { notCoproductionFlags } from './delivery.indicators';

const bracknell: FrameworkView = {
  id: 'bracknell-forest',
  name: 'Bracknell Forest',
  version: '1',
  principles: [],
  setupActivities: [],
  notCoproduction: [
    { id: 'formed', description: 'Consultation where proposals are already formed', check: 'consultation_on_formed_options' },
    { id: 'volunteering', description: 'One-way volunteering', check: 'volunteering_without_contribution' },
    { id: 'partnership', description: 'Partnership without local people', check: 'no_residents_involved' },
  ],
};
const context: IndicatorContext = { suppressionThreshold: 5, framework: bracknell };

type Given = [type: string, data: Record<string, unknown>];
/** The facts folded from these events, numbered e1, e2, ... in order. */
function given(...events: Given[]) {
  return foldProjectFacts(
    events.map(([type, data], i): FactEvent => ({ eventId: `e${i + 1}`, type, data, position: i + 1, occurredAt: '2026-03-01T10:00:00.000Z' })),
  );
}
const person = (participantId: string, role: string): Given => [
  'ParticipantRegistered',
  { participantId, role, seldomHeardGroups: [], preferredFormats: [] },
];
const session = (activityId: string, activityType: string, attendees: string[]): Given[] => [
  [
    'ActivityPlanned',
    { activityId, title: `Session ${activityId}`, activityType, stage: 'co_delivery', format: 'in_person', ladderLevel: 'co_production' },
  ],
  ['ActivityHeld', { activityId, heldOn: '2026-03-01T10:00:00.000Z', durationMinutes: 120 }],
  ...attendees.map((participantId): Given => [
    'AttendanceRecorded',
    { activityId, participantId, minutes: 60, capacity: 'member', format: 'in_person' },
  ]),
];

describe('what co-production is not: each flag with its finding and the events it rests on', () => {
  it('words a decision consulted on below the ladder (options not formed) apart from one on formed options, and names one without a reference by its title', () => {
    const facts = given(
      person('r1', 'resident'), // e1
      ...session('s1', 'workshop', ['r1']), // e2-e4
      ['DecisionRecorded', { decisionId: 'd1', title: 'Bus routes', reference: '', decisionMaker: 'cabinet' }], // e5
      [
        'InfluenceLinked',
        {
          decisionId: 'd1',
          influenceId: 'i1',
          contributionIds: [],
          activityIds: ['s1'],
          ladderLevel: 'informing',
          needhamCarrLevel: 'basic',
          optionsAlreadyFormed: false,
        },
      ],
      ['DecisionRecorded', { decisionId: 'd2', title: 'Library hours', reference: 'EX9', decisionMaker: 'cabinet' }], // e7
      [
        'InfluenceLinked',
        {
          decisionId: 'd2',
          influenceId: 'i2',
          contributionIds: [],
          activityIds: ['s1'],
          ladderLevel: 'consultation',
          needhamCarrLevel: 'basic',
          optionsAlreadyFormed: true,
        },
      ],
      [
        'InfluenceLinked',
        {
          decisionId: 'd2',
          influenceId: 'i3',
          contributionIds: [],
          activityIds: [],
          ladderLevel: 'consultation',
          needhamCarrLevel: 'basic',
          optionsAlreadyFormed: true,
        },
      ],
    );
    const result = notCoproductionFlags.compute(facts, context);
    expect(result.items).toEqual([
      {
        subject: 'Bus routes',
        finding: 'The only input was at or below consultation on the ladder: people were informed or consulted, not sharing the decision.',
        rule: 'Consultation where proposals are already formed',
        eventIds: ['e5', 'e6'],
      },
      {
        subject: 'Library hours (EX9)',
        finding: 'The only input was consultation on options that were already formed.',
        rule: 'Consultation where proposals are already formed',
        eventIds: ['e7', 'e8', 'e9'],
      },
    ]);
    expect(result).toMatchObject({ value: 2, n: 1, statement: '2 parts of the record look like something co-production is not; see the flags.' });
    expect(result.sourceEventIds).toEqual(['e5', 'e6', 'e7', 'e8', 'e9']);
  });

  it('names the session held without residents and the shift residents worked without a say, with their events', () => {
    const facts = given(
      person('r1', 'resident'), // e1
      person('o1', 'council_officer'), // e2
      ...session('staff', 'meeting', ['o1']), // e3-e5
      ...session('shift', 'co_delivery_shift', ['r1']), // e6-e8
    );
    const result = notCoproductionFlags.compute(facts, context);
    expect(result.items).toEqual([
      {
        subject: 'Session shift',
        finding: 'Residents delivered, but no contribution of theirs to how it is done was recorded.',
        rule: 'One-way volunteering',
        eventIds: ['e6', 'e7'],
      },
      {
        subject: 'Session staff',
        finding: 'Held without any resident or community member taking part.',
        rule: 'Partnership without local people',
        eventIds: ['e3', 'e4', 'e5'],
      },
    ]);
    expect(result.statement).toBe('2 parts of the record look like something co-production is not; see the flags.');
  });

  it('agrees its words with one flag', () => {
    const facts = given(person('o1', 'council_officer'), ...session('staff', 'meeting', ['o1']));
    expect(notCoproductionFlags.compute(facts, context).statement).toBe(
      '1 part of the record looks like something co-production is not; see the flags.',
    );
  });
});
