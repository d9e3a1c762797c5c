import { CommandMetadata } from '../core/event';
import { command, spec } from '../core/spec';
import { ExpenseApproved, ExpenseClaimed, ExpenseEvent, ExpensePaid, ExpenseRejected } from './expense';
import { ExpenseCommand } from './expense.decide';
import { expenseDecider } from './expense.decider';

const given = (events: ExpenseEvent[]) => spec(expenseDecider).given(events);
const as = (id: string): Partial<CommandMetadata> => ({ actor: { id, role: 'finance_officer' } });

const claim = {
  claimId: 'e-17',
  projectId: 'p1',
  participantId: 'p-3',
  activityId: 'a-1',
  category: 'travel',
  amountPence: 1240,
  description: 'Bus fare to the workshop and back',
  claimedOn: '2026-03-11',
} as const;
const claimed: ExpenseClaimed = { type: 'ExpenseClaimed', data: { ...claim, recordedBy: 'j.smith' } };
const approved: ExpenseApproved = { type: 'ExpenseApproved', data: { claimId: 'e-17', approvedBy: 'a.khan', approvedOn: '2026-03-12' } };
const rejected: ExpenseRejected = {
  type: 'ExpenseRejected',
  data: { claimId: 'e-17', rejectedBy: 'a.khan', rejectedOn: '2026-03-12', reason: 'Already claimed on e-16' },
};
const paid: ExpensePaid = {
  type: 'ExpensePaid',
  data: { claimId: 'e-17', projectId: 'p1', paidBy: 'j.smith', paidOn: '2026-03-02', amountPence: 1240, method: 'bank_transfer', reference: 'BACS-88' },
};
const payment = { claimId: 'e-17', paidOn: '2026-03-14', amountPence: 1240, method: 'cash', reference: null } as const;
const approve = (actor = 'a.khan') => command<ExpenseCommand>('ApproveExpense', { claimId: 'e-17', approvedOn: '2026-03-12' }, as(actor));
const reject = (actor = 'a.khan', reason = 'Already claimed on e-16') =>
  command<ExpenseCommand>('RejectExpense', { claimId: 'e-17', rejectedOn: '2026-03-12', reason }, as(actor));
const pay = (actor = 'b.patel', amountPence = 1240) => command<ExpenseCommand>('PayExpense', { ...payment, amountPence }, as(actor));
const amend = (amountPence = 1500, reason = 'Return fare, not single') =>
  command<ExpenseCommand>('AmendExpenseClaim', { claimId: 'e-17', amountPence, category: 'travel', description: 'Return bus fare', reason });

