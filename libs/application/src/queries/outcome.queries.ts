import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { APP_CONFIG, AppConfig } from '../config/app-config';
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

export interface ProjectListing {
  projectId: string;
  title: string;
  serviceArea: string;
  aim: string;
  frameworkId: string;
  stage: string;
  status: string;
  openToNewMembers: boolean;
  registeredAt: string;
  closedOn: string | null;
}

/** Every project, or only those open to new members (the public list of opportunities). */
export class ListProjects extends Query<ProjectListing[]> {
  constructor(readonly onlyOpportunities = false) {
    super();
  }
}

@QueryHandler(ListProjects)
export class ListProjectsHandler implements IQueryHandler<ListProjects, ProjectListing[]> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ onlyOpportunities }: ListProjects): Promise<ProjectListing[]> {
    const where = onlyOpportunities ? "WHERE status = 'open' AND open_to_new_members = 1" : '';
    const rows = this.readModels.db.prepare(`SELECT * FROM projects ${where} ORDER BY registered_at, project_id`).all() as Record<string, never>[];
    return rows.map((r) => ({
      projectId: r.project_id,
      title: r.title,
      serviceArea: r.service_area,
      aim: r.aim,
      frameworkId: r.framework_id,
      stage: r.stage,
      status: r.status,
      openToNewMembers: r.open_to_new_members === 1,
      registeredAt: r.registered_at,
      closedOn: r.closed_on,
    }));
  }
}
