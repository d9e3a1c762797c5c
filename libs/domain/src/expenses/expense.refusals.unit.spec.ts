import { command, spec } from '../core/spec';
import { streamName } from '../core/decider';
import { ExpenseApproved, ExpenseClaimed, ExpenseEvent, ExpensePaid, ExpenseRejected } from './expense';
import { ClaimExpense, ExpenseCommand } from './expense.decide';
import { expenseDecider } from './expense.decider';

const given = (events: ExpenseEvent[]) => spec(expenseDecider).given(events);

const claim: ClaimExpense['data'] = {
  claimId: 'x-4',
  projectId: 'p1',
  participantId: 'p-5',
  activityId: null,
  category: 'travel',
  amountPence: 1250,
  description: 'Bus fares',
  claimedOn: '2026-03-12',
};
const claimed: ExpenseClaimed = { type: 'ExpenseClaimed', data: { ...claim, recordedBy: 'rita.recorder' } };
const approved: ExpenseApproved = { type: 'ExpenseApproved', data: { claimId: 'x-4', approvedBy: 'amy.approver', approvedOn: '2026-03-13' } };
const rejected: ExpenseRejected = {
  type: 'ExpenseRejected',
  data: { claimId: 'x-4', rejectedBy: 'amy.approver', rejectedOn: '2026-03-13', reason: 'No receipt' },
};
const paid: ExpensePaid = {
  type: 'ExpensePaid',
  data: { claimId: 'x-4', projectId: 'p1', paidBy: 'pat.payer', paidOn: '2026-03-14', amountPence: 1250, method: 'bank_transfer', reference: null },
};
const as = (id: string, participantId?: string) => ({ actor: { id, role: 'finance', ...(participantId ? { participantId } : {}) } });
const claimWith = (data: Record<string, unknown>) => command<ExpenseCommand>('ClaimExpense', { ...claim, ...data } as never, as('rita.recorder'));
const amend = (data: Record<string, unknown> = {}) =>
  command<ExpenseCommand>('AmendExpenseClaim', {
    claimId: 'x-4',
    amountPence: 1300,
    category: 'travel',
    description: 'Bus fares',
    reason: 'Receipt',
    ...data,
  } as never);
const approve = (actor = 'amy.approver', participantId?: string) =>
  command<ExpenseCommand>('ApproveExpense', { claimId: 'x-4', approvedOn: '2026-03-13' }, as(actor, participantId));
const reject = (reason = 'No receipt', actor = 'amy.approver') =>
  command<ExpenseCommand>('RejectExpense', { claimId: 'x-4', rejectedOn: '2026-03-13', reason }, as(actor));
const pay = (data: Record<string, unknown> = {}, actor = 'pat.payer') =>
  command<ExpenseCommand>(
    'PayExpense',
    { claimId: 'x-4', paidOn: '2026-03-14', amountPence: 1250, method: 'bank_transfer', reference: null, ...data } as never,
    as(actor),
  );
const withdraw = (reason = 'Approved in error', actor = 'amy.approver') =>
  command<ExpenseCommand>('WithdrawExpenseApproval', { claimId: 'x-4', withdrawnOn: '2026-03-15', reason }, as(actor));
const reverse = (reason = 'Bounced', actor = 'paula.payer') =>
  command<ExpenseCommand>('ReverseExpensePayment', { claimId: 'x-4', reversedOn: '2026-03-16', reason }, as(actor));

