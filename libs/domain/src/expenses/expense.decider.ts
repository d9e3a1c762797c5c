import { Decider, referencesTo } from '../core/decider';
import { evolveExpense, ExpenseEvent, ExpenseState, initialExpenseState } from './expense';
import { decideExpense, ExpenseCommand } from './expense.decide';

/** A participant's expense claim: claimed, approved or rejected, then paid, each step by someone else. */
export const expenseDecider: Decider<ExpenseCommand, ExpenseEvent, ExpenseState> = {
  name: 'expense',
  commandTypes: ['ClaimExpense', 'AmendExpenseClaim', 'ApproveExpense', 'RejectExpense', 'PayExpense', 'WithdrawExpenseApproval', 'ReverseExpensePayment'],
  initialState: initialExpenseState,
  decide: decideExpense,
  evolve: evolveExpense,
  streamIdOf: (command) => command.data.claimId,
  references: {
    ClaimExpense: (data) => [...referencesTo('project', [data.projectId]), ...referencesTo('participant', [data.participantId]), ...referencesTo('activity', [data.activityId])],
  },
  permissions: {
    ApproveExpense: 'approve_expenses',
    RejectExpense: 'approve_expenses',
    WithdrawExpenseApproval: 'approve_expenses',
    PayExpense: 'pay_expenses',
    ReverseExpensePayment: 'pay_expenses',
  },
};
