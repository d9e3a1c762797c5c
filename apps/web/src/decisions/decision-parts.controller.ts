import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { notFound } from '@coprod/domain';
import type { CommitmentFact } from '@coprod/frameworks';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { pageContext } from '../web-page';
import { contributionWords, DecisionRecord, DecisionRecords } from './decision-record';
import { formProblems, Labels } from './form-checks';
import { dateAnswer, dateParts, FormBody, formBody, idFromFormKey, inline, optional, text } from './form-values';
import { setFlash, SignedIn } from './page-state';
import { dateWords, today } from './page-words';

const PROPOSAL_LABELS = { contributionId: 'Where it came from', proposal: 'What was proposed', reason: 'Why it was not adopted' };
const COMMITMENT_LABELS = { description: 'What the council committed to', dueBy: 'Date it is due by' };
const MET_LABELS = { metOn: 'Date it was met', evidence: 'Evidence that it was met' };

const decisionPath = (projectId: string, decisionId: string, anchor: string) =>
  `/projects/${encodeURIComponent(projectId)}/decisions/${encodeURIComponent(decisionId)}#${anchor}`;

/** The parts of a decision recorded after it: proposals not adopted (with the reason), commitments, and meeting them. */
@ApiExcludeController()
@Controller('projects/:projectId/decisions/:decisionId')
export class DecisionPartsController {
  constructor(
    private readonly records: DecisionRecords,
    private readonly form: FormCommand,
  ) {}

  @Get('proposals/new')
  @Requires('record')
  async proposalForm(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Param('decisionId') decisionId: string): Promise<void> {
    const record = await this.records.decision(projectId, decisionId);
    this.render(request, response, 'decisions/proposal-new.njk', 'Record a proposal that was not adopted', record, { formKey: newFormKey() }, []);
  }

  @Post('proposals/new')
  @Requires('record')
  async proposal(
    @Req() request: SignedIn,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('decisionId') decisionId: string,
    @Body() raw: unknown,
  ): Promise<void> {
    const record = await this.records.decision(projectId, decisionId);
    const body = formBody(raw);
    const formKey = text(body, 'formKey');
    const data = {
      decisionId,
      proposalId: idFromFormKey('prop', formKey),
      contributionId: optional(body, 'contributionId'),
      proposal: text(body, 'proposal'),
      reason: text(body, 'reason'),
    };
    await this.sendOrShow(request, response, record, {
      type: 'RecordProposalNotAdopted',
      data,
      answers: { ...data, formKey },
      labels: PROPOSAL_LABELS,
      required: { proposal: 'Enter what was proposed', reason: 'Enter why it was not adopted, as participants will be told' },
      template: 'decisions/proposal-new.njk',
      title: 'Record a proposal that was not adopted',
      flash: 'Proposal recorded, with why it was not adopted',
      anchor: 'not-adopted',
    });
  }

  @Get('commitments/new')
  @Requires('record')
  async commitmentForm(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Param('decisionId') decisionId: string): Promise<void> {
    const record = await this.records.decision(projectId, decisionId);
    this.render(request, response, 'decisions/commitment-new.njk', 'Record a commitment', record, { formKey: newFormKey() }, []);
  }

  @Post('commitments/new')
  @Requires('record')
  async commitment(
    @Req() request: SignedIn,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('decisionId') decisionId: string,
    @Body() raw: unknown,
  ): Promise<void> {
    const record = await this.records.decision(projectId, decisionId);
    const body = formBody(raw);
    const formKey = text(body, 'formKey');
    const dueBy = dateAnswer(body, 'dueBy', 'the date it is due by', false);
    const data = { decisionId, commitmentId: idFromFormKey('com', formKey), description: text(body, 'description'), dueBy: dueBy.iso === '' ? null : dueBy.iso };
    await this.sendOrShow(request, response, record, {
      type: 'MakeCommitment',
      data,
      answers: { ...data, dueBy, formKey },
      labels: COMMITMENT_LABELS,
      required: { description: 'Enter what the council committed to' },
      dates: { dueBy },
      template: 'decisions/commitment-new.njk',
      title: 'Record a commitment',
      flash: 'Commitment recorded',
      anchor: 'commitments',
    });
  }

