import { FactEvent, foldProjectFacts } from './project-facts';
import { FrameworkView, IndicatorContext } from './indicator';
import { notCoproductionFlags } from './delivery.indicators';
import { computeDisclosed } from './outcome-summary';

const bracknell: FrameworkView = {
  id: 'bracknell-forest',
  name: 'Bracknell Forest',
  version: '1',
  principles: [],
  setupActivities: [],
  notCoproduction: [
    { id: 'formed', description: 'Consultation where proposals are already formed', check: 'consultation_on_formed_options' },
    { id: 'volunteering', description: 'One-way volunteering', check: 'volunteering_without_contribution' },
    { id: 'personalisation', description: 'Choosing from predetermined options', check: null },
    { id: 'partnership', description: 'Partnership without local people', check: 'no_residents_involved' },
  ],
};
const context: IndicatorContext = { suppressionThreshold: 5, framework: bracknell };

/** The facts folded from these events, numbered e1, e2, ... in order. */
function given(...events: [type: string, data: Record<string, unknown>][]) {
  return foldProjectFacts(
    events.map(([type, data], i): FactEvent => ({ eventId: `e${i + 1}`, type, data, position: i + 1, occurredAt: '2026-03-01T10:00:00.000Z' })),
  );
}
const person = (participantId: string, role: string): [string, Record<string, unknown>] => [
  'ParticipantRegistered',
  { participantId, role, seldomHeardGroups: [], preferredFormats: [] },
];
const claim = (claimId: string, participantId: string, category: string, amountPence: number): [string, Record<string, unknown>][] => [
  ['ExpenseClaimed', { claimId, participantId, category, amountPence }],
];
const paid = (claimId: string, participantId: string, category: string, amountPence: number): [string, Record<string, unknown>][] => [
  ...claim(claimId, participantId, category, amountPence),
  ['ExpenseApproved', { claimId }],
  ['ExpensePaid', { claimId, amountPence }],
];
const session = (activityId: string, activityType: string, attendees: string[]): [string, Record<string, unknown>][] => [
  [
    'ActivityPlanned',
    { activityId, title: `Session ${activityId}`, activityType, stage: 'co_delivery', format: 'in_person', ladderLevel: 'co_production' },
  ],
  ['ActivityHeld', { activityId, heldOn: '2026-03-01T10:00:00.000Z', durationMinutes: 120 }],
  ...attendees.map((participantId): [string, Record<string, unknown>] => [
    'AttendanceRecorded',
    { activityId, participantId, minutes: 60, capacity: 'member', format: 'in_person' },
  ]),
];

