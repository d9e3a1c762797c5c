import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '@coprod/domain';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { renderHtml, renderMarkdown, renderPdf, type ReportModel } from '@coprod/reporting';
import {
  buildAuditHistory,
  buildCaseStudy,
  buildCommitteeExtract,
  regenerateCommand,
  type CaseStudyAudience,
  type HistorySubjectKind,
  type ReportFormat,
  type ReportSetting,
} from '@coprod/reporting/builders';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { READ_MODELS, ReadModels } from '../read-models/read-models';
import { HistoryRecord } from './history-record';
import { reportDefinition } from './report-definitions';
import { ReportEvidence } from './report-evidence';

/** The clocks and framework a report is asked for; absent clocks mean "everything recorded". */
export interface ReportClockRequest {
  frameworkId?: string;
  asOf?: string;
  knownAt?: string;
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
};

/**
 * Builds the three reports from the real record (case study, committee extract, audit history) and
 * renders them. Every report is dated by the last event it includes, so the same record, request
 * and definition always give the same bytes.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly evidence: ReportEvidence,
    private readonly history: HistoryRecord,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A project's case study for an audience (`public` unless asked otherwise). */
  async caseStudy(projectId: string, request: ReportClockRequest & { audience?: CaseStudyAudience }, format: ReportFormat): Promise<RenderedReport> {
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
    return this.render(model, format, fileName);
  }

  /** How co-production shaped one decision, for a committee paper. */
  async committee(decisionId: string, request: ReportClockRequest, format: ReportFormat): Promise<RenderedReport> {
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
    return this.render(model, format, fileName);
  }

  /** Every event about a project, decision, expense claim or participant, with integrity checked. */
  async auditHistory(kind: HistorySubjectKind, id: string, request: Pick<ReportClockRequest, 'knownAt'>, format: ReportFormat): Promise<RenderedReport> {
    await this.evidence.catchUp();
    const knownAtPosition = this.evidence.knownAtPosition(request.knownAt);
    const events = await this.history.read(kind, id, knownAtPosition);
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
      storeDescription: this.store.description,
      definition: reportDefinition(kind),
      regenerateCommand: command,
    };
  }

  private async render(model: ReportModel, format: ReportFormat, fileName: string): Promise<RenderedReport> {
    const body = format === 'pdf' ? await renderPdf(model) : Buffer.from(format === 'html' ? renderHtml(model) : renderMarkdown(model), 'utf8');
    return { model, format, contentType: CONTENT_TYPES[format], body, fileName };
  }
}
