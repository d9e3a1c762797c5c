import { Command, CommandMetadata } from '../core/event';
import { conflict, forbidden, notFound, requireCalendarDate, requireOneOf, ruleBroken } from '../core/errors';
import { EXPENSE_CATEGORIES, ExpenseCategory } from '../core/vocabulary';
import { ExpenseEvent, ExpenseState, PaymentMethod, PAYMENT_METHODS } from './expense';

export type ClaimExpense = Command<
  'ClaimExpense',
  {
    claimId: string;
    projectId: string;
    participantId: string;
    activityId: string | null;
    category: ExpenseCategory;
    amountPence: number;
    description: string;
    claimedOn: string;
  }
>;
export type AmendExpenseClaim = Command<
  'AmendExpenseClaim',
  { claimId: string; amountPence: number; category: ExpenseCategory; description: string; reason: string }
>;
export type ApproveExpense = Command<'ApproveExpense', { claimId: string; approvedOn: string }>;
export type RejectExpense = Command<'RejectExpense', { claimId: string; rejectedOn: string; reason: string }>;
export type PayExpense = Command<
  'PayExpense',
  { claimId: string; paidOn: string; amountPence: number; method: PaymentMethod; reference: string | null }
>;

export type WithdrawExpenseApproval = Command<'WithdrawExpenseApproval', { claimId: string; withdrawnOn: string; reason: string }>;
export type ReverseExpensePayment = Command<'ReverseExpensePayment', { claimId: string; reversedOn: string; reason: string }>;

export type ExpenseCommand =
  | ClaimExpense
  | AmendExpenseClaim
  | ApproveExpense
  | RejectExpense
  | PayExpense
  | WithdrawExpenseApproval
  | ReverseExpensePayment;

/** £10,000: no participant expense comes near it, so a bigger figure is almost always pounds typed as pence. */
const LARGEST_CLAIM_PENCE = 1_000_000;

type Claimed = Exclude<ExpenseState, { status: 'unclaimed' }>;

export function decideExpense(command: ExpenseCommand, state: ExpenseState): ExpenseEvent[] {
  if (command.type === 'ClaimExpense') return claim(command, state);
  const expense = existingClaim(state, command.data.claimId);
  const actor = command.metadata.actor;
  switch (command.type) {
    case 'AmendExpenseClaim':
      return amend(command, expense);
    case 'ApproveExpense':
      requireCalendarDate(command.data.approvedOn, 'approvedOn');
      undecided(expense, 'approved');
      segregated(expense, actor, 'approve');
      return [{ type: 'ExpenseApproved', data: { ...command.data, approvedBy: actor.id }, occurredAt: command.data.approvedOn }];
    case 'RejectExpense':
      requireCalendarDate(command.data.rejectedOn, 'rejectedOn');
      undecided(expense, 'rejected');
      segregated(expense, actor, 'reject');
      requireText(command.data.reason, 'expense.reason_missing', `rejecting claim ${expense.claimId} needs a reason the claimant can be given`);
      return [{ type: 'ExpenseRejected', data: { ...command.data, rejectedBy: actor.id }, occurredAt: command.data.rejectedOn }];
    case 'PayExpense':
      return pay(command, expense, actor);
    case 'WithdrawExpenseApproval':
      return withdrawApproval(command, expense, actor);
    case 'ReverseExpensePayment':
      return reversePayment(command, expense, actor);
    default: {
      const unexpected: never = command;
      throw new Error(`unknown expense command ${(unexpected as Command).type}`);
    }
  }
}

const pounds = (pence: number): string => `£${(pence / 100).toFixed(2)}`;

function existingClaim(state: ExpenseState, claimId: string): Claimed {
  if (state.status === 'unclaimed') {
    throw notFound('expense.not_found', `expense claim ${claimId} does not exist; record the claim first`);
  }
  return state;
}

function requireText(value: string, code: string, message: string): void {
  if (value.trim() === '') throw ruleBroken(code, message);
}

