import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { ProjectListing } from '@coprod/projections';
import { READ_MODELS, ReadModels } from '../read-models/read-models';
import { ProjectOutcomesCache } from './project-outcomes.cache';
import { OutcomeQuery, ProjectOutcomes } from './project-outcomes.service';

/**
 * The outcome figures of one project under a framework, as of a date and as known at a point.
 * The answer may be shared with other callers asking the same question: read it, never change it.
 */
export class GetProjectOutcomes extends Query<ProjectOutcomes> {
  constructor(readonly query: OutcomeQuery) {
    super();
  }
}

@QueryHandler(GetProjectOutcomes)
export class GetProjectOutcomesHandler implements IQueryHandler<GetProjectOutcomes, ProjectOutcomes> {
  constructor(private readonly outcomes: ProjectOutcomesCache) {}

  async execute({ query }: GetProjectOutcomes): Promise<ProjectOutcomes> {
    return this.outcomes.outcomes(query);
  }
}

export type { ProjectListing };

/** Every project, or only those open to new members (the public list of opportunities). */
export class ListProjects extends Query<ProjectListing[]> {
  constructor(readonly onlyOpportunities = false) {
    super();
  }
}

@QueryHandler(ListProjects)
export class ListProjectsHandler implements IQueryHandler<ListProjects, ProjectListing[]> {
  constructor(@Inject(READ_MODELS) private readonly readModels: ReadModels) {}

  async execute({ onlyOpportunities }: ListProjects): Promise<ProjectListing[]> {
    return this.readModels.projects.list(onlyOpportunities);
  }
}