describe('expenses: the ledger, totals and categories, never an amount for one person', () => {
  const five = ['a', 'b', 'c', 'd', 'e'];
  const ledger = (facts: ReturnType<typeof given>, threshold = 5) =>
    computeDisclosed('expenses', facts, { ...context, suppressionThreshold: threshold });

  it('totals paid claims only, by category, with every line of the ledger', () => {
    const facts = given(
      ...five.flatMap((id, i) => paid(`t-${id}`, id, 'travel', 1000 + i * 100)),
      ...five.flatMap((id) => paid(`v-${id}`, id, 'voucher', 2000)),
      ...claim('waiting', 'a', 'travel', 700),
      ...claim('refused', 'b', 'travel', 900),
      ['ExpenseRejected', { claimId: 'refused' }],
      ...claim('approved', 'c', 'travel', 650),
      ['ExpenseApproved', { claimId: 'approved' }],
    );
    const result = ledger(facts);
    // Travel 1000 + 1100 + 1200 + 1300 + 1400 = 6000; vouchers 5 x 2000 = 10000; total 16000 to 5 people.
    expect([result.value, result.n]).toEqual([16_000, 5]);
    expect(result.breakdown.map((c) => [c.key, c.value, c.n, c.suppressed])).toEqual([
      ['travel', 6000, 5, false],
      ['voucher', 10_000, 5, false],
    ]);
    // One claim each awaiting payment, awaiting approval and rejected: each rests on one person, so no amount.
    expect(result.items.map((i) => [i.key, i.claims ?? null, i.amountPence ?? null])).toEqual([
      ['paid', 10, 16_000],
      ['approved_awaiting_payment', 1, null],
      ['awaiting_approval', 1, null],
      ['rejected', 1, null],
      ['corrected', 0, null],
      ['people_paid', null, null],
    ]);
    expect(result.statement).toBe(
      '£160.00 was paid to 5 people in expenses and recognition; 1 claim is approved and awaiting payment; 1 claim awaits approval; 1 claim was rejected.',
    );
    // At threshold 1 every amount is shown: the claim awaiting payment is £6.50.
    expect(ledger(facts, 1).statement).toBe(
      '£160.00 was paid to 5 people in expenses and recognition; 1 claim is approved and awaiting payment (£6.50); 1 claim awaits approval (£7.00); 1 claim was rejected.',
    );
  });

  it('leaves a reversed payment out of the total and counts the corrections; paid again after the reversal, it counts once', () => {
    const facts = given(
      ...five.flatMap((id) => paid(`t-${id}`, id, 'travel', 1000)),
      ['ExpensePaymentReversed', { claimId: 't-a', amountPence: 1000 }],
      ...paid('v-b', 'b', 'voucher', 500).slice(0, 1),
      ['ExpenseApproved', { claimId: 'v-b' }],
      ['ExpensePaid', { claimId: 'v-b', amountPence: 500 }],
      ['ExpensePaymentReversed', { claimId: 'v-b', amountPence: 500 }],
      ['ExpensePaid', { claimId: 'v-b', amountPence: 500 }],
      ...claim('w', 'e', 'travel', 300),
      ['ExpenseApproved', { claimId: 'w' }],
      ['ExpenseApprovalWithdrawn', { claimId: 'w' }],
    );
    const result = ledger(facts);
    // Travel: 5 x 1000 paid, a's reversed: 4000 to 4 people; voucher: paid, reversed, paid again: 500 once. 4 people: withheld.
    expect([result.value, result.n]).toEqual([null, 4]);
    expect(result.items.find((i) => i.key === 'corrected')).toMatchObject({ claims: 3, approvalsWithdrawn: 1, paymentsReversed: 2 });
    expect(result.statement).toBe(
      'Expenses and recognition were paid to 4 people; the amount is not shown, as it rests on too few people; 1 claim is approved and awaiting payment; 1 claim awaits approval; 0 claims were rejected. 3 corrections were recorded (1 approval withdrawn, 2 payments reversed); reversed payments are not counted as paid.',
    );
    const six = given(...['a', 'b', 'c', 'd', 'e', 'f'].flatMap((id) => paid(`t-${id}`, id, 'travel', 1000)), [
      'ExpensePaymentReversed',
      { claimId: 't-f', amountPence: 1000 },
    ]);
    expect(ledger(six).value).toBe(5000);
  });

  it('withholds a category paid to fewer people than the threshold, and a second one so the total cannot give it away', () => {
    const facts = given(...five.flatMap((id) => paid(`t-${id}`, id, 'travel', 1000)), ...paid('cover', 'c', 'care_cover', 4500));
    const result = ledger(facts);
    expect(result.value).toBe(9500);
    // Travel (5000) beside the total (9500) would give c's 4500 of care cover: travel joins it in the merged row, which then rests on 5 people.
    expect(result.breakdown.map((c) => [c.key, c.value, c.n, c.suppressed])).toEqual([['not_shown_separately', 9500, null, false]]);
    expect(JSON.stringify(result)).not.toMatch(/4500|45\.00|5000/);
  });

  it('withholds the total when fewer people than the threshold were paid: it would be their own payments', () => {
    const facts = given(...paid('only', 'a', 'recognition_payment', 2500));
    const result = ledger(facts);
    expect([result.value, result.n]).toEqual([null, 1]);
    expect(result.breakdown).toEqual([
      { key: 'not_shown_separately', label: 'Other categories, not shown separately', value: null, n: null, suppressed: true },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/2500|25\.00/);
  });
});

describe("not_coproduction_flags: Bracknell Forest's list of what co-production is not", () => {
  const decision = (decisionId: string): [string, Record<string, unknown>] => [
    'DecisionRecorded',
    { decisionId, title: `Decision ${decisionId}`, reference: `REF-${decisionId}`, decisionMaker: 'cabinet' },
  ];
  const influence = (
    decisionId: string,
    influenceId: string,
    ladderLevel: string,
    optionsAlreadyFormed: boolean,
  ): [string, Record<string, unknown>] => [
    'InfluenceLinked',
    { decisionId, influenceId, contributionIds: [], activityIds: ['s1'], ladderLevel, needhamCarrLevel: 'basic', optionsAlreadyFormed },
  ];
  const people = [person('r1', 'resident'), person('o1', 'council_officer'), person('o2', 'council_officer')];

  it('flags a decision whose only input was consultation on options already formed, not one that also reached co-design', () => {
    const facts = given(
      ...people,
      ...session('s1', 'workshop', ['r1', 'o1']),
      decision('d1'),
      influence('d1', 'i1', 'consultation', true),
      decision('d2'),
      influence('d2', 'i2', 'consultation', true),
      influence('d2', 'i3', 'co_design', false),
      decision('d3'),
    );
    const result = notCoproductionFlags.compute(facts, context);
    expect(result.value).toBe(1);
    expect(result.items).toEqual([
      expect.objectContaining({ subject: 'Decision d1 (REF-d1)', rule: 'Consultation where proposals are already formed' }),
    ]);
    // d1 is e8 and its influence e9 (three people, then the session's plan, hold and two attendances).
    expect(result.sourceEventIds).toEqual(['e8', 'e9']);
  });

  it('flags a session held with staff only; a cancelled one, or one with a resident, is not flagged', () => {
    const facts = given(
      ...people,
      ...session('staff', 'meeting', ['o1', 'o2']),
      ...session('mixed', 'meeting', ['o1', 'r1']),
      ['ActivityPlanned', { activityId: 'called-off', title: 'Session called-off', activityType: 'meeting', stage: 'co_design', format: 'online' }],
      ['ActivityCancelled', { activityId: 'called-off' }],
    );
    const items = notCoproductionFlags.compute(facts, context).items;
    expect(items.map((i) => [i.subject, i.rule])).toEqual([['Session staff', 'Partnership without local people']]);
  });

  it('flags a co-delivery shift residents worked without a contribution of theirs, not a staff-only shift or one with their contribution', () => {
    const facts = given(
      ...people,
      ...session('worked', 'co_delivery_shift', ['r1', 'o1']),
      ...session('shaped', 'co_delivery_shift', ['r1', 'o1']),
      [
        'ContributionRecorded',
        { activityId: 'shaped', contributionId: 'k1', participantIds: ['r1'], kind: 'co_delivery_work', summary: 'Rewrote the script' },
      ],
      ...session('staff-shift', 'co_delivery_shift', ['o1', 'o2']),
    );
    const volunteering = notCoproductionFlags.compute(facts, context).items.filter((i) => i.rule === 'One-way volunteering');
    // The staff-only shift is flagged once, as partnership without local people, not as residents volunteering.
    expect(volunteering.map((i) => i.subject)).toEqual(['Session worked']);
  });

  it('flags nothing under a framework that lists no checks', () => {
    const facts = given(...people, ...session('staff', 'meeting', ['o1']), decision('d1'), influence('d1', 'i1', 'informing', true));
    const result = notCoproductionFlags.compute(facts, { ...context, framework: { ...bracknell, notCoproduction: [] } });
    expect([result.value, result.items]).toEqual([0, []]);
  });
});