  @Get('commitments/:commitmentId/met')
  @Requires('record')
  async metForm(
    @Req() request: SignedIn,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('decisionId') decisionId: string,
    @Param('commitmentId') commitmentId: string,
  ): Promise<void> {
    const record = await this.records.decision(projectId, decisionId);
    const commitment = commitmentOf(record, commitmentId);
    this.render(request, response, 'decisions/commitment-met.njk', 'Record that a commitment was met', record, { formKey: newFormKey(), metOn: dateParts(today()) }, [], {
      commitment: commitmentWords(commitment),
    });
  }

  @Post('commitments/:commitmentId/met')
  @Requires('record')
  async met(
    @Req() request: SignedIn,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('decisionId') decisionId: string,
    @Param('commitmentId') commitmentId: string,
    @Body() raw: unknown,
  ): Promise<void> {
    const record = await this.records.decision(projectId, decisionId);
    const commitment = commitmentOf(record, commitmentId);
    const body = formBody(raw);
    const formKey = text(body, 'formKey');
    const metOn = dateAnswer(body, 'metOn', 'the date it was met');
    const data = { decisionId, commitmentId, metOn: metOn.iso, evidence: text(body, 'evidence') };
    await this.sendOrShow(request, response, record, {
      type: 'MeetCommitment',
      data,
      answers: { ...data, metOn, formKey },
      labels: MET_LABELS,
      required: { evidence: 'Enter the evidence that it was met' },
      dates: { metOn },
      template: 'decisions/commitment-met.njk',
      title: 'Record that a commitment was met',
      flash: 'Commitment recorded as met',
      anchor: 'commitments',
      extra: { commitment: commitmentWords(commitment) },
    });
  }

  /** Checks a form's answers, sends its command, and either goes back to the decision or shows the form again with what was wrong. */
  private async sendOrShow(
    request: SignedIn,
    response: Response,
    record: DecisionRecord,
    form: {
      type: string;
      data: Record<string, unknown>;
      answers: Record<string, unknown>;
      labels: Labels;
      required: Record<string, string>;
      dates?: Record<string, ReturnType<typeof dateAnswer>>;
      template: string;
      title: string;
      flash: string;
      anchor: string;
      extra?: Record<string, unknown>;
    },
  ): Promise<void> {
    const problems = await formProblems(this.form, form.type, form.data, { labels: form.labels, required: form.required, dates: form.dates });
    const outcome = problems.length > 0 ? { errors: problems } : await this.form.send(form.type, form.data, { actor: request.actor, formKey: String(form.answers.formKey), labels: form.labels });
    if ('errors' in outcome) {
      return this.render(request, response, form.template, form.title, record, form.answers, outcome.errors, form.extra, Object.keys(form.dates ?? {}));
    }
    setFlash(request, form.flash);
    response.redirect(303, decisionPath(record.projectId, record.decision.decisionId, form.anchor));
  }

  private render(
    request: SignedIn,
    response: Response,
    template: string,
    title: string,
    record: DecisionRecord,
    answers: FormBody | Record<string, unknown>,
    problems: FormError[],
    extra: Record<string, unknown> = {},
    dateFields: string[] = [],
  ): void {
    const { errors, errorOf } = inline(problems, dateFields);
    response.status(problems.length > 0 ? 400 : 200).render(
      template,
      pageContext(request, title, {
        project: { projectId: record.projectId, title: record.projectTitle },
        decision: record.decision,
        contributions: [
          { value: '', text: 'Not from a recorded contribution' },
          ...record.facts.contributions.map((c) => ({ value: c.contributionId, text: contributionWords(c, record.facts), selected: answers.contributionId === c.contributionId })),
        ],
        answers,
        errors,
        errorOf,
        ...extra,
      }),
    );
  }
}

function commitmentOf(record: DecisionRecord, commitmentId: string): CommitmentFact {
  const commitment = record.commitments.find((c) => c.commitmentId === commitmentId);
  if (!commitment) throw notFound('decision.commitment_not_found', `decision ${record.decision.decisionId} has no commitment ${commitmentId}`);
  return commitment;
}

function commitmentWords(commitment: CommitmentFact) {
  return { ...commitment, dueByWords: commitment.dueBy ? dateWords(commitment.dueBy) : null, metOnWords: commitment.metOn ? dateWords(commitment.metOn) : null };
}
