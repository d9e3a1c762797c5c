import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetProjectOutcomes, ProjectOutcomes } from '@coprod/application';
import { notFound } from '@coprod/domain';
import type { ActivityFact, CommitmentFact, ContributionFact, DecisionFact, InfluenceFact, NotAdoptedFact, ProjectFacts } from '@coprod/frameworks';
import { EVERYTHING_RECORDED } from './expense-claims';
import { dateWords, named } from './page-words';

/** A decision and everything recorded about it, with the project it belongs to. */
export interface DecisionRecord {
  projectId: string;
  projectTitle: string;
  facts: ProjectFacts;
  decision: DecisionFact;
  influences: InfluenceFact[];
  notAdopted: NotAdoptedFact[];
  commitments: CommitmentFact[];
}

/** What a contribution is, in words that never show a participant's own words (they stay sealed). */
export function contributionWords(contribution: ContributionFact, facts: ProjectFacts): string {
  const session = facts.activities.get(contribution.activityId)?.title ?? contribution.activityId;
  const what = `${named(contribution.kind)} at ${session}`;
  return contribution.staffSummary ? `${what}: “${contribution.staffSummary}”` : `${what} (in the participant's own words, which are not shown here)`;
}

/** A session in words: its title and when it was held or is planned. */
export function sessionWords(activity: ActivityFact): string {
  return `${activity.title} (${activity.heldOn ? `held ${dateWords(activity.heldOn)}` : `planned for ${dateWords(activity.plannedFor)}`})`;
}

/** Reads a project's decisions from its record: everything recorded, corrections applied. */
@Injectable()
export class DecisionRecords {
  constructor(private readonly queries: QueryBus) {}

  /** The project's record, for forms that offer its sessions and contributions. */
  async project(projectId: string): Promise<ProjectOutcomes> {
    return this.queries.execute(new GetProjectOutcomes({ projectId, now: new Date().toISOString(), asOf: EVERYTHING_RECORDED }));
  }

  /** One decision of a project; a decision of another project, or none, is a 404. */
  async decision(projectId: string, decisionId: string): Promise<DecisionRecord> {
    const { facts } = await this.project(projectId);
    const decision = facts.decisions.get(decisionId);
    if (!decision) throw notFound('decision.not_found', `project ${projectId} has no decision ${decisionId}`);
    return {
      projectId,
      projectTitle: facts.project?.title ?? projectId,
      facts,
      decision,
      influences: facts.influences.filter((i) => i.decisionId === decisionId),
      notAdopted: facts.notAdopted.filter((p) => p.decisionId === decisionId),
      commitments: [...facts.commitments.values()].filter((c) => c.decisionId === decisionId),
    };
  }
}

/**
 * The query for a decision's committee section: the clocks asked for, and for a decision dated
 * ahead (recorded before the meeting) the day it is taken, since a report as of today would not
 * include it yet.
 */
export function committeeQuery(decision: DecisionFact, clocks: { asOf?: string; knownAt?: string } = {}): string {
  const ahead = Date.parse(decision.decidedOn) > Date.now() ? decision.decidedOn.slice(0, 10) : undefined;
  const asOf = clocks.asOf ?? ahead;
  return new URLSearchParams({ ...(asOf ? { asOf } : {}), ...(clocks.knownAt ? { knownAt: clocks.knownAt } : {}) }).toString();
}
