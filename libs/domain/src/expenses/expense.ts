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

export type ExpenseEvent = ExpenseClaimed | ExpenseClaimAmended | ExpenseApproved | ExpenseRejected | ExpensePaid;

type Claim = { claimId: string; projectId: string; participantId: string; amountPence: number; recordedBy: string };

export type ExpenseState =
  | { status: 'unclaimed' }
  | ({ status: 'claimed' } & Claim)
  | ({ status: 'approved'; approvedBy: string; approvedOn: string } & Claim)
  | ({ status: 'rejected'; rejectedBy: string; rejectedOn: string; reason: string } & Claim)
  | ({ status: 'paid'; paidBy: string; paidOn: string } & Claim);

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
      return { ...claim, status: 'paid', paidBy: event.data.paidBy, paidOn: event.data.paidOn };
    default: {
      // Events this aggregate does not know (a correction sharing the stream) leave it unchanged.
      const ignored: never = event;
      void ignored;
      return state;
    }
  }
}
