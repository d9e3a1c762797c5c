import { Controller, Get, NotAcceptableException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { RenderedReport, ReportRequester, ReportService } from '@coprod/application';
import { HISTORY_SUBJECT_KINDS, type ReportFormat } from '@coprod/reporting/builders';
import { Requires } from '../auth/requires.decorator';
import { Actor, RequestActor } from '../http/request-actor';
import { CaseStudyQueryDto, CommitteeReportQueryDto, HistoryReportParams, HistoryReportQueryDto } from './reports-query.dto';

const MEDIA_TYPES: Record<string, ReportFormat> = { 'application/pdf': 'pdf', 'text/html': 'html', 'text/markdown': 'md' };

/** The format the caller's Accept header asks for (PDF when it does not mind); 406 when none is offered. */
function negotiate(request: Request): ReportFormat {
  const chosen = request.accepts(Object.keys(MEDIA_TYPES));
  if (!chosen) {
    throw new NotAcceptableException(`reports are offered as ${Object.keys(MEDIA_TYPES).join(', ')}; ask for one of them in the Accept header (got "${request.headers.accept}")`);
  }
  return MEDIA_TYPES[chosen];
}

function requester(actor: RequestActor): ReportRequester {
  return { actor: { id: actor.id, role: actor.role }, source: 'api' };
}

function send(response: Response, report: RenderedReport): void {
  response
    .status(200)
    .type(report.contentType)
    .setHeader('Content-Disposition', `inline; filename="${report.fileName}"`)
    .send(report.body);
}

/** Reports built from the record, as PDF, HTML or Markdown by the Accept header. */
@ApiTags('reports')
@Controller('api')
export class ReportsController {
  constructor(private readonly reports: ReportService) {}

  @Get('projects/:projectId/reports/case-study')
  @Requires((request) => (request.query.audience === 'internal_evaluation' ? 'read_personal' : 'read_reports'))
  @ApiOperation({ summary: "A project's case study: every outcome's figures paired with charts and consented quotes, with provenance" })
  @ApiProduces('application/pdf', 'text/html', 'text/markdown')
  async caseStudy(
    @Param('projectId') projectId: string,
    @Query() query: CaseStudyQueryDto,
    @Actor() actor: RequestActor,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const format = negotiate(request);
    const clocks = { frameworkId: query.framework, asOf: query.asOf, knownAt: query.knownAt, audience: query.audience };
    send(response, await this.reports.caseStudy(projectId, clocks, format, requester(actor)));
  }

  @Get('decisions/:decisionId/reports/committee')
  @Requires('read_reports')
  @ApiOperation({ summary: 'How co-production shaped one decision, for a committee paper' })
  @ApiProduces('application/pdf', 'text/html', 'text/markdown')
  async committee(
    @Param('decisionId') decisionId: string,
    @Query() query: CommitteeReportQueryDto,
    @Actor() actor: RequestActor,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const format = negotiate(request);
    send(response, await this.reports.committee(decisionId, { frameworkId: query.framework, asOf: query.asOf, knownAt: query.knownAt }, format, requester(actor)));
  }

  @Get('history/:kind/:id/report')
  @Requires('read_history')
  @ApiOperation({ summary: 'Audit history of a project, decision, expense claim or participant, with the integrity of the chain over it' })
  @ApiParam({ name: 'kind', enum: HISTORY_SUBJECT_KINDS })
  @ApiProduces('application/pdf', 'text/html', 'text/markdown')
  async history(@Param() params: HistoryReportParams, @Query() query: HistoryReportQueryDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const format = negotiate(request);
    send(response, await this.reports.auditHistory(params.kind, params.id, { knownAt: query.knownAt }, format));
  }
}
