import { decideExpense, DomainError, ExpenseCommand } from '@coprod/domain';
import { can, Permission } from '@coprod/privacy';
import { RequestActor } from '../../../api/src/http/request-actor';
import { ExpenseClaim } from './expense-claims';
import { dateWords } from './page-words';

/** What a person can do to a claim from its page. */
export const EXPENSE_ACTS = ['approve', 'reject', 'pay', 'withdraw', 'reverse'] as const;
export type ExpenseAct = (typeof EXPENSE_ACTS)[number];

/**
 * Where a person stands on one act: `open` (the button is shown), `barred` (they hold the permission
 * and the claim is at that stage, but segregation of duties keeps them from it: the page says why),
 * or `closed` (not at this stage, or not their role: nothing is shown).
 */
export type Standing = { act: ExpenseAct; status: 'open' } | { act: ExpenseAct; status: 'barred'; why: string } | { act: ExpenseAct; status: 'closed' };

interface ActRule {
  permission: Permission;
  /** The command, as the act's form would send it, with answers the rules accept wherever there is a choice. */
  command: (claim: ExpenseClaim, day: string) => Pick<ExpenseCommand, 'type' | 'data'>;
  /** What the person would be doing, to finish "someone else must …". */
  doing: string;
}

const SAMPLE_REASON = 'a reason';

const ACTS: Record<ExpenseAct, ActRule> = {
  approve: { permission: 'approve_expenses', doing: 'approve or reject it', command: (c, day) => ({ type: 'ApproveExpense', data: { claimId: c.claimId, approvedOn: day } }) },
  reject: {
    permission: 'approve_expenses',
    doing: 'approve or reject it',
    command: (c, day) => ({ type: 'RejectExpense', data: { claimId: c.claimId, rejectedOn: day, reason: SAMPLE_REASON } }),
  },
  pay: {
    permission: 'pay_expenses',
    doing: 'pay it',
    command: (c, day) => ({ type: 'PayExpense', data: { claimId: c.claimId, paidOn: day, amountPence: c.state.amountPence, method: 'bank_transfer', reference: null } }),
  },
  withdraw: {
    permission: 'approve_expenses',
    doing: 'withdraw its approval',
    command: (c, day) => ({ type: 'WithdrawExpenseApproval', data: { claimId: c.claimId, withdrawnOn: day, reason: SAMPLE_REASON } }),
  },
  reverse: {
    permission: 'pay_expenses',
    doing: 'reverse its payment',
    command: (c, day) => ({ type: 'ReverseExpensePayment', data: { claimId: c.claimId, reversedOn: day, reason: SAMPLE_REASON } }),
  },
};

/** The permission an act needs. */
export const permissionFor = (act: ExpenseAct): Permission => ACTS[act].permission;

/**
 * Where the person stands on an act, asked of the domain's own rules: the act's command is decided on
 * the claim's state without recording anything. The rules stay in the domain; this page only reads
 * their answer, and the command path refuses again if the button is ever forced.
 */
export function standing(claim: ExpenseClaim, actor: RequestActor, act: ExpenseAct, day: string): Standing {
  if (!can(actor.role, ACTS[act].permission)) return { act, status: 'closed' };
  const command = { ...ACTS[act].command(claim, day), metadata: { commandId: 'preview', now: new Date().toISOString(), actor } } as ExpenseCommand;
  try {
    decideExpense(command, claim.state);
    return { act, status: 'open' };
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'forbidden') return { act, status: 'barred', why: whyBarred(claim, actor, act, error) };
    return { act, status: 'closed' };
  }
}

/** Where the person stands on every act. */
export function standings(claim: ExpenseClaim, actor: RequestActor, day: string): Record<ExpenseAct, Standing> {
  return Object.fromEntries(EXPENSE_ACTS.map((act) => [act, standing(claim, actor, act, day)])) as Record<ExpenseAct, Standing>;
}

/** Whether a refusal is segregation of duties: the rules keeping one person from two steps of the same claim. */
export function isSegregationRefusal(error: unknown): error is DomainError {
  return error instanceof DomainError && error.kind === 'forbidden' && error.code === 'expense.segregation_of_duties';
}

/**
 * Why segregation of duties keeps this person from the act, in their words, read from the claim: who
 * recorded it, whose claim it is, who approved and who paid it.
 */
export function whyBarred(claim: ExpenseClaim, actor: RequestActor, act: ExpenseAct, refusal: Error): string {
  const doing = ACTS[act].doing;
  const state = claim.state;
  if (actor.id === claim.recordedBy) return `You recorded this claim on ${dateWords(claim.recordedAt)}, so someone else must ${doing}.`;
  if (actor.id === claim.participantId || (actor.participantId !== undefined && actor.participantId === claim.participantId)) {
    return `This is your own claim: your account is linked to the claimant, participant ${claim.participantId}. Someone else must ${doing}.`;
  }
  if (act === 'pay' && state.status === 'approved' && state.approvedBy === actor.id) {
    return `You approved this claim on ${dateWords(state.approvedOn)}, so a second person must pay it.`;
  }
  if (act === 'reverse' && state.status === 'paid' && state.paidBy === actor.id) {
    return `You paid this claim on ${dateWords(state.paidOn)}, so a second person must reverse the payment.`;
  }
  return refusal.message.charAt(0).toUpperCase() + refusal.message.slice(1);
}
