import { Controller, Get, Inject, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { APP_CONFIG, AppConfig, ListProjects, ProjectListing } from '@coprod/application';
import { can } from '@coprod/privacy';
import { Public } from '../../../api/src/auth/requires.decorator';
import { ID_PATTERN } from '../../../api/src/commands/dto/fields';
import { RequestActor } from '../../../api/src/http/request-actor';
import { pageContext } from '../web-page';
import { wording } from '../wording';
import { sentence } from './plain-words';
import { PublicCaseStudy } from './public-case-study';

type Visitor = Request & { actor?: RequestActor };

/**
 * For residents, without signing in: the projects open to new members (as `/api/opportunities`), and
 * for each project a "You said, we did" page built only from its public case study.
 */
@ApiExcludeController()
@Controller()
export class PublicPagesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly publicCaseStudy: PublicCaseStudy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('opportunities')
  @Public()
  async opportunities(@Req() request: Visitor, @Res() response: Response): Promise<void> {
    const projects: ProjectListing[] = await this.queries.execute(new ListProjects(true));
    response.render(
      'oversight/public/opportunities.njk',
      pageContext(request, 'Opportunities to get involved', {
        projects: projects.map((p) => ({ ...p, stageName: wording(p.stage), href: `/you-said-we-did/${encodeURIComponent(p.projectId)}` })),
      }),
    );
  }

  @Get('you-said-we-did/:projectId')
  @Public()
  async youSaidWeDid(@Req() request: Visitor, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    if (!ID_PATTERN.test(projectId)) throw new NotFoundException(`no project has the id ${projectId}`);
    const page = await this.publicCaseStudy.page(projectId);
    const cover = Object.fromEntries(page.model.cover.map((item) => [item.label, item.value]));
    const listing = ((await this.queries.execute(new ListProjects(true))) as ProjectListing[]).find((p) => p.projectId === projectId);
    response.render(
      'oversight/public/you-said-we-did.njk',
      pageContext(request, `You said, we did: ${page.model.title}`, {
        project: { title: page.model.title, aim: cover.Aim, serviceArea: cover['Service area'], period: cover.Period, openToJoin: Boolean(listing) },
        figures: page.figures && { ...page.figures, figures: page.figures.figures.map((f) => ({ ...f, labelText: sentence(f.label) })) },
        youSaidWeDid: page.youSaidWeDid,
        notAdopted: page.notAdopted,
        quotes: page.quotes.map((quote) => ({
          ...quote,
          attributionText: sentence(quote.attribution),
          otherLanguage: quote.lang && !/^en\b/i.test(quote.lang) ? quote.lang : undefined,
        })),
        threshold: this.config.suppressionThreshold,
        figuresHref: request.actor && can(request.actor.role, 'read_history') ? `/projects/${encodeURIComponent(projectId)}` : undefined,
      }),
    );
  }
}
