import {
  AmendExpenseClaim,
  ApproveExpense,
  ClaimExpense,
  EXPENSE_CATEGORIES,
  ExpenseCategory,
  PAYMENT_METHODS,
  PayExpense,
  PaymentMethod,
  RejectExpense,
  ReverseExpensePayment,
  WithdrawExpenseApproval,
} from '@coprod/domain';
import { ChoiceField, CommandBody, DateField, IdField, PenceField, TEXT_LIMITS, TextField } from './fields';
import { REFERENCE_DOCS } from './reference-docs';

const CATEGORY = { description: 'What the money is for', example: 'care_cover' };

/** Body of `POST /api/commands/ClaimExpense`. Who recorded the claim is the signed-in actor, not part of the body. */
export class ClaimExpenseDto implements CommandBody<ClaimExpense> {
  @IdField(REFERENCE_DOCS.claimId) claimId: string;
  @IdField(REFERENCE_DOCS.projectId) projectId: string;
  @IdField({ ...REFERENCE_DOCS.participantId, example: 'part-009' }) participantId: string;
  @IdField({ description: 'Activity the expense was incurred for, if any', example: 'act-energy-03' }, { nullable: true })
  activityId: string | null = null;
  @ChoiceField(EXPENSE_CATEGORIES, CATEGORY) category: ExpenseCategory;
  @PenceField({ description: 'Amount claimed in whole pence (£36.00 is 3600)', example: 3600 }) amountPence: number;
  @TextField({ description: 'What the expense was', example: 'Care cover for my father during the evening meeting, 3 hours' }, TEXT_LIMITS.freeText)
  description: string;
  @DateField({ description: 'When the claim was made', example: '2026-02-11' }) claimedOn: string;
}

/** Body of `POST /api/commands/AmendExpenseClaim`. */
export class AmendExpenseClaimDto implements CommandBody<AmendExpenseClaim> {
  @IdField(REFERENCE_DOCS.claimId) claimId: string;
  @PenceField({ description: 'Corrected amount in whole pence', example: 4200 }) amountPence: number;
  @ChoiceField(EXPENSE_CATEGORIES, CATEGORY) category: ExpenseCategory;
  @TextField({ description: 'Corrected description', example: 'Care cover for my father during the evening meeting, 3.5 hours' }, TEXT_LIMITS.freeText)
  description: string;
  @TextField({ description: 'Why the claim was amended', example: 'The meeting overran by half an hour' }, TEXT_LIMITS.freeText)
  reason: string;
}

/** Body of `POST /api/commands/ApproveExpense`. The approver is the signed-in actor. */
export class ApproveExpenseDto implements CommandBody<ApproveExpense> {
  @IdField(REFERENCE_DOCS.claimId) claimId: string;
  @DateField({ description: 'When it was approved', example: '2026-02-16' }) approvedOn: string;
}

/** Body of `POST /api/commands/RejectExpense`. The person rejecting is the signed-in actor. */
export class RejectExpenseDto implements CommandBody<RejectExpense> {
  @IdField(REFERENCE_DOCS.claimId) claimId: string;
  @DateField({ description: 'When it was rejected', example: '2026-02-16' }) rejectedOn: string;
  @TextField({ description: 'Why, in words the claimant will understand', example: 'Taxi fares need a receipt; please send a photo of it and claim again' }, TEXT_LIMITS.freeText)
  reason: string;
}

/** Body of `POST /api/commands/PayExpense`. The payer is the signed-in actor. */
export class PayExpenseDto implements CommandBody<PayExpense> {
  @IdField(REFERENCE_DOCS.claimId) claimId: string;
  @DateField({ description: 'When it was paid', example: '2026-03-02' }) paidOn: string;
  @PenceField({ description: 'Amount paid in whole pence; must equal the approved amount', example: 3600 }) amountPence: number;
  @ChoiceField(PAYMENT_METHODS, { description: 'How it was paid', example: 'bank_transfer' }) method: PaymentMethod;
  @TextField({ description: 'Payment reference, if any', example: 'BACS 2026-03-02 run 14' }, TEXT_LIMITS.id, { nullable: true })
  reference: string | null = null;
}

/** Body of `POST /api/commands/WithdrawExpenseApproval` (approve_expenses; not by the claimant or whoever recorded the claim). */
export class WithdrawExpenseApprovalDto implements CommandBody<WithdrawExpenseApproval> {
  @IdField(REFERENCE_DOCS.claimId) claimId: string;
  @DateField({ description: 'When the approval was withdrawn', example: '2026-04-02' }) withdrawnOn: string;
  @TextField({ description: 'Why the approval was wrong', example: 'Approved at £42.00; the receipt shows £24.00' }, TEXT_LIMITS.freeText)
  reason: string;
}

/** Body of `POST /api/commands/ReverseExpensePayment` (pay_expenses; by someone other than whoever paid it). */
export class ReverseExpensePaymentDto implements CommandBody<ReverseExpensePayment> {
  @IdField(REFERENCE_DOCS.claimId) claimId: string;
  @DateField({ description: 'When the payment was reversed (the money came back, or the payment never went out)', example: '2026-04-09' })
  reversedOn: string;
  @TextField({ description: 'Why the payment is reversed', example: 'Bank transfer returned: account closed' }, TEXT_LIMITS.freeText)
  reason: string;
}
