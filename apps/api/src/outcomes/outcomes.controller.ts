import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { GetProjectOutcomes, ListProjects, ProjectListing } from '@coprod/application';
import { Public, Requires } from '../auth/requires.decorator';
import { outcomesReply } from './outcomes-body';
import { OutcomesQueryDto } from './outcomes-query.dto';

export { outcomesBody } from './outcomes-body';

@ApiTags('outcomes')
@Controller('api')
export class OutcomesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('projects')
  @Requires('read_figures')
  @ApiOperation({ summary: 'Every project, with its stage and framework' })
  projects(): Promise<ProjectListing[]> {
    return this.queryBus.execute(new ListProjects());
  }

  @Get('opportunities')
  @Public()
  @ApiOperation({ summary: 'Open projects that welcome new members: the public list of opportunities (no token needed)' })
  opportunities(): Promise<ProjectListing[]> {
    return this.queryBus.execute(new ListProjects(true));
  }

  @Get('projects/:projectId/outcomes')
  @Requires('read_figures')
  @ApiOperation({ summary: "A project's outcome figures under a framework, as of a date and as known at a point" })
  async outcomes(@Param('projectId') projectId: string, @Query() query: OutcomesQueryDto, @Res() response: Response): Promise<void> {
    const result = await this.queryBus.execute(
      new GetProjectOutcomes({ projectId, frameworkId: query.framework, asOf: query.asOf, knownAt: query.knownAt, now: new Date().toISOString() }),
    );
    // Already encoded JSON, so sent as it is: with the type and charset every JSON reply carries.
    const { body, etag } = outcomesReply(result);
    response.type('application/json; charset=utf-8').setHeader('ETag', etag);
    response.send(body);
  }

  @Get('portfolio')
  @Requires('read_figures')
  @ApiOperation({ summary: 'Key figures across every project, for councillors and the steering group' })
  async portfolio(@Query() query: OutcomesQueryDto) {
    const projects = await this.queryBus.execute(new ListProjects());
    const now = new Date().toISOString();
    const rows = [];
    for (const project of projects) {
      const { summary, clocks } = await this.queryBus.execute(
        new GetProjectOutcomes({ projectId: project.projectId, asOf: query.asOf, knownAt: query.knownAt, now }),
      );
      const value = (id: string) => summary.indicators[id]?.value ?? null;
      rows.push({
        ...project,
        peopleInvolved: value('people_involved_by_role'),
        hoursContributed: value('hours_by_role'),
        sessionsHeld: value('sessions_by_stage'),
        decisionsInfluenced: value('decisions_influenced'),
        seldomHeardReached: value('reach_seldom_heard'),
        offlineSharePercent: value('offline_share'),
        lastPositionIncluded: clocks.lastPositionIncluded,
        provenanceDigest: clocks.provenanceDigest,
      });
    }
    return { projects: rows };
  }
}