describe('expense claim', () => {
  describe('claiming', () => {
    it('records a claim in pence, dated when claimed, with who recorded it', () => {
      given([]).when(command<ExpenseCommand>('ClaimExpense', claim, as('j.smith'))).then([{ ...claimed, occurredAt: '2026-03-11' }]);
    });

    it.each([0, -100, 12.4])('refuses %p pence', (amountPence) => {
      given([])
        .when(command<ExpenseCommand>('ClaimExpense', { ...claim, amountPence }))
        .thenRefuses('rule', new RegExp(`whole number of pence, at least 1; got ${amountPence}`));
    });

    it('accepts a claim of a single penny, the smallest amount', () => {
      expect(expenseDecider.decide(command<ExpenseCommand>('ClaimExpense', { ...claim, amountPence: 1 }), given([]).state)).toHaveLength(1);
    });

    it('refuses more than £10,000 as probably pounds typed as pence', () => {
      expect(expenseDecider.decide(command<ExpenseCommand>('ClaimExpense', { ...claim, amountPence: 1_000_000 }), given([]).state)).toHaveLength(1);
      given([])
        .when(command<ExpenseCommand>('ClaimExpense', { ...claim, amountPence: 1_000_001 }))
        .thenRefuses('rule', /1000001 is £10000.01, over the £10000.00 limit.*looks like pounds, not pence/);
    });

    it('refuses a second claim with the same id, or one without a description', () => {
      given([claimed]).when(command<ExpenseCommand>('ClaimExpense', claim)).thenRefuses('conflict', /claim e-17 already exists \(£12.40\)/);
      given([]).when(command<ExpenseCommand>('ClaimExpense', { ...claim, description: '' })).thenRefuses('rule', /e-17 needs a description/);
    });

    it('refuses anything on a claim that does not exist', () => {
      given([]).when(approve()).thenRefuses('not_found', /expense claim e-17 does not exist/);
    });
  });

  describe('amending', () => {
    it('amends a claim still waiting for a decision, and a later payment must match the new amount', () => {
      given([claimed])
        .when(amend())
        .then([{ type: 'ExpenseClaimAmended', data: { claimId: 'e-17', amountPence: 1500, category: 'travel', description: 'Return bus fare', reason: 'Return fare, not single' } }]);
      const amended: ExpenseEvent = { type: 'ExpenseClaimAmended', data: { claimId: 'e-17', amountPence: 1500, category: 'travel', description: 'x', reason: 'y' } };
      given([claimed, amended, approved]).when(pay('b.patel', 1240)).thenRefuses('rule', /1240 pence differs from the 1500 pence approved/);
    });

    it('refuses an amendment after a decision, without a reason, or with a bad amount', () => {
      given([claimed, approved]).when(amend()).thenRefuses('conflict', /e-17 is approved and can no longer be amended/);
      given([claimed]).when(amend(1500, '')).thenRefuses('rule', /amending claim e-17 needs a reason/);
      given([claimed]).when(amend(15.5)).thenRefuses('rule', /got 15.5/);
    });
  });

  describe('approving and rejecting', () => {
    it('approves a claim by someone other than who recorded it', () => {
      given([claimed]).when(approve()).then([{ ...approved, occurredAt: '2026-03-12' }]);
    });

    it('refuses approval by the person who recorded the claim, or by the claimant', () => {
      given([claimed]).when(approve('j.smith')).thenRefuses('forbidden', 'segregation of duties: j.smith recorded claim e-17 and cannot approve it');
      given([claimed]).when(approve('p-3')).thenRefuses('forbidden', /p-3 is the claimant on claim e-17 and cannot approve it/);
    });

    it('refuses approving twice, approving a rejected claim, or approving a paid one', () => {
      given([claimed, approved]).when(approve('b.patel')).thenRefuses('conflict', /already approved by a.khan on 2026-03-12/);
      given([claimed, rejected]).when(approve('b.patel')).thenRefuses('conflict', /was rejected by a.khan on 2026-03-12 \(Already claimed on e-16\); it cannot be approved/);
      given([claimed, approved, paid]).when(approve('b.patel')).thenRefuses('conflict', /already paid/);
    });

    it('rejects a claim with a reason', () => {
      given([claimed]).when(reject()).then([{ ...rejected, occurredAt: '2026-03-12' }]);
    });

    it('refuses rejection without a reason, by the recorder, or after a decision', () => {
      given([claimed]).when(reject('a.khan', ' ')).thenRefuses('rule', /rejecting claim e-17 needs a reason/);
      given([claimed]).when(reject('j.smith')).thenRefuses('forbidden', /j.smith recorded claim e-17 and cannot reject it/);
      given([claimed, rejected]).when(reject('b.patel')).thenRefuses('conflict', /it cannot be rejected/);
      given([claimed, approved]).when(reject('b.patel')).thenRefuses('conflict', /already approved/);
    });
  });

  describe('paying', () => {
    it('pays the approved amount, dated when paid, with who paid it', () => {
      given([claimed, approved])
        .when(pay())
        .then([{ type: 'ExpensePaid', data: { ...payment, projectId: 'p1', paidBy: 'b.patel' }, occurredAt: '2026-03-14' }]);
    });

    it('refuses payment before approval, or of a rejected claim', () => {
      given([claimed]).when(pay()).thenRefuses('conflict', /e-17 has not been approved/);
      given([claimed, rejected]).when(pay()).thenRefuses('conflict', /was rejected .* and cannot be paid/);
    });

    it('refuses a second payment', () => {
      given([claimed, approved, paid])
        .when(pay())
        .thenRefuses('conflict', 'expense claim e-17 is already paid (paid by j.smith on 2026-03-02); a second payment needs a new claim');
    });

    it('refuses payment by the recorder or the claimant', () => {
      given([claimed, approved]).when(pay('j.smith')).thenRefuses('forbidden', /j.smith recorded claim e-17 and cannot pay it/);
      given([claimed, approved]).when(pay('p-3')).thenRefuses('forbidden', /p-3 is the claimant/);
    });

    it('refuses a payment that differs from the approved amount, or an unknown method', () => {
      given([claimed, approved]).when(pay('b.patel', 1000)).thenRefuses('rule', /payment of 1000 pence differs from the 1240 pence approved on claim e-17/);
      given([claimed, approved])
        .when(command<ExpenseCommand>('PayExpense', { ...payment, method: 'cheque' } as never, as('b.patel')))
        .thenRefuses('rule', /payment method "cheque" is not one of bank_transfer/);
    });
  });

  describe('segregation of duties', () => {
    const staff = (id: string, participantId?: string): Partial<CommandMetadata> => ({ actor: { id, role: 'finance_officer', ...(participantId ? { participantId } : {}) } });

    it('refuses payment by whoever approved the claim: a second person pays', () => {
      given([claimed, approved]).when(pay('a.khan')).thenRefuses('forbidden', /a.khan approved claim e-17 on 2026-03-12 and cannot also pay it/);
    });

    it('recognises a staff member as the claimant through the participant record their account is linked to', () => {
      given([claimed])
        .when(command<ExpenseCommand>('ApproveExpense', { claimId: 'e-17', approvedOn: '2026-03-12' }, staff('m.jones', 'p-3')))
        .thenRefuses('forbidden', /m.jones is the claimant on claim e-17 \(their account is linked to participant p-3\) and cannot approve it/);
      given([claimed, approved])
        .when(command<ExpenseCommand>('PayExpense', payment, staff('m.jones', 'p-3')))
        .thenRefuses('forbidden', /m.jones is the claimant/);
      expect(expenseDecider.decide(command<ExpenseCommand>('ApproveExpense', { claimId: 'e-17', approvedOn: '2026-03-12' }, staff('m.jones', 'p-4')), given([claimed]).state)).toHaveLength(1);
    });
  });

  describe('compensating entries', () => {
    const paidByPatel: ExpensePaid = { ...paid, data: { ...paid.data, paidBy: 'b.patel' } };
    const reverse = (actor: string, reason = 'Bank transfer returned: account closed') =>
      command<ExpenseCommand>('ReverseExpensePayment', { claimId: 'e-17', reversedOn: '2026-03-20', reason }, as(actor));
    const withdraw = (actor: string, reason = 'Receipt shows a single fare') =>
      command<ExpenseCommand>('WithdrawExpenseApproval', { claimId: 'e-17', withdrawnOn: '2026-03-13', reason }, as(actor));

    it('reverses a payment by a second person, for the amount paid, leaving the claim approved and unpaid', () => {
      given([claimed, approved, paidByPatel])
        .when(reverse('c.wu'))
        .then([
          {
            type: 'ExpensePaymentReversed',
            data: { claimId: 'e-17', projectId: 'p1', reversedOn: '2026-03-20', reason: 'Bank transfer returned: account closed', reversedBy: 'c.wu', amountPence: 1240 },
            occurredAt: '2026-03-20',
          },
        ]);
      const reversed = expenseDecider.decide(reverse('c.wu'), given([claimed, approved, paidByPatel]).state)[0];
      expect(given([claimed, approved, paidByPatel, reversed]).state).toMatchObject({ status: 'approved', approvedBy: 'a.khan' });
      expect(expenseDecider.decide(pay('d.osei'), given([claimed, approved, paidByPatel, reversed]).state)).toHaveLength(1);
    });

    it('refuses a reversal by whoever paid, of an unpaid claim, or without a reason', () => {
      given([claimed, approved, paidByPatel]).when(reverse('b.patel')).thenRefuses('forbidden', /b.patel paid claim e-17 and cannot also reverse that payment/);
      given([claimed, approved]).when(reverse('c.wu')).thenRefuses('conflict', /is approved, not paid; there is no payment to reverse/);
      given([claimed, approved, paidByPatel]).when(reverse('c.wu', ' ')).thenRefuses('rule', /needs a reason/);
      given([claimed, approved, paidByPatel]).when(reverse('j.smith')).thenRefuses('forbidden', /j.smith recorded claim e-17/);
    });

    it('withdraws an approval before payment, so the claim can be amended and approved again', () => {
      const state = given([claimed, approved, { type: 'ExpenseApprovalWithdrawn', data: { claimId: 'e-17', withdrawnBy: 'a.khan', withdrawnOn: '2026-03-13', reason: 'x' } }]).state;
      expect(state).toMatchObject({ status: 'claimed' });
      expect(expenseDecider.decide(amend(620, 'Single fare'), state)).toHaveLength(1);
      given([claimed, approved]).when(withdraw('a.khan')).then([
        { type: 'ExpenseApprovalWithdrawn', data: { claimId: 'e-17', withdrawnOn: '2026-03-13', reason: 'Receipt shows a single fare', withdrawnBy: 'a.khan' }, occurredAt: '2026-03-13' },
      ]);
    });

    it('refuses withdrawing the approval of a paid claim (reverse the payment first), or of an unapproved one', () => {
      given([claimed, approved, paidByPatel]).when(withdraw('a.khan')).thenRefuses('conflict', /reverse the payment \(ReverseExpensePayment\) before withdrawing its approval/);
      given([claimed]).when(withdraw('a.khan')).thenRefuses('conflict', /there is no approval to withdraw/);
      given([claimed, approved]).when(withdraw('j.smith')).thenRefuses('forbidden', /j.smith recorded claim e-17/);
    });
  });
});
