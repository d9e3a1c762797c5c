import { ExpenseCategory, PaymentMethod } from '@coprod/domain';
import { instant } from './demo-clock';
import { DemoActor } from './demo-step';
import { Timeline } from './timeline';

/** HMRC's approved mileage allowance for cars and vans, first 10,000 business miles (45p a mile). */
export const MILEAGE_PENCE_PER_MILE = 45;

/** What happened to a claim after it was recorded. */
export type ClaimOutcome =
  | { paid: { approved: string; paid: string; method: PaymentMethod; reference: string | null } }
  | { rejected: { on: string; reason: string } }
  | 'awaiting_approval';

export interface DemoClaim {
  claimId: string;
  projectId: string;
  participantId: string;
  activityId: string | null;
  category: ExpenseCategory;
  amountPence: number;
  description: string;
  /** When the claim was handed in and recorded, `YYYY-MM-DD HH:MM`. */
  claimed: string;
  /** Corrected by the claimant before anyone decided on it. */
  amended?: { on: string; amountPence: number; description: string; reason: string };
  outcome: ClaimOutcome;
}

/** Recorder, approver and payer are three different people: segregation of duties. */
export interface ClaimTeam {
  recorder: DemoActor;
  approver: DemoActor;
  payer: DemoActor;
}

/** Records a claim and what became of it: approved then paid the approved amount, rejected, or still waiting. */
export function recordClaim(timeline: Timeline, team: ClaimTeam, claim: DemoClaim): void {
  const claimedOn = instant(claim.claimed);
  timeline.from(claimedOn, team.recorder).record('ClaimExpense', {
    claimId: claim.claimId,
    projectId: claim.projectId,
    participantId: claim.participantId,
    activityId: claim.activityId,
    category: claim.category,
    amountPence: claim.amountPence,
    description: claim.description,
    claimedOn,
  });
  let amountPence = claim.amountPence;
  if (claim.amended) {
    amountPence = claim.amended.amountPence;
    timeline.from(instant(claim.amended.on), team.recorder).record('AmendExpenseClaim', {
      claimId: claim.claimId,
      amountPence,
      category: claim.category,
      description: claim.amended.description,
      reason: claim.amended.reason,
    });
  }
  const { outcome } = claim;
  if (outcome === 'awaiting_approval') return;
  if ('rejected' in outcome) {
    const rejectedOn = instant(outcome.rejected.on);
    timeline.from(rejectedOn, team.approver).record('RejectExpense', { claimId: claim.claimId, rejectedOn, reason: outcome.rejected.reason });
    return;
  }
  const approvedOn = instant(outcome.paid.approved);
  const paidOn = instant(outcome.paid.paid);
  timeline.from(approvedOn, team.approver).record('ApproveExpense', { claimId: claim.claimId, approvedOn });
  timeline.from(paidOn, team.payer).record('PayExpense', {
    claimId: claim.claimId,
    paidOn,
    amountPence,
    method: outcome.paid.method,
    reference: outcome.paid.reference,
  });
}