function checkAmount(amountPence: number): void {
  if (!Number.isInteger(amountPence) || amountPence < 1) {
    throw ruleBroken('expense.amount_invalid', `amountPence must be a whole number of pence, at least 1; got ${amountPence}`);
  }
  if (amountPence > LARGEST_CLAIM_PENCE) {
    throw ruleBroken(
      'expense.amount_too_large',
      `amountPence ${amountPence} is ${pounds(amountPence)}, over the ${pounds(LARGEST_CLAIM_PENCE)} limit for one claim: looks like pounds, not pence? Enter the amount in pence`,
    );
  }
}

function paidConflict(expense: Extract<ExpenseState, { status: 'paid' }>) {
  return conflict(
    'expense.already_paid',
    `expense claim ${expense.claimId} is already paid (paid by ${expense.paidBy} on ${expense.paidOn}); a second payment needs a new claim`,
  );
}

/** Approval and rejection are for claims still waiting for a decision. */
function undecided(expense: Claimed, wanted: 'approved' | 'rejected'): void {
  switch (expense.status) {
    case 'claimed':
      return;
    case 'approved':
      throw conflict('expense.already_approved', `expense claim ${expense.claimId} was already approved by ${expense.approvedBy} on ${expense.approvedOn}; it cannot be ${wanted} again`);
    case 'rejected':
      throw conflict(
        'expense.already_rejected',
        `expense claim ${expense.claimId} was rejected by ${expense.rejectedBy} on ${expense.rejectedOn} (${expense.reason}); it cannot be ${wanted}: record a new claim if it is now due`,
      );
    case 'paid':
      throw paidConflict(expense);
  }
}

type Actor = CommandMetadata['actor'];

/**
 * Nobody decides on or moves money for a claim they made or recorded. The claimant is a participant;
 * a staff member is recognised as one through the participant record their account is linked to.
 */
function segregated(expense: Claimed, actor: Actor, act: string): void {
  if (actor.id === expense.recordedBy) {
    throw forbidden('expense.segregation_of_duties', `segregation of duties: ${actor.id} recorded claim ${expense.claimId} and cannot ${act} it`);
  }
  if (actor.participantId === expense.participantId || actor.id === expense.participantId) {
    throw forbidden(
      'expense.segregation_of_duties',
      `segregation of duties: ${actor.id} is the claimant on claim ${expense.claimId}${actor.id === expense.participantId ? '' : ` (their account is linked to participant ${expense.participantId})`} and cannot ${act} it`,
    );
  }
}

function claim(command: ClaimExpense, state: ExpenseState): ExpenseEvent[] {
  if (state.status !== 'unclaimed') {
    throw conflict('expense.already_claimed', `expense claim ${command.data.claimId} already exists (${pounds(state.amountPence)}); amend it or use a new claim id`);
  }
  checkAmount(command.data.amountPence);
  requireOneOf(command.data.category, EXPENSE_CATEGORIES, 'category');
  requireCalendarDate(command.data.claimedOn, 'claimedOn');
  requireText(command.data.description, 'expense.description_missing', `expense claim ${command.data.claimId} needs a description of what was spent`);
  return [
    {
      type: 'ExpenseClaimed',
      data: { ...command.data, recordedBy: command.metadata.actor.id },
      occurredAt: command.data.claimedOn,
    },
  ];
}

function amend(command: AmendExpenseClaim, expense: Claimed): ExpenseEvent[] {
  if (expense.status !== 'claimed') {
    throw conflict(
      'expense.already_decided',
      `expense claim ${expense.claimId} is ${expense.status} and can no longer be amended: withdraw its approval first (WithdrawExpenseApproval, after reversing any payment), or record a new claim`,
    );
  }
  checkAmount(command.data.amountPence);
  requireOneOf(command.data.category, EXPENSE_CATEGORIES, 'category');
  requireText(command.data.description, 'expense.description_missing', `expense claim ${expense.claimId} needs a description of what was spent`);
  requireText(command.data.reason, 'expense.reason_missing', `amending claim ${expense.claimId} needs a reason`);
  return [{ type: 'ExpenseClaimAmended', data: { ...command.data } }];
}

