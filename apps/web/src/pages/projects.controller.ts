import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { GetProjectOutcomes, ListProjects, ProjectListing, ProjectOutcomes } from '@coprod/application';
import { IndicatorResult } from '@coprod/frameworks';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { pageContext } from '../web-page';
import { wording } from '../wording';

/** The portfolio of projects, and each project's page: its stage and its figures by outcome. */
@ApiExcludeController()
@Controller('projects')
export class ProjectsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Requires('read_figures')
  async list(@Req() request: Request, @Res() response: Response): Promise<void> {
    const projects: ProjectListing[] = await this.queries.execute(new ListProjects());
    response.render(
      'projects/list.njk',
      pageContext(request, 'Projects', {
        projects: projects.map((p) => ({ ...p, stageName: wording(p.stage) })),
      }),
    );
  }

  @Get(':projectId')
  @Requires('read_figures')
  async project(
    @Req() request: Request,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Query('asOf') asOf?: string,
    @Query('knownAt') knownAt?: string,
  ): Promise<void> {
    const clocks = {
      ...(asOf ? { asOf } : {}),
      ...(knownAt ? { knownAt } : {}),
    };
    const outcomes: ProjectOutcomes = await this.queries.execute(
      new GetProjectOutcomes({
        projectId,
        now: new Date().toISOString(),
        ...clocks,
      }),
    );
    const project = outcomes.facts.project!;
    const traceQuery = new URLSearchParams(clocks).toString();
    const figuresHtml = await figuresSection(request, outcomes, traceQuery);
    response.render(
      'projects/project.njk',
      pageContext(request, project.title, {
        project: { ...project, stageName: wording(project.stage) },
        clocks: outcomes.clocks,
        asked: { asOf: asOf ?? '', knownAt: knownAt ?? '' },
        framework: outcomes.summary.framework,
        // The outcomes themselves (not their figures) for the links to word an outcome for this project.
        outcomes: outcomes.summary.outcomes,
        figuresHtml,
      }),
    );
  }
}

/**
 * Figure sections already rendered, per answer. An answer is computed once per question on a record
 * (ProjectOutcomesCache) and shared, read-only, until the record changes; its figures, sessions and
 * decisions are the same for everyone who may read figures. So the section is rendered once per answer
 * and trace query, and forgotten with the answer itself (a WeakMap holds nothing the cache has let go).
 */
const renderedSections = new WeakMap<ProjectOutcomes['summary'], Map<string, string>>();

async function figuresSection(request: Request, outcomes: ProjectOutcomes, traceQuery: string): Promise<string> {
  const byQuery = renderedSections.get(outcomes.summary) ?? new Map<string, string>();
  renderedSections.set(outcomes.summary, byQuery);
  const kept = byQuery.get(traceQuery);
  if (kept !== undefined) return kept;
  const context = {
    project: outcomes.facts.project,
    outcomes: outcomes.summary.outcomes.map((outcome) => ({ ...outcome, indicators: outcome.indicators.map(figure) })),
    sessions: [...outcomes.facts.activities.values()].map((a) => ({ ...a, stageName: wording(a.stage), formatName: wording(a.format) })),
    decisions: [...outcomes.facts.decisions.values()],
    traceQuery,
  };
  const html = await new Promise<string>((resolve, reject) =>
    request.app.render('projects/figures.njk', context, (error: Error | null, rendered?: string) =>
      error ? reject(error) : resolve(rendered ?? ''),
    ),
  );
  byQuery.set(traceQuery, html);
  return html;
}

/** A figure as the page shows it: its statement, its n, its table of numbers (hidden cells said to be hidden). */
function figure(indicator: IndicatorResult) {
  return {
    id: indicator.id,
    title: indicator.title,
    statement: indicator.statement,
    n: indicator.n,
    note: indicator.note,
    rows: indicator.breakdown.map((cell) => ({
      label: cell.label,
      value: cell.suppressed ? 'Not shown (fewer than the threshold)' : String(cell.value ?? ''),
      n: cell.n,
    })),
  };
}
