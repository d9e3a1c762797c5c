import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Request } from 'express';
import { GetProjectOutcomes, ProjectOutcomes } from '@coprod/application';
import { can } from '@coprod/privacy';
import { RequestActor } from '../../../api/src/http/request-actor';
import { ExpenseAct, Standing, standings } from './expense-acts';
import { ClaimStep, EVERYTHING_RECORDED, ExpenseClaim, ExpenseClaims, statusWords } from './expense-claims';
import { ParticipantName, ParticipantNames } from './participant-names';
import { dateWords, named, pounds, today } from './page-words';

/** Everything a page about one claim shows: the claim, what happened to it, and what the person may do. */
export interface ClaimView {
  claim: ExpenseClaim;
  projectTitle: string;
  claimant: string;
  session: string;
  categoryName: string;
  claimedOnWords: string;
  steps: (ClaimStep & { onWords: string; recordedWords: string })[];
  standings: Record<ExpenseAct, Standing>;
  status: string;
  amount: string;
  namesShown: boolean;
  mayReadHistory: boolean;
}

/** Who a participant is, as this person may see them: their name, or their id when names are not theirs to see. */
export function claimantWords(name: ParticipantName | undefined, participantId: string): string {
  if (name?.erased) return `${participantId} (erased)`;
  return name?.name ? `${name.name} (${participantId})` : participantId;
}

/** Builds the view of one claim for the person asking. */
@Injectable()
export class ClaimPage {
  constructor(
    private readonly claims: ExpenseClaims,
    private readonly queries: QueryBus,
    private readonly names: ParticipantNames,
  ) {}

  async view(request: Request & { actor?: RequestActor }, claimId: string): Promise<ClaimView> {
    const actor = request.actor!;
    const claim = await this.claims.claim(claimId);
    const outcomes: ProjectOutcomes = await this.queries.execute(
      new GetProjectOutcomes({ projectId: claim.projectId, now: new Date().toISOString(), asOf: EVERYTHING_RECORDED }),
    );
    const names = await this.names.of(actor, [claim.participantId]);
    const claimant = claimantWords(names.get(claim.participantId), claim.participantId);
    const projectTitle = outcomes.facts.project?.title ?? claim.projectId;
    const session = claim.activityId ? (outcomes.facts.activities.get(claim.activityId)?.title ?? claim.activityId) : 'Not for a particular session';
    return {
      claim,
      projectTitle,
      claimant,
      session,
      categoryName: named(claim.category),
      claimedOnWords: dateWords(claim.claimedOn),
      steps: claim.steps.map((step) => ({ ...step, onWords: dateWords(step.on), recordedWords: dateWords(step.recordedAt) })),
      standings: standings(claim, actor, today()),
      status: statusWords(claim),
      amount: pounds(claim.state.amountPence),
      namesShown: this.names.shown(actor),
      mayReadHistory: can(actor.role, 'read_history'),
    };
  }
}
