import { Fact, FactFold } from '../core/fact';
import { ExpenseEvent } from './expense';

export interface ExpenseFact {
  claimId: string;
  participantId: string;
  category: string;
  amountPence: number;
  status: 'claimed' | 'approved' | 'rejected' | 'paid';
  /** Net of reversals: what the participant was paid and kept. */
  paidPence: number;
  /** Paid and then reversed by a compensating entry; never subtracted from a rewritten amount. */
  reversedPence: number;
  /** Compensating entries recorded on the claim: approvals withdrawn and payments reversed. */
  approvalsWithdrawn: number;
  paymentsReversed: number;
  eventIds: string[];
}

export interface ExpenseFacts {
  expenses: Map<string, ExpenseFact>;
}

export const expenseFacts: FactFold<ExpenseEvent, ExpenseFacts> = {
  empty: () => ({ expenses: new Map() }),
  eventTypes: {
    ExpenseClaimed: true,
    ExpenseClaimAmended: true,
    ExpenseApproved: true,
    ExpenseRejected: true,
    ExpensePaid: true,
    ExpenseApprovalWithdrawn: true,
    ExpensePaymentReversed: true,
  },
  apply(f: ExpenseFacts, e: Fact<ExpenseEvent>): void {
    if (e.type === 'ExpenseClaimed') {
      const { claimId, participantId, category, amountPence } = e.data;
      f.expenses.set(claimId, {
        claimId,
        participantId,
        category,
        amountPence,
        status: 'claimed',
        paidPence: 0,
        reversedPence: 0,
        approvalsWithdrawn: 0,
        paymentsReversed: 0,
        eventIds: [e.eventId],
      });
      return;
    }
    const claim = f.expenses.get(e.data.claimId);
    if (!claim) return;
    claim.eventIds.push(e.eventId);
    switch (e.type) {
      case 'ExpenseClaimAmended':
        claim.amountPence = e.data.amountPence;
        claim.category = e.data.category;
        return;
      case 'ExpenseApproved':
        claim.status = 'approved';
        return;
      case 'ExpenseRejected':
        claim.status = 'rejected';
        return;
      case 'ExpensePaid':
        claim.status = 'paid';
        claim.paidPence += e.data.amountPence;
        return;
      case 'ExpenseApprovalWithdrawn':
        claim.status = 'claimed';
        claim.approvalsWithdrawn += 1;
        return;
      case 'ExpensePaymentReversed':
        claim.status = 'approved';
        claim.paidPence -= e.data.amountPence;
        claim.reversedPence += e.data.amountPence;
        claim.paymentsReversed += 1;
        return;
      default: {
        const unexpected: never = e;
        void unexpected;
      }
    }
  },
};
