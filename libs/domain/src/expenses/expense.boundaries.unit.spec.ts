import { command, spec } from '../core/spec';
import { ExpenseApproved, ExpenseClaimed, ExpenseEvent, ExpensePaid, ExpensePaymentReversed } from './expense';
import { ClaimExpense, ExpenseCommand } from './expense.decide';
import { expenseDecider } from './expense.decider';

const given = (events: ExpenseEvent[]) => spec(expenseDecider).given(events);

const claim: ClaimExpense['data'] = {
  claimId: 'x-1',
  projectId: 'p1',
  participantId: 'r-1',
  activityId: 'a-1',
  category: 'care_cover',
  amountPence: 4000,
  description: 'Childminder for the workshop',
  claimedOn: '2026-04-02',
};
const claimed: ExpenseClaimed = { type: 'ExpenseClaimed', data: { ...claim, recordedBy: 'rita.recorder' } };
const approved: ExpenseApproved = { type: 'ExpenseApproved', data: { claimId: 'x-1', approvedBy: 'amy.approver', approvedOn: '2026-04-03' } };
const paid: ExpensePaid = {
  type: 'ExpensePaid',
  data: { claimId: 'x-1', projectId: 'p1', paidBy: 'pat.payer', paidOn: '2026-04-04', amountPence: 4000, method: 'bank_transfer', reference: null },
};
const reversed: ExpensePaymentReversed = {
  type: 'ExpensePaymentReversed',
  data: { claimId: 'x-1', projectId: 'p1', reversedBy: 'paula.payer', reversedOn: '2026-04-05', amountPence: 4000, reason: 'Bounced' },
};

const as = (id: string) => ({ actor: { id, role: 'finance' } });
const approve = (approvedOn: string) => command<ExpenseCommand>('ApproveExpense', { claimId: 'x-1', approvedOn }, as('amy.approver'));
const reject = (rejectedOn: string) =>
  command<ExpenseCommand>('RejectExpense', { claimId: 'x-1', rejectedOn, reason: 'No receipt' }, as('amy.approver'));
const withdraw = (withdrawnOn: string) =>
  command<ExpenseCommand>('WithdrawExpenseApproval', { claimId: 'x-1', withdrawnOn, reason: 'In error' }, as('amy.approver'));
const reverse = (reversedOn: string, actor = 'paula.payer') =>
  command<ExpenseCommand>('ReverseExpensePayment', { claimId: 'x-1', reversedOn, reason: 'Bounced' }, as(actor));
const amend = (category: string) =>
  command<ExpenseCommand>('AmendExpenseClaim', {
    claimId: 'x-1',
    amountPence: 4200,
    category,
    description: 'Childminder',
    reason: 'Receipt',
  } as never);

describe('expense claim: the state its rules read', () => {
  it('brings no claim into being from a decision on it without the claim', () => {
    expect(given([approved]).state).toEqual({ status: 'unclaimed' });
    given([approved]).when(approve('2026-04-03')).thenRefuses('not_found', /x-1/, 'expense.not_found');
  });

  it('leaves a claim as it was when a payment or reversal reaches it out of turn', () => {
    const claimState = { status: 'claimed', claimId: 'x-1', projectId: 'p1', participantId: 'r-1', amountPence: 4000, recordedBy: 'rita.recorder' };
    expect(given([claimed, paid]).state).toEqual(claimState);
    expect(given([claimed, reversed]).state).toEqual(claimState);
    expect(given([claimed, approved, paid, reversed]).state).toEqual({
      ...claimState,
      status: 'approved',
      approvedBy: 'amy.approver',
      approvedOn: '2026-04-03',
    });
  });
});

describe('expense claim: the field a refusal names', () => {
  it.each([
    ['approvedOn', [claimed], approve('2026-04-31')],
    ['rejectedOn', [claimed], reject('2026-02-29')],
    ['withdrawnOn', [claimed, approved], withdraw('04/05/2026')],
    ['reversedOn', [claimed, approved, paid], reverse('2026-00-10')],
  ] as const)('names %s when it is not a real date', (field, history, cmd) => {
    given([...history])
      .when(cmd)
      .thenRefuses('rule', new RegExp(`^${field} ".*" is not a real calendar date`), 'value.not_a_date');
  });

  it('names the category of an amended claim that is not one of the categories', () => {
    given([claimed]).when(amend('lunch')).thenRefuses('rule', 'category "lunch" is not one of travel, care_cover', 'value.not_allowed');
  });

  it('says what the person who recorded a claim cannot do when they try to reverse its payment', () => {
    given([claimed, approved, paid])
      .when(reverse('2026-04-05', 'rita.recorder'))
      .thenRefuses(
        'forbidden',
        'segregation of duties: rita.recorder recorded claim x-1 and cannot reverse the payment of it',
        'expense.segregation_of_duties',
      );
  });
});

describe('expense claim: the records a claim names, which must exist', () => {
  it('names the project, the claimant and the session the claim is for, and no session when it names none', () => {
    const references = expenseDecider.references!.ClaimExpense!;
    expect(references(claim)).toEqual([
      { aggregate: 'project', id: 'p1' },
      { aggregate: 'participant', id: 'r-1' },
      { aggregate: 'activity', id: 'a-1' },
    ]);
    expect(references({ ...claim, activityId: null })).toEqual([
      { aggregate: 'project', id: 'p1' },
      { aggregate: 'participant', id: 'r-1' },
    ]);
  });
});
