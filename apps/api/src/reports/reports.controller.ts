import { Controller, Get, NotAcceptableException, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { RenderedReport, ReportRequester, ReportService } from '@coprod/application';
import { DOCX_MEDIA_TYPE } from '@coprod/reporting';
import { HISTORY_SUBJECT_KINDS, type ReportFormat } from '@coprod/reporting/builders';
import { Requires } from '../auth/requires.decorator';
import { Actor, RequestActor } from '../http/request-actor';
import { CaseStudyQueryDto, CommitteeReportQueryDto, HistoryReportParams, HistoryReportQueryDto } from './reports-query.dto';

const MEDIA_TYPES: Record<string, ReportFormat> = { 'application/pdf': 'pdf', 'text/html': 'html', 'text/markdown': 'md', [DOCX_MEDIA_TYPE]: 'docx' };

/** The format the caller's Accept header asks for (PDF when it does not mind); 406 when none is offered. */
function negotiate(request: Request): ReportFormat {
  const chosen = request.accepts(Object.keys(MEDIA_TYPES));
  if (!chosen) {
    throw new NotAcceptableException(
      `reports are offered as ${Object.keys(MEDIA_TYPES).join(', ')}; ask for one of them in the Accept header (got "${request.headers.accept}")`,
    );
  }
  return MEDIA_TYPES[chosen];
}

function requester(actor: RequestActor): ReportRequester {
  return { actor: { id: actor.id, role: actor.role }, source: 'api' };
}

const EASY_READ_TYPES: Record<string, 'pdf' | 'html'> = { 'application/pdf': 'pdf', 'text/html': 'html' };

/** The Easy Read summary is offered as PDF or HTML only (PDF when the caller does not mind). */
function negotiateEasyRead(request: Request): 'pdf' | 'html' {
  const chosen = request.accepts(Object.keys(EASY_READ_TYPES));
  if (!chosen) {
    throw new NotAcceptableException(
      `the Easy Read summary is offered as ${Object.keys(EASY_READ_TYPES).join(' and ')}; ask for one of them in the Accept header (got "${request.headers.accept}")`,
    );
  }
  return EASY_READ_TYPES[chosen];
}

function send(response: Response, report: Pick<RenderedReport, 'contentType' | 'fileName' | 'body'>): void {
  response.status(200).type(report.contentType).setHeader('Content-Disposition', `inline; filename="${report.fileName}"`).send(report.body);
}

/** Reports built from the record, as PDF, HTML, Markdown or Word by the Accept header. */
@ApiTags('reports')
@Controller('api')
export class ReportsController {
  constructor(private readonly reports: ReportService) {}

  @Get('projects/:projectId/reports/case-study')
  @Requires((request) => (request.query.audience === 'internal_evaluation' ? 'read_personal' : 'read_reports'))
  @ApiOperation({ summary: "A project's case study: every outcome's figures paired with charts and consented quotes, with provenance" })
  @ApiProduces('application/pdf', 'text/html', 'text/markdown', DOCX_MEDIA_TYPE)
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

  @Get('projects/:projectId/reports/easy-read')
  @Requires('read_reports')
  @ApiOperation({ summary: "An Easy Read summary of a project's public case study: one idea to a line, a picture beside each, large type" })
  @ApiProduces('application/pdf', 'text/html')
  async easyRead(
    @Param('projectId') projectId: string,
    @Query() query: CommitteeReportQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const format = negotiateEasyRead(request);
    send(response, await this.reports.easyRead(projectId, { frameworkId: query.framework, asOf: query.asOf, knownAt: query.knownAt }, format));
  }

  @Get('decisions/:decisionId/reports/committee')
  @Requires('read_reports')
  @ApiOperation({ summary: 'How co-production shaped one decision, for a committee paper' })
  @ApiProduces('application/pdf', 'text/html', 'text/markdown', DOCX_MEDIA_TYPE)
  async committee(
    @Param('decisionId') decisionId: string,
    @Query() query: CommitteeReportQueryDto,
    @Actor() actor: RequestActor,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const format = negotiate(request);
    send(
      response,
      await this.reports.committee(decisionId, { frameworkId: query.framework, asOf: query.asOf, knownAt: query.knownAt }, format, requester(actor)),
    );
  }

  @Get('history/:kind/:id/report')
  @Requires('read_history')
  @ApiOperation({ summary: 'Audit history of a project, decision, expense claim or participant, with the integrity of the chain over it' })
  @ApiParam({ name: 'kind', enum: HISTORY_SUBJECT_KINDS })
  @ApiProduces('application/pdf', 'text/html', 'text/markdown', DOCX_MEDIA_TYPE)
  async history(
    @Param() params: HistoryReportParams,
    @Query() query: HistoryReportQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const format = negotiate(request);
    send(response, await this.reports.auditHistory(params.kind, params.id, { knownAt: query.knownAt }, format));
  }
}
