import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { EntityHistory, GetEntityHistory, GetProjectOutcomes, ListProjects, ProjectListing, ProjectOutcomes } from '@coprod/application';
import { evolveExpense, ExpenseEvent, ExpenseState, initialExpenseState } from '@coprod/domain';
import { named, pounds } from './page-words';

/** Asked of a record page: everything recorded, whenever it happened or is due to happen. */
export const EVERYTHING_RECORDED = '9999-12-31';

/** One thing that happened to a claim, as its page lists it. */
export interface ClaimStep {
  what: string;
  by: string;
  on: string;
  reason: string | null;
  recordedAt: string;
  eventId: string;
  position: number;
}

/** A claim as the pages show it: what was claimed, its state as the rules see it, and its steps so far. */
export interface ExpenseClaim {
  claimId: string;
  projectId: string;
  participantId: string;
  activityId: string | null;
  category: string;
  amountPence: number;
  description: string;
  claimedOn: string;
  recordedBy: string;
  recordedAt: string;
  /** The claim's state, folded by the domain's own `evolveExpense` from its stream. */
  state: Exclude<ExpenseState, { status: 'unclaimed' }>;
  steps: ClaimStep[];
}

/** The claims waiting for someone: a decision, or a payment. */
export interface ExpenseQueues {
  awaitingApproval: ExpenseClaim[];
  awaitingPayment: ExpenseClaim[];
  projectTitles: Map<string, string>;
}

/** Reads expense claims from the record: one claim from its own history, a project's claims, and the queues. */
@Injectable()
export class ExpenseClaims {
  constructor(private readonly queries: QueryBus) {}

  /** One claim; a claim never recorded is a 404 (the history query says so). */
  async claim(claimId: string): Promise<ExpenseClaim> {
    const history: EntityHistory = await this.queries.execute(new GetEntityHistory('expense', claimId));
    return claimOf(history);
  }

  /** Every claim recorded for a project, oldest first. */
  async ofProject(projectId: string): Promise<ExpenseClaim[]> {
    return this.claims(await this.outcomes(projectId));
  }

  /** Claims waiting for approval, and approved claims waiting for payment, across every project. */
  async queues(): Promise<ExpenseQueues> {
    const projects: ProjectListing[] = await this.queries.execute(new ListProjects());
    const awaitingApproval: ExpenseClaim[] = [];
    const awaitingPayment: ExpenseClaim[] = [];
    for (const project of projects) {
      const outcomes = await this.outcomes(project.projectId);
      const waiting = [...outcomes.facts.expenses.values()].filter((e) => e.status === 'claimed' || e.status === 'approved');
      for (const expense of waiting) {
        const claim = await this.claim(expense.claimId);
        if (claim.state.status === 'claimed') awaitingApproval.push(claim);
        if (claim.state.status === 'approved') awaitingPayment.push(claim);
      }
    }
    return { awaitingApproval, awaitingPayment, projectTitles: new Map(projects.map((p) => [p.projectId, p.title])) };
  }

  private outcomes(projectId: string): Promise<ProjectOutcomes> {
    return this.queries.execute(new GetProjectOutcomes({ projectId, now: new Date().toISOString(), asOf: EVERYTHING_RECORDED }));
  }

  private async claims(outcomes: ProjectOutcomes): Promise<ExpenseClaim[]> {
    const claims: ExpenseClaim[] = [];
    for (const claimId of outcomes.facts.expenses.keys()) claims.push(await this.claim(claimId));
    return claims;
  }
}

function claimOf(history: EntityHistory): ExpenseClaim {
  let state: ExpenseState = initialExpenseState();
  let claim: Omit<ExpenseClaim, 'state' | 'steps'> | undefined;
  const steps: ClaimStep[] = [];
  for (const entry of history.events) {
    const data = entry.summary;
    state = evolveExpense(state, { type: entry.type, data } as ExpenseEvent);
    const step = (what: string, by: string, on: unknown, reason?: unknown) =>
      steps.push({ what, by, on: String(on ?? entry.occurredAt), reason: typeof reason === 'string' ? reason : null, recordedAt: entry.recordedAt, eventId: entry.eventId, position: entry.position });
    switch (entry.type) {
      case 'ExpenseClaimed':
        claim = {
          claimId: String(data.claimId),
          projectId: String(data.projectId),
          participantId: String(data.participantId),
          activityId: typeof data.activityId === 'string' ? data.activityId : null,
          category: String(data.category),
          amountPence: Number(data.amountPence),
          description: String(data.description),
          claimedOn: String(data.claimedOn),
          recordedBy: String(data.recordedBy),
          recordedAt: entry.recordedAt,
        };
        step(`Claimed ${pounds(Number(data.amountPence))}`, String(data.recordedBy), data.claimedOn);
        break;
      case 'ExpenseClaimAmended':
        if (claim) claim = { ...claim, amountPence: Number(data.amountPence), category: String(data.category), description: String(data.description) };
        step(`Amended to ${pounds(Number(data.amountPence))}`, entry.actor, entry.occurredAt, data.reason);
        break;
      case 'ExpenseApproved':
        step('Approved', String(data.approvedBy), data.approvedOn);
        break;
      case 'ExpenseRejected':
        step('Rejected', String(data.rejectedBy), data.rejectedOn, data.reason);
        break;
      case 'ExpensePaid':
        step(`Paid ${pounds(Number(data.amountPence))} by ${named(String(data.method)).toLowerCase()}${data.reference ? ` (reference ${String(data.reference)})` : ''}`, String(data.paidBy), data.paidOn);
        break;
      case 'ExpenseApprovalWithdrawn':
        step('Approval withdrawn', String(data.withdrawnBy), data.withdrawnOn, data.reason);
        break;
      case 'ExpensePaymentReversed':
        step(`Payment of ${pounds(Number(data.amountPence))} reversed`, String(data.reversedBy), data.reversedOn, data.reason);
        break;
    }
  }
  if (!claim || state.status === 'unclaimed') throw new Error(`the record of claim ${history.id} has no ExpenseClaimed event`);
  return { ...claim, state, steps };
}

/** The status of a claim as a tag says it. */
export function statusWords(claim: ExpenseClaim): string {
  return { claimed: 'Awaiting approval', approved: 'Awaiting payment', rejected: 'Rejected', paid: 'Paid' }[claim.state.status];
}
