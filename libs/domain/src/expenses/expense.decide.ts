import { Command } from '../core/event';
import { conflict, forbidden, notFound, ruleBroken } from '../core/errors';
import { ExpenseCategory } from '../core/vocabulary';
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

export type ExpenseCommand = ClaimExpense | AmendExpenseClaim | ApproveExpense | RejectExpense | PayExpense;

/** £10,000: no participant expense comes near it, so a bigger figure is almost always pounds typed as pence. */
const LARGEST_CLAIM_PENCE = 1_000_000;

type Claimed = Exclude<ExpenseState, { status: 'unclaimed' }>;

export function decideExpense(command: ExpenseCommand, state: ExpenseState): ExpenseEvent[] {
  if (command.type === 'ClaimExpense') return claim(command, state);
  const expense = existingClaim(state, command.data.claimId);
  const actor = command.metadata.actor.id;
  switch (command.type) {
    case 'AmendExpenseClaim':
      return amend(command, expense);
    case 'ApproveExpense':
      undecided(expense, 'approved');
      segregated(expense, actor, 'approve');
      return [{ type: 'ExpenseApproved', data: { ...command.data, approvedBy: actor }, occurredAt: command.data.approvedOn }];
    case 'RejectExpense':
      undecided(expense, 'rejected');
      segregated(expense, actor, 'reject');
      requireText(command.data.reason, 'expense.reason_missing', `rejecting claim ${expense.claimId} needs a reason the claimant can be given`);
      return [{ type: 'ExpenseRejected', data: { ...command.data, rejectedBy: actor }, occurredAt: command.data.rejectedOn }];
    case 'PayExpense':
      return pay(command, expense, actor);
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

function segregated(expense: Claimed, actor: string, act: 'approve' | 'reject' | 'pay'): void {
  if (actor === expense.recordedBy) {
    throw forbidden('expense.segregation_of_duties', `segregation of duties: ${actor} recorded claim ${expense.claimId} and cannot ${act} it`);
  }
  if (actor === expense.participantId) {
    throw forbidden('expense.segregation_of_duties', `segregation of duties: ${actor} is the claimant on claim ${expense.claimId} and cannot ${act} it`);
  }
}

function claim(command: ClaimExpense, state: ExpenseState): ExpenseEvent[] {
  if (state.status !== 'unclaimed') {
    throw conflict('expense.already_claimed', `expense claim ${command.data.claimId} already exists (${pounds(state.amountPence)}); amend it or use a new claim id`);
  }
  checkAmount(command.data.amountPence);
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
      `expense claim ${expense.claimId} is ${expense.status} and can no longer be amended; correct the events or record a new claim`,
    );
  }
  checkAmount(command.data.amountPence);
  requireText(command.data.description, 'expense.description_missing', `expense claim ${expense.claimId} needs a description of what was spent`);
  requireText(command.data.reason, 'expense.reason_missing', `amending claim ${expense.claimId} needs a reason`);
  return [{ type: 'ExpenseClaimAmended', data: { ...command.data } }];
}

function pay(command: PayExpense, expense: Claimed, actor: string): ExpenseEvent[] {
  if (expense.status === 'paid') throw paidConflict(expense);
  if (expense.status === 'claimed') {
    throw conflict('expense.not_approved', `expense claim ${expense.claimId} has not been approved; it must be approved by someone else before it is paid`);
  }
  if (expense.status === 'rejected') {
    throw conflict('expense.rejected', `expense claim ${expense.claimId} was rejected by ${expense.rejectedBy} on ${expense.rejectedOn} (${expense.reason}) and cannot be paid`);
  }
  segregated(expense, actor, 'pay');
  if (command.data.amountPence !== expense.amountPence) {
    throw ruleBroken(
      'expense.amount_differs',
      `payment of ${command.data.amountPence} pence differs from the ${expense.amountPence} pence approved on claim ${expense.claimId}; pay the approved amount, or correct the claim first if that amount was wrong`,
    );
  }
  if (!(PAYMENT_METHODS as readonly string[]).includes(command.data.method)) {
    throw ruleBroken('expense.method_unknown', `payment method "${command.data.method}" is not one of ${PAYMENT_METHODS.join(', ')}`);
  }
  return [
    {
      type: 'ExpensePaid',
      data: { ...command.data, projectId: expense.projectId, paidBy: actor },
      occurredAt: command.data.paidOn,
    },
  ];
}
