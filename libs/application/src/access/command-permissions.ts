import { Permission } from '@coprod/privacy/access/permissions';

/** Commands that need more than `record`: money moves, erasure, and the shape of a project. */
const SPECIAL: Readonly<Record<string, Permission>> = {
  ApproveExpense: 'approve_expenses',
  RejectExpense: 'approve_expenses',
  PayExpense: 'pay_expenses',
  WithdrawExpenseApproval: 'approve_expenses',
  ReverseExpensePayment: 'pay_expenses',
  EraseParticipant: 'erase',
  RegisterProject: 'manage_projects',
  ChangeProjectFramework: 'manage_projects',
  CloseProject: 'manage_projects',
  TailorOutcome: 'manage_projects',
};

/** The permission a command type needs; every other command of the record needs `record`. */
export function permissionForCommand(type: string): Permission {
  return Object.prototype.hasOwnProperty.call(SPECIAL, type) ? SPECIAL[type] : 'record';
}
