import { Event } from '../core/event';
import { ExpenseCategory } from '../core/vocabulary';

export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'voucher', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** `recordedBy` is whoever entered the claim: segregation of duties keeps them from approving or paying it. */
export type ExpenseClaimed = Event<
  'ExpenseClaimed',
  {
    claimId: string;
    projectId: string;
    participantId: string;
    activityId: string | null;
    category: ExpenseCategory;
    amountPence: number;
    description: string;
    claimedOn: string;
    recordedBy: string;
  }
>;
export type ExpenseClaimAmended = Event<
  'ExpenseClaimAmended',
  { claimId: string; amountPence: number; category: ExpenseCategory; description: string; reason: string }
>;
export type ExpenseApproved = Event<'ExpenseApproved', { claimId: string; approvedBy: string; approvedOn: string }>;
export type ExpenseRejected = Event<'ExpenseRejected', { claimId: string; rejectedBy: string; rejectedOn: string; reason: string }>;
export type ExpensePaid = Event<
  'ExpensePaid',
  {
    claimId: string;
    projectId: string;
    paidBy: string;
    paidOn: string;
    amountPence: number;
    method: PaymentMethod;
    reference: string | null;
  }
>;

/** An approval given in error, withdrawn before payment: the claim waits for a decision again. */
export type ExpenseApprovalWithdrawn = Event<'ExpenseApprovalWithdrawn', { claimId: string; withdrawnBy: string; withdrawnOn: string; reason: string }>;
/**
 * A compensating entry: the payment did not go out, or its money came back. The amount paid is never
 * rewritten; the ledger shows the payment and its reversal, and the claim is approved and unpaid again.
 */
export type ExpensePaymentReversed = Event<
  'ExpensePaymentReversed',
  { claimId: string; projectId: string; reversedBy: string; reversedOn: string; amountPence: number; reason: string }
>;

export type ExpenseEvent =
  | ExpenseClaimed
  | ExpenseClaimAmended
  | ExpenseApproved
  | ExpenseRejected
  | ExpensePaid
  | ExpenseApprovalWithdrawn
  | ExpensePaymentReversed;

type Claim = { claimId: string; projectId: string; participantId: string; amountPence: number; recordedBy: string };
type Approval = { approvedBy: string; approvedOn: string };

export type ExpenseState =
  | { status: 'unclaimed' }
  | ({ status: 'claimed' } & Claim)
  | ({ status: 'approved' } & Approval & Claim)
  | ({ status: 'rejected'; rejectedBy: string; rejectedOn: string; reason: string } & Claim)
  | ({ status: 'paid'; paidBy: string; paidOn: string } & Approval & Claim);

export const initialExpenseState = (): ExpenseState => ({ status: 'unclaimed' });

export function evolveExpense(state: ExpenseState, event: ExpenseEvent): ExpenseState {
  if (event.type === 'ExpenseClaimed') {
    const { claimId, projectId, participantId, amountPence, recordedBy } = event.data;
    return { status: 'claimed', claimId, projectId, participantId, amountPence, recordedBy };
  }
  if (state.status === 'unclaimed') return state;
  const claim: Claim = {
    claimId: state.claimId,
    projectId: state.projectId,
    participantId: state.participantId,
    amountPence: state.amountPence,
    recordedBy: state.recordedBy,
  };
  switch (event.type) {
    case 'ExpenseClaimAmended':
      return { ...claim, status: 'claimed', amountPence: event.data.amountPence };
    case 'ExpenseApproved':
      return { ...claim, status: 'approved', approvedBy: event.data.approvedBy, approvedOn: event.data.approvedOn };
    case 'ExpenseRejected':
      return { ...claim, status: 'rejected', rejectedBy: event.data.rejectedBy, rejectedOn: event.data.rejectedOn, reason: event.data.reason };
    case 'ExpensePaid':
      if (state.status !== 'approved') return state;
      return { ...claim, status: 'paid', approvedBy: state.approvedBy, approvedOn: state.approvedOn, paidBy: event.data.paidBy, paidOn: event.data.paidOn };
    case 'ExpenseApprovalWithdrawn':
      return { ...claim, status: 'claimed' };
    case 'ExpensePaymentReversed':
      if (state.status !== 'paid') return state;
      return { ...claim, status: 'approved', approvedBy: state.approvedBy, approvedOn: state.approvedOn };
    default: {
      // Events this aggregate does not know (a correction sharing the stream) leave it unchanged.
      const ignored: never = event;
      void ignored;
      return state;
    }
  }
}