function pay(command: PayExpense, expense: Claimed, actor: Actor): ExpenseEvent[] {
  if (expense.status === 'paid') throw paidConflict(expense);
  if (expense.status === 'claimed') {
    throw conflict('expense.not_approved', `expense claim ${expense.claimId} has not been approved; it must be approved by someone else before it is paid`);
  }
  if (expense.status === 'rejected') {
    throw conflict('expense.rejected', `expense claim ${expense.claimId} was rejected by ${expense.rejectedBy} on ${expense.rejectedOn} (${expense.reason}) and cannot be paid`);
  }
  segregated(expense, actor, 'pay');
  if (actor.id === expense.approvedBy) {
    throw forbidden(
      'expense.segregation_of_duties',
      `segregation of duties: ${actor.id} approved claim ${expense.claimId} on ${expense.approvedOn} and cannot also pay it; a second person pays`,
    );
  }
  if (command.data.amountPence !== expense.amountPence) {
    throw ruleBroken(
      'expense.amount_differs',
      `payment of ${command.data.amountPence} pence differs from the ${expense.amountPence} pence approved on claim ${expense.claimId}; pay the approved amount, or withdraw the approval and amend the claim if that amount was wrong`,
    );
  }
  requireCalendarDate(command.data.paidOn, 'paidOn');
  if (!(PAYMENT_METHODS as readonly string[]).includes(command.data.method)) {
    throw ruleBroken('expense.method_unknown', `payment method "${command.data.method}" is not one of ${PAYMENT_METHODS.join(', ')}`);
  }
  return [
    {
      type: 'ExpensePaid',
      data: { ...command.data, projectId: expense.projectId, paidBy: actor.id },
      occurredAt: command.data.paidOn,
    },
  ];
}

function withdrawApproval(command: WithdrawExpenseApproval, expense: Claimed, actor: Actor): ExpenseEvent[] {
  if (expense.status === 'paid') {
    throw conflict(
      'expense.already_paid',
      `expense claim ${expense.claimId} was paid by ${expense.paidBy} on ${expense.paidOn}; reverse the payment (ReverseExpensePayment) before withdrawing its approval`,
    );
  }
  if (expense.status !== 'approved') {
    throw conflict('expense.not_approved', `expense claim ${expense.claimId} is ${expense.status}, not approved; there is no approval to withdraw`);
  }
  segregated(expense, actor, 'withdraw the approval of');
  requireCalendarDate(command.data.withdrawnOn, 'withdrawnOn');
  requireText(command.data.reason, 'expense.reason_missing', `withdrawing the approval of claim ${expense.claimId} needs a reason`);
  return [{ type: 'ExpenseApprovalWithdrawn', data: { ...command.data, withdrawnBy: actor.id }, occurredAt: command.data.withdrawnOn }];
}

function reversePayment(command: ReverseExpensePayment, expense: Claimed, actor: Actor): ExpenseEvent[] {
  if (expense.status !== 'paid') {
    throw conflict('expense.not_paid', `expense claim ${expense.claimId} is ${expense.status}, not paid; there is no payment to reverse`);
  }
  segregated(expense, actor, 'reverse the payment of');
  requireCalendarDate(command.data.reversedOn, 'reversedOn');
  if (actor.id === expense.paidBy) {
    throw forbidden(
      'expense.segregation_of_duties',
      `segregation of duties: ${actor.id} paid claim ${expense.claimId} and cannot also reverse that payment; a second person with the pay_expenses permission does`,
    );
  }
  requireText(command.data.reason, 'expense.reason_missing', `reversing the payment of claim ${expense.claimId} needs a reason`);
  return [
    {
      type: 'ExpensePaymentReversed',
      data: { ...command.data, projectId: expense.projectId, reversedBy: actor.id, amountPence: expense.amountPence },
      occurredAt: command.data.reversedOn,
    },
  ];
}
