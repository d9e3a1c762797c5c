import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { notFound } from '@coprod/domain';
import { selectedConnectionString } from '@coprod/event-store';
import type { ReportBuilt } from '@coprod/privacy/report-register/report-words-register';
import { chartsOf, drawChartsAhead, DOCX_MEDIA_TYPE, renderDocx, renderEasyReadHtml, renderEasyReadPdf, renderHtml, renderMarkdown, renderPdf, type ReportModel } from '@coprod/reporting';
import {
  buildAuditHistory,
  buildCaseStudy,
  buildCommitteeExtract,
  buildEasyRead,
  regenerateCommand,
  wordsCarried,
  type CaseStudyAudience,
  type HistorySubjectKind,
  type ProjectEvidence,
  type ReportFormat,
  type ReportSetting,
} from '@coprod/reporting/builders';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { READ_MODELS, ReadModels } from '../read-models/read-models';
import { HistoryRecord } from './history-record';
import { reportDefinition } from './report-definitions';
import { ReportEvidence } from './report-evidence';
import { ReportRegisterFile } from './report-register';
import { IntegrityWatch } from '../integrity/integrity-watch';

/** The clocks and framework a report is asked for; absent clocks mean "everything recorded". */
export interface ReportClockRequest {
  frameworkId?: string;
  asOf?: string;
  knownAt?: string;
}

/**
 * Who asked for a report, and how (api or cli), as the register of whose words it carried records
 * it; without an actor, the configured local identity (COPROD_ACTOR).
 */
export interface ReportRequester {
  actor?: { id: string; role: string };
  source: string;
}

/** A report rendered in one format, ready to write or send. */
export interface RenderedReport {
  model: ReportModel;
  format: ReportFormat;
  contentType: string;
  body: Buffer;
  /** The file name the report is saved under by default. */
  fileName: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: DOCX_MEDIA_TYPE,
};

/**
 * Builds the three reports from the real record (case study, committee extract, audit history) and
 * renders them. Every report is dated by the last event it includes, so the same record, request
 * and definition always give the same bytes; a report names the kind of store it came from, never
 * where the store is. Every case study and committee extract built is entered in the register of
 * whose words each report carried before it is handed over.
 */
@Injectable()
export class ReportService implements OnApplicationShutdown {
  private readonly register: ReportRegisterFile;

  constructor(
    private readonly evidence: ReportEvidence,
    private readonly history: HistoryRecord,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly integrity: IntegrityWatch,
  ) {
    this.register = new ReportRegisterFile(config.keysFile);
  }

  onApplicationShutdown(): void {
    this.register.close();
  }

  /**
   * A project's case study for an audience (`public` unless asked otherwise), built for `requester`
   * (the configured local identity when none is given).
   */
  async caseStudy(
    projectId: string,
    request: ReportClockRequest & { audience?: CaseStudyAudience },
    format: ReportFormat,
    requester?: ReportRequester,
  ): Promise<RenderedReport> {
    await this.evidence.catchUp();
    const audience = request.audience ?? 'public';
    const { evidence, chainHead } = await this.evidence.project(projectId, request.frameworkId, request.asOf, request.knownAt);
    const fileName = `case-study-${projectId}.${format}`;
    const command = regenerateCommand(
      'case-study',
      [['project', projectId], ['framework', evidence.framework.id], ['as-of', evidence.clocks.asOf], ['known-at', String(evidence.clocks.knownAtPosition)], ['audience', audience]],
      format,
      fileName,
    );
    const model = buildCaseStudy({ evidence, audience, setting: this.setting('case_study', chainHead, command) });
    const report = await this.render(model, format, fileName);
    this.registerBuilt(report, evidence, { reportKind: 'case_study', subject: { kind: 'project', id: projectId }, audience }, requester);
    return report;
  }

  /**
   * The Easy Read summary of a project's public case study, as PDF or HTML. It carries no quote or
   * contribution, so nothing is entered in the register of whose words reports carried.
   */
  async easyRead(projectId: string, request: ReportClockRequest, format: 'pdf' | 'html'): Promise<Omit<RenderedReport, 'model'>> {
    await this.evidence.catchUp();
    const { evidence, chainHead } = await this.evidence.project(projectId, request.frameworkId, request.asOf, request.knownAt);
    const fileName = `easy-read-${projectId}.${format}`;
    const command = regenerateCommand(
      'easy-read',
      [['project', projectId], ['framework', evidence.framework.id], ['as-of', evidence.clocks.asOf], ['known-at', String(evidence.clocks.knownAtPosition)]],
      format,
      fileName,
    );
    const model = buildEasyRead({ evidence, setting: this.setting('case_study', chainHead, command) });
    const body = format === 'pdf' ? await renderEasyReadPdf(model) : Buffer.from(renderEasyReadHtml(model), 'utf8');
    return { format, contentType: CONTENT_TYPES[format], body, fileName };
  }

