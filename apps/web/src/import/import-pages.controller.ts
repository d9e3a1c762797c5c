import { Controller, Get, Param, Post, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FileFieldsInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { IMPORT_KINDS, ImportKind, ImportPlan, ImportService, parseSurveyMapping, PlannedRow, UnreadableFile } from '@coprod/application/import';
import { DomainError } from '@coprod/domain';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { checkCommandDto } from '../../../cli/src/import/command-dto-check';
import { text } from '../recording/form-input';
import { PageRequest, projectPath, projectRecord, show } from '../recording/recording-page';
import { PendingImport, PendingImports } from './pending-imports';

/** Largest file the page accepts; the CLI takes longer files. */
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const PREVIEW_ROWS = 10;

const KIND_WORDS: Record<ImportKind, { label: string; hint: string }> = {
  participants: { label: 'People taking part', hint: 'One row per person: name, role and how to reach them' },
  register: { label: 'A register for one session', hint: 'One row per person who took part: minutes, capacity and how they took part' },
  survey: { label: 'Survey responses', hint: 'One row per response, before or after taking part; a Microsoft Forms export needs its mapping file' },
  expenses: { label: 'Expense claims', hint: 'One row per claim, in pounds and pence' },
};

/** An uploaded file as multer holds it in memory (no storage given: nothing is written to disk). */
type UploadedFile = { originalname: string; buffer: Buffer; size: number };
type Uploaded = { file?: UploadedFile[]; mapping?: UploadedFile[] };

/**
 * Bringing in a spreadsheet or typed-up paper sheets from the web: choose what the file holds and
 * upload it; the whole file is checked (every problem listed by row and column, nothing recorded),
 * then a check-your-answers page shows what it will record before anything is; confirmed, each row
 * goes through the same command, DTO, permission and rules as the API, as the CLI does it.
 */
@ApiExcludeController()
@Controller('projects/:projectId/import')
export class ImportPagesController {
  private readonly pending = new PendingImports();

  constructor(
    private readonly imports: ImportService,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Requires('record')
  async form(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    await this.renderForm(request, response, projectId, {});
  }

  @Post()
  @Requires('record')
  @UseInterceptors(
    FileFieldsInterceptor(
      [
        { name: 'file', maxCount: 1 },
        { name: 'mapping', maxCount: 1 },
      ],
      { limits: { fileSize: MAX_UPLOAD_BYTES, files: 2 } },
    ),
  )
  async upload(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @UploadedFiles() files: Uploaded = {},
  ): Promise<void> {
    const body = request.body ?? {};
    const kind = text(body, 'kind') as ImportKind;
    const activityId = text(body, 'activityId');
    const source = text(body, 'source') === 'paper' ? 'paper' : 'import';
    const answers = { kind, activityId, source };
    const file = files.file?.[0];
    const problems: { field: string; text: string }[] = [];
    if (!(IMPORT_KINDS as readonly string[]).includes(kind)) problems.push({ field: 'kind', text: 'Choose what the file holds' });
    if (!file || file.size === 0) problems.push({ field: 'file', text: 'Choose a CSV or Excel file to upload' });
    if (kind === 'register' && !activityId) problems.push({ field: 'activityId', text: 'Choose the session the register is for' });
    if (problems.length > 0)
      return this.renderForm(
        request,
        response,
        projectId,
        answers,
        problems.map((p) => ({ ...p, href: `#${p.field}` })),
      );
    const entry = this.pending.hold({
      actorId: request.actor.id,
      projectId,
      kind,
      fileName: file!.originalname,
      bytes: file!.buffer,
      mapping: files.mapping?.[0]?.buffer.toString('utf8'),
      target: { projectId, ...(activityId ? { activityId } : {}) },
      source,
    });
    const checked = await this.check(request, entry);
    if ('problem' in checked)
      return this.renderForm(request, response, projectId, answers, [{ field: 'file', text: checked.problem, href: '#file' }]);
    if (checked.plan.errors.length > 0)
      return this.renderForm(
        request,
        response,
        projectId,
        answers,
        [
          {
            field: 'file',
            text: `${entry.fileName} has ${checked.plan.errors.length} ${checked.plan.errors.length === 1 ? 'problem' : 'problems'}; nothing was imported. Correct the rows listed and upload it again`,
            href: '#file',
          },
        ],
        checked.plan,
      );
    response.redirect(303, projectPath(projectId, `/import/${entry.token}/check`));
  }

  @Get(':token/check')
  @Requires('record')
  async checkAnswers(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('token') token: string,
  ): Promise<void> {
    const entry = this.pending.find(token, request.actor.id, projectId);
    if (!entry || entry.outcome) return response.redirect(303, projectPath(projectId, entry ? `/import/${token}/done` : '/import'));
    const checked = await this.check(request, entry);
    if ('problem' in checked || checked.plan.errors.length > 0) return response.redirect(303, projectPath(projectId, '/import'));
    const { plan } = checked;
    response.setHeader('Cache-Control', 'no-store');
    show(request, response, 'import/check.njk', 'Check the file before you import it', {
      project: await this.projectOf(projectId),
      plan,
      kindLabel: KIND_WORDS[plan.kind].label,
      newRows: plan.rows.filter((r) => !r.alreadyImported).length,
      already: plan.rows.filter((r) => r.alreadyImported).length,
      preview: preview(plan),
      action: projectPath(projectId, `/import/${token}/check`),
      changeHref: projectPath(projectId, '/import'),
    });
  }

  @Post(':token/check')
  @Requires('record')
  async confirm(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('token') token: string,
  ): Promise<void> {
    const entry = this.pending.find(token, request.actor.id, projectId);
    if (!entry) return response.redirect(303, projectPath(projectId, '/import'));
    if (entry.outcome) return response.redirect(303, projectPath(projectId, `/import/${token}/done`));
    const checked = await this.check(request, entry);
    if ('problem' in checked || checked.plan.errors.length > 0) return response.redirect(303, projectPath(projectId, '/import'));
    const outcome = await this.imports.record(checked.plan, request.actor);
    this.pending.recorded(entry, outcome);
    response.redirect(303, projectPath(projectId, `/import/${token}/done`));
  }

  @Get(':token/done')
  @Requires('record')
  async done(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('token') token: string,
  ): Promise<void> {
    const entry = this.pending.find(token, request.actor.id, projectId);
    if (!entry?.outcome) return response.redirect(303, projectPath(projectId, '/import'));
    show(request, response, 'import/done.njk', `${entry.fileName} imported`, {
      project: await this.projectOf(projectId),
      entry,
      outcome: entry.outcome,
      kindLabel: KIND_WORDS[entry.kind].label,
    });
  }

  /** The file checked against the record as it stands, or why it could not be read at all. */
  private async check(request: PageRequest, entry: PendingImport): Promise<{ plan: ImportPlan } | { problem: string }> {
    try {
      const mapping = entry.mapping ? parseSurveyMapping(entry.mapping) : undefined;
      const plan = await this.imports.plan(
        { kind: entry.kind, bytes: entry.bytes, fileName: entry.fileName, target: entry.target, actor: request.actor, source: entry.source, mapping },
        checkCommandDto,
      );
      return { plan };
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'forbidden') throw error;
      if (error instanceof UnreadableFile || error instanceof Error) return { problem: `${entry.fileName} could not be imported: ${error.message}` };
      throw error;
    }
  }

  private async renderForm(
    request: PageRequest,
    response: Response,
    projectId: string,
    answers: Record<string, string>,
    errors: { field: string; text: string; href: string }[] = [],
    plan?: ImportPlan,
  ): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const project = { projectId, title: outcomes.facts.project?.title ?? projectId };
    const sessions = [...outcomes.facts.activities.values()]
      .filter((a) => a.heldOn && !a.cancelled)
      .map((a) => ({ value: a.activityId, text: `${a.title} (${a.heldOn!.slice(0, 10)})` }));
    response.setHeader('Cache-Control', 'no-store');
    show(
      request,
      response,
      'import/upload.njk',
      'Import a spreadsheet or paper sheets',
      {
        project,
        answers,
        kinds: IMPORT_KINDS.map((k) => ({ value: k, text: KIND_WORDS[k].label, hint: { text: KIND_WORDS[k].hint }, checked: answers.kind === k })),
        sessions: [{ value: '', text: 'No session' }, ...sessions.map((s) => ({ ...s, selected: s.value === answers.activityId }))],
        rowErrors: plan?.errors ?? [],
        action: projectPath(projectId, '/import'),
        figuresHref: projectPath(projectId, '/exports/figures'),
        recordHref: projectPath(projectId, '/exports/record'),
      },
      errors,
    );
  }

  private async projectOf(projectId: string): Promise<{ projectId: string; title: string }> {
    const outcomes = await projectRecord(this.queries, projectId);
    return { projectId, title: outcomes.facts.project?.title ?? projectId };
  }
}

