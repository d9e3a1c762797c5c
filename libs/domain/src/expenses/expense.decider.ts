import { Decider } from '../core/decider';
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
};