  /** How co-production shaped one decision, for a committee paper, built for `requester` (as for a case study). */
  async committee(decisionId: string, request: ReportClockRequest, format: ReportFormat, requester?: ReportRequester): Promise<RenderedReport> {
    await this.evidence.catchUp();
    const knownAtPosition = this.evidence.knownAtPosition(request.knownAt);
    const projectId = this.readModels.reader.streamRecord(`decision-${decisionId}`, knownAtPosition).find((row) => row.type === 'DecisionRecorded')?.projectId;
    if (!projectId) throw notFound('decision.not_found', `decision ${decisionId} is not recorded${request.knownAt ? ` as known at ${request.knownAt}` : ''}; check the decision id`);
    const { evidence, chainHead } = await this.evidence.project(projectId, request.frameworkId, request.asOf, request.knownAt);
    if (!evidence.facts.decisions.has(decisionId)) {
      throw notFound('decision.not_found', `decision ${decisionId} had not been taken by ${evidence.clocks.asOf}; ask for a later as-of date`);
    }
    const fileName = `committee-${decisionId}.${format}`;
    const command = regenerateCommand(
      'committee',
      [['decision', decisionId], ['framework', evidence.framework.id], ['as-of', evidence.clocks.asOf], ['known-at', String(evidence.clocks.knownAtPosition)]],
      format,
      fileName,
    );
    const model = buildCommitteeExtract({ evidence, decisionId, setting: this.setting('committee_extract', chainHead, command) });
    const report = await this.render(model, format, fileName);
    this.registerBuilt(report, evidence, { reportKind: 'committee_extract', subject: { kind: 'decision', id: decisionId }, audience: 'committee_papers' }, requester);
    return report;
  }

  /** Every event about a project, decision, expense claim or participant, with integrity checked. */
  async auditHistory(kind: HistorySubjectKind, id: string, request: Pick<ReportClockRequest, 'knownAt'>, format: ReportFormat): Promise<RenderedReport> {
    await this.evidence.catchUp();
    const knownAtPosition = this.evidence.knownAtPosition(request.knownAt);
    const events = await this.evidence.withStoryWords(await this.history.read(kind, id, knownAtPosition));
    const head = await this.evidence.eventAt(knownAtPosition);
    const last = events[events.length - 1];
    const fileName = `history-${kind}-${id}.${format}`;
    const command = regenerateCommand('history', [[kind, id], ['known-at', String(knownAtPosition)]], format, fileName);
    const model = buildAuditHistory({
      subject: { kind, id },
      events,
      clocks: { asOf: 'any time: a history includes every event, whenever it happened', knownAtPosition, knownAt: `position ${knownAtPosition}` },
      range: { firstPosition: events[0].position, lastPosition: last.position, eventCount: events.length, lastEventHash: last.hash, lastRecordedAt: last.recordedAt },
      setting: this.setting('audit_history', { position: head?.position ?? 0, hash: head?.hash ?? '' }, command),
    });
    return this.render(model, format, fileName);
  }

  private setting(kind: 'case_study' | 'committee_extract' | 'audit_history', chainHead: { position: number; hash: string }, command: string): ReportSetting {
    return {
      publisher: this.config.publisher,
      suppressionThreshold: this.config.suppressionThreshold,
      chainHead,
      storeDescription: this.storeKind(),
      definition: reportDefinition(kind),
      regenerateCommand: command,
    };
  }

  /** The kind of store the record is in: a report names it, never its path or its host. */
  private storeKind(): string {
    return selectedConnectionString({ connectionString: this.config.eventStoreConnectionString ?? '', env: {} }) ? 'EventStoreDB' : 'the embedded event store';
  }

  /** While the integrity chain is broken, every report opens with a notice saying where. */
  private withIntegrityNotice(model: ReportModel): ReportModel {
    const notice = this.integrity.failureNotice();
    if (!notice) return model;
    return { ...model, sections: [{ id: 'integrity-notice', heading: 'Integrity warning', blocks: [{ kind: 'notice', text: notice }] }, ...model.sections] };
  }

  /** Enters a built report in the register: all or nothing, and before the report is handed over. */
  private registerBuilt(report: RenderedReport, evidence: ProjectEvidence, about: Pick<ReportBuilt, 'reportKind' | 'subject' | 'audience'>, requester: ReportRequester | undefined): void {
    const actor = requester?.actor ?? this.config.localActor ?? { id: 'local', role: 'administrator' };
    this.register.opened().record({
      ...about,
      projectId: evidence.projectId,
      format: report.format,
      builtAt: new Date().toISOString(),
      builtBy: { id: actor.id, role: actor.role },
      source: requester?.source ?? 'local',
      provenanceDigest: evidence.range.provenanceDigest ?? '',
      words: wordsCarried(report.model, evidence.facts),
    });
  }

  private async render(built: ReportModel, format: ReportFormat, fileName: string): Promise<RenderedReport> {
    const model = this.withIntegrityNotice(built);
    const body =
      format === 'pdf'
        ? await renderPdf(model)
        : format === 'docx'
          ? await renderDocx(model)
          : format === 'html'
            ? Buffer.from(await drawChartsAhead(chartsOf(model)).then(() => renderHtml(model)), 'utf8')
            : Buffer.from(renderMarkdown(model), 'utf8');
    return { model, format, contentType: CONTENT_TYPES[format], body, fileName };
  }
}
