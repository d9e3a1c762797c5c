import { BadRequestException, Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Response } from 'express';
import { RenderedReport, ReportRequester, ReportService } from '@coprod/application';
import { notFound } from '@coprod/domain';
import { can } from '@coprod/privacy';
import { HISTORY_SUBJECT_KINDS, type HistorySubjectKind, type ReportFormat } from '@coprod/reporting/builders';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { ID_PATTERN } from '../../../api/src/commands/dto/fields';
import { RequestActor } from '../../../api/src/http/request-actor';
import { invalidFields } from '../../../api/src/http/validation';
import { CaseStudyQueryDto } from '../../../api/src/reports/reports-query.dto';
import { pageContext } from '../web-page';
import { committeeQuery, DecisionRecords } from './decision-record';
import { SignedIn } from './page-state';
import { dateWords } from './page-words';

const FORMATS: Record<string, ReportFormat> = { pdf: 'pdf', html: 'html', md: 'md', docx: 'docx' };
const CLOCK_LABELS: Record<string, string> = { asOf: 'What had happened by', knownAt: 'As it was recorded by' };

/** A report shown in the browser carries its own styles and never a script. */
const REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The clocks a report is asked for, as the reports page passes them on. */
interface ReportQuery {
  format?: string;
  download?: string;
  asOf?: string;
  knownAt?: string;
  audience?: string;
}

function formatOf(query: ReportQuery): ReportFormat {
  const format = FORMATS[query.format ?? 'html'];
  if (!format) throw new BadRequestException('Choose how to have the report: as a web page (html), a PDF (pdf), a Word document (docx) or Markdown (md)');
  return format;
}

function requester(actor: RequestActor): ReportRequester {
  return { actor: { id: actor.id, role: actor.role }, source: 'web' };
}

/** Sends a report: HTML to read in the browser unless a download is asked for; PDF, Word and Markdown as files. */
function send(response: Response, report: Omit<RenderedReport, 'model'>, query: ReportQuery): void {
  const inline = report.format === 'html' && query.download !== 'yes';
  response
    .status(200)
    .type(report.contentType)
    .setHeader('Cache-Control', 'no-store')
    .setHeader('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename="${report.fileName}"`);
  if (report.format === 'html') response.setHeader('Content-Security-Policy', REPORT_POLICY);
  response.send(report.body);
}

const clocksOf = (query: ReportQuery) => ({
  ...(query.asOf ? { asOf: query.asOf } : {}),
  ...(query.knownAt ? { knownAt: query.knownAt } : {}),
});

/**
 * Every report the product builds, to read in the browser or download as PDF, HTML, Word or Markdown: a
 * project's case study (public, or internal evaluation for those who may see personal data), the
 * committee section for each decision, and audit histories. They are built by the same service as
 * the API's, so every report built here is entered in the register of whose words it carried.
 */
@ApiExcludeController()
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: ReportService,
    private readonly records: DecisionRecords,
  ) {}

  @Get('projects/:projectId/reports')
  @Requires('read_reports')
  async list(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Query() query: ReportQuery): Promise<void> {
    const { facts } = await this.records.project(projectId);
    const asked = { asOf: query.asOf ?? '', knownAt: query.knownAt ?? '' };
    const invalid = invalidFields(await validate(plainToInstance(CaseStudyQueryDto, clocksOf(query))));
    const errors = invalid.map((field) => ({
      text: sentence(field.problems[0].replace(new RegExp(`^${field.field}\\b`), CLOCK_LABELS[field.field] ?? field.field)),
      href: `#${field.field}`,
    }));
    const errorOf = Object.fromEntries(errors.map((error) => [error.href.slice(1), { text: error.text }]));
    const chosen: { asOf?: string; knownAt?: string } = errors.length > 0 ? {} : clocksOf(query);
    const clocks = new URLSearchParams(chosen).toString();
    const may = (permission: Parameters<typeof can>[1]) => can(request.actor.role, permission);
    response.status(errors.length > 0 ? 400 : 200).render(
      'decisions/reports.njk',
      pageContext(request, 'Reports', {
        project: { projectId, title: facts.project?.title ?? projectId },
        decisions: [...facts.decisions.values()].map((d) => ({ ...d, decidedOnWords: dateWords(d.decidedOn), reportQuery: committeeQuery(d, chosen) })),
        asked,
        clocks,
        historyQuery: new URLSearchParams(chosen.knownAt ? { knownAt: chosen.knownAt } : {}).toString(),
        errors,
        errorOf,
        may: { personal: may('read_personal'), history: may('read_history') },
      }),
    );
  }

  @Get('projects/:projectId/reports/case-study')
  @Requires((request) => (request.query.audience === 'internal_evaluation' ? 'read_personal' : 'read_reports'))
  async caseStudy(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Query() query: ReportQuery): Promise<void> {
    const format = formatOf(query);
    const audience = query.audience === 'internal_evaluation' ? 'internal_evaluation' : 'public';
    send(response, await this.reports.caseStudy(projectId, { ...clocksOf(query), audience }, format, requester(request.actor)), query);
  }

  /** The Easy Read summary of the public case study: to read here, or as a PDF to print. */
  @Get('projects/:projectId/reports/easy-read')
  @Requires('read_reports')
  async easyRead(@Res() response: Response, @Param('projectId') projectId: string, @Query() query: ReportQuery): Promise<void> {
    const format = query.format ?? 'html';
    if (format !== 'html' && format !== 'pdf') {
      throw new BadRequestException('Choose how to have the Easy Read summary: as a web page (html) or a PDF (pdf)');
    }
    send(response, await this.reports.easyRead(projectId, clocksOf(query), format), query);
  }

  @Get('projects/:projectId/decisions/:decisionId/committee-report')
  @Requires('read_reports')
  async committee(
    @Req() request: SignedIn,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('decisionId') decisionId: string,
    @Query() query: ReportQuery,
  ): Promise<void> {
    const format = formatOf(query);
    await this.records.decision(projectId, decisionId);
    send(response, await this.reports.committee(decisionId, clocksOf(query), format, requester(request.actor)), query);
  }

  @Get('reports/history/:kind/:id')
  @Requires('read_history')
  async history(@Res() response: Response, @Param('kind') kind: string, @Param('id') id: string, @Query() query: ReportQuery): Promise<void> {
    const format = formatOf(query);
    if (!(HISTORY_SUBJECT_KINDS as readonly string[]).includes(kind) || !ID_PATTERN.test(id)) {
      throw notFound('history.not_found', `there is no history of ${kind} ${id}`);
    }
    send(response, await this.reports.auditHistory(kind as HistorySubjectKind, id, { knownAt: query.knownAt || undefined }, format), query);
  }
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