describe('expense claim: what is refused, with the code clients see', () => {
  it('refuses a claim id already used, naming its amount', () => {
    given([claimed])
      .when(claimWith({}))
      .thenRefuses('conflict', 'expense claim x-4 already exists (£12.50); amend it or use a new claim id', 'expense.already_claimed');
  });

  it.each([0, -5, 12.5])('refuses an amount of %p pence', (amountPence) => {
    given([])
      .when(claimWith({ amountPence }))
      .thenRefuses('rule', `amountPence must be a whole number of pence, at least 1; got ${amountPence}`, 'expense.amount_invalid');
  });

  it('takes 1 penny and £10,000, and refuses a penny more, as pounds typed as pence', () => {
    for (const amountPence of [1, 1_000_000]) {
      given([])
        .when(claimWith({ amountPence }))
        .then([{ ...claimed, data: { ...claimed.data, amountPence }, occurredAt: '2026-03-12' }]);
    }
    given([])
      .when(claimWith({ amountPence: 1_000_001 }))
      .thenRefuses(
        'rule',
        'amountPence 1000001 is £10000.01, over the £10000.00 limit for one claim: looks like pounds, not pence? Enter the amount in pence',
        'expense.amount_too_large',
      );
  });

  it('refuses a claim with an unknown category, a date that is not a date, or no description', () => {
    given([])
      .when(claimWith({ category: 'lunch' }))
      .thenRefuses('rule', /^category "lunch" is not one of/, 'value.not_allowed');
    given([])
      .when(claimWith({ claimedOn: '2026-02-29' }))
      .thenRefuses('rule', /^claimedOn "2026-02-29" is not a real calendar date/, 'value.not_a_date');
    given([])
      .when(claimWith({ description: ' ' }))
      .thenRefuses('rule', 'expense claim x-4 needs a description of what was spent', 'expense.description_missing');
  });

  it('refuses every decision on a claim never made', () => {
    for (const cmd of [amend(), approve(), reject(), pay(), withdraw(), reverse()]) {
      given([]).when(cmd).thenRefuses('not_found', 'expense claim x-4 does not exist; record the claim first', 'expense.not_found');
    }
  });

  it('refuses amending a decided claim, or without a description or reason', () => {
    given([claimed, approved])
      .when(amend())
      .thenRefuses('conflict', /^expense claim x-4 is approved and can no longer be amended/, 'expense.already_decided');
    given([claimed])
      .when(amend({ description: '' }))
      .thenRefuses('rule', 'expense claim x-4 needs a description of what was spent', 'expense.description_missing');
    given([claimed])
      .when(amend({ reason: ' ' }))
      .thenRefuses('rule', 'amending claim x-4 needs a reason', 'expense.reason_missing');
    given([claimed])
      .when(amend({ amountPence: 0 }))
      .thenRefuses('rule', /^amountPence must be a whole number/, 'expense.amount_invalid');
  });

  it('refuses approving or rejecting a claim already decided', () => {
    given([claimed, approved])
      .when(approve())
      .thenRefuses(
        'conflict',
        'expense claim x-4 was already approved by amy.approver on 2026-03-13; it cannot be approved again',
        'expense.already_approved',
      );
    given([claimed, rejected])
      .when(approve())
      .thenRefuses(
        'conflict',
        'expense claim x-4 was rejected by amy.approver on 2026-03-13 (No receipt); it cannot be approved: record a new claim if it is now due',
        'expense.already_rejected',
      );
    given([claimed, approved, paid])
      .when(reject())
      .thenRefuses(
        'conflict',
        'expense claim x-4 is already paid (paid by pat.payer on 2026-03-14); a second payment needs a new claim',
        'expense.already_paid',
      );
    given([claimed]).when(reject(' ')).thenRefuses('rule', 'rejecting claim x-4 needs a reason the claimant can be given', 'expense.reason_missing');
  });

  it('refuses the recorder, the claimant, or an account linked to the claimant deciding on the claim', () => {
    given([claimed])
      .when(approve('rita.recorder'))
      .thenRefuses('forbidden', 'segregation of duties: rita.recorder recorded claim x-4 and cannot approve it', 'expense.segregation_of_duties');
    given([claimed])
      .when(approve('p-5'))
      .thenRefuses('forbidden', 'segregation of duties: p-5 is the claimant on claim x-4 and cannot approve it', 'expense.segregation_of_duties');
    given([claimed])
      .when(approve('sam.staff', 'p-5'))
      .thenRefuses(
        'forbidden',
        'segregation of duties: sam.staff is the claimant on claim x-4 (their account is linked to participant p-5) and cannot approve it',
        'expense.segregation_of_duties',
      );
    given([claimed])
      .when(approve('sam.staff', 'p-6'))
      .then([{ type: 'ExpenseApproved', data: { claimId: 'x-4', approvedOn: '2026-03-13', approvedBy: 'sam.staff' }, occurredAt: '2026-03-13' }]);
  });

  it('refuses paying a claim paid, unapproved or rejected, by its approver, of another amount, or by an unknown method', () => {
    given([claimed, approved, paid])
      .when(pay())
      .thenRefuses('conflict', /already paid \(paid by pat.payer on 2026-03-14\)/, 'expense.already_paid');
    given([claimed])
      .when(pay())
      .thenRefuses(
        'conflict',
        'expense claim x-4 has not been approved; it must be approved by someone else before it is paid',
        'expense.not_approved',
      );
    given([claimed, rejected])
      .when(pay())
      .thenRefuses('conflict', 'expense claim x-4 was rejected by amy.approver on 2026-03-13 (No receipt) and cannot be paid', 'expense.rejected');
    given([claimed, approved])
      .when(pay({}, 'amy.approver'))
      .thenRefuses(
        'forbidden',
        'segregation of duties: amy.approver approved claim x-4 on 2026-03-13 and cannot also pay it; a second person pays',
        'expense.segregation_of_duties',
      );
    given([claimed, approved])
      .when(pay({}, 'rita.recorder'))
      .thenRefuses('forbidden', /rita.recorder recorded claim x-4 and cannot pay it/, 'expense.segregation_of_duties');
    given([claimed, approved])
      .when(pay({ amountPence: 1300 }))
      .thenRefuses('rule', /^payment of 1300 pence differs from the 1250 pence approved on claim x-4/, 'expense.amount_differs');
    given([claimed, approved])
      .when(pay({ method: 'bitcoin' }))
      .thenRefuses('rule', 'payment method "bitcoin" is not one of bank_transfer, cash, voucher, other', 'expense.method_unknown');
    given([claimed, approved])
      .when(pay({ paidOn: 'today' }))
      .thenRefuses('rule', /^paidOn "today"/, 'value.not_a_date');
  });

  it('refuses withdrawing an approval that is paid, missing, or without a reason', () => {
    given([claimed, approved, paid])
      .when(withdraw())
      .thenRefuses(
        'conflict',
        'expense claim x-4 was paid by pat.payer on 2026-03-14; reverse the payment (ReverseExpensePayment) before withdrawing its approval',
        'expense.already_paid',
      );
    given([claimed])
      .when(withdraw())
      .thenRefuses('conflict', 'expense claim x-4 is claimed, not approved; there is no approval to withdraw', 'expense.not_approved');
    given([claimed, approved])
      .when(withdraw(' '))
      .thenRefuses('rule', 'withdrawing the approval of claim x-4 needs a reason', 'expense.reason_missing');
    given([claimed, approved])
      .when(withdraw('x', 'rita.recorder'))
      .thenRefuses('forbidden', /rita.recorder recorded claim x-4 and cannot withdraw the approval of it/, 'expense.segregation_of_duties');
  });

  it('refuses reversing a payment never made, by whoever paid it, or without a reason', () => {
    given([claimed, approved])
      .when(reverse())
      .thenRefuses('conflict', 'expense claim x-4 is approved, not paid; there is no payment to reverse', 'expense.not_paid');
    given([claimed, approved, paid])
      .when(reverse('x', 'pat.payer'))
      .thenRefuses(
        'forbidden',
        'segregation of duties: pat.payer paid claim x-4 and cannot also reverse that payment; a second person with the pay_expenses permission does',
        'expense.segregation_of_duties',
      );
    given([claimed, approved, paid])
      .when(reverse(' '))
      .thenRefuses('rule', 'reversing the payment of claim x-4 needs a reason', 'expense.reason_missing');
  });

  it('keeps each claim in its own stream, named expense-<id>', () => {
    expect(streamName(expenseDecider, expenseDecider.streamIdOf(approve()))).toBe('expense-x-4');
  });
});