/** The first rows as they will be recorded, without anyone's personal details. */
function preview(plan: ImportPlan): { columns: string[]; rows: string[][] } {
  const pick = (row: PlannedRow, keys: string[]) => keys.map((k) => describe(row.data[k]));
  const layouts: Record<ImportKind, { columns: string[]; keys: string[] }> = {
    participants: { columns: ['Participant', 'Role'], keys: ['participantId', 'role'] },
    register: { columns: ['Participant', 'Minutes', 'Took part as', 'How'], keys: ['participantId', 'minutes', 'capacity', 'format'] },
    survey: {
      columns: ['Participant', 'Response', 'Before or after', 'Responded on'],
      keys: ['participantId', 'responseId', 'phase', 'respondedOn'],
    },
    expenses: {
      columns: ['Claim', 'Participant', 'For', 'Amount (pence)', 'Claimed on'],
      keys: ['claimId', 'participantId', 'category', 'amountPence', 'claimedOn'],
    },
  };
  const layout = layouts[plan.kind];
  return {
    columns: ['Row', ...layout.columns, 'Status'],
    rows: plan.rows
      .slice(0, PREVIEW_ROWS)
      .map((row) => [String(row.rowNumber), ...pick(row, layout.keys), row.alreadyImported ? 'Already imported' : 'New']),
  };
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value.replace(/_/g, ' ') : String(value);
}
