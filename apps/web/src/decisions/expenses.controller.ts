import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { GetProjectOutcomes, ProjectOutcomes } from '@coprod/application';
import { EXPENSE_CATEGORIES } from '@coprod/domain';
import { roleNoun } from '@coprod/frameworks/indicators/labels';
import { can } from '@coprod/privacy';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { pageContext } from '../web-page';
import { claimantWords, ClaimPage } from './claim-page';
import { sessionWords } from './decision-record';
import { ExpenseAct, standing } from './expense-acts';
import { EVERYTHING_RECORDED, ExpenseClaim, ExpenseClaims, statusWords } from './expense-claims';
import { formProblems } from './form-checks';
import { dateAnswer, dateParts, formBody, FormBody, idFromFormKey, inline, optional, penceOf, text } from './form-values';
import { SignedIn, setFlash, takeFlash } from './page-state';
import { choices, dateWords, named, pounds, today } from './page-words';
import { ParticipantName, ParticipantNames } from './participant-names';

const CLAIM_LABELS = {
  participantId: 'Who is claiming',
  activityId: 'Session',
  category: 'What the money is for',
  amountPence: 'Amount',
  description: 'What the expense was',
  claimedOn: 'Date of the claim',
};

/** The expense queues, a project's claims, one claim's page, and claiming an expense for a participant. */
@ApiExcludeController()
@Controller()
export class ExpensesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly claims: ExpenseClaims,
    private readonly claimPage: ClaimPage,
    private readonly names: ParticipantNames,
    private readonly form: FormCommand,
  ) {}

  @Get('expenses')
  @Requires('approve_expenses')
  async queues(@Req() request: SignedIn, @Res() response: Response): Promise<void> {
    const actor = request.actor;
    const { awaitingApproval, awaitingPayment, projectTitles } = await this.claims.queues();
    const names = await this.names.of(actor, [...awaitingApproval, ...awaitingPayment].map((c) => c.participantId));
    const day = today();
    const row = (claim: ExpenseClaim, act: ExpenseAct) => ({
      ...claimRow(claim, names),
      projectTitle: projectTitles.get(claim.projectId) ?? claim.projectId,
      standing: standing(claim, actor, act, day),
      approvedBy: claim.state.status === 'approved' ? claim.state.approvedBy : '',
    });
    response.render(
      'decisions/expenses.njk',
      pageContext(request, 'Expenses', {
        approval: awaitingApproval.map((claim) => row(claim, 'approve')),
        payment: can(actor.role, 'pay_expenses') ? awaitingPayment.map((claim) => row(claim, 'pay')) : null,
        namesShown: this.names.shown(actor),
        flash: takeFlash(request),
      }),
    );
  }

  @Get('projects/:projectId/expenses')
  @Requires('read_figures')
  async ofProject(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const outcomes = await this.outcomes(projectId);
    const claims = await this.claims.ofProject(projectId);
    const names = await this.names.of(request.actor, claims.map((c) => c.participantId));
    const total = (pick: (claim: ExpenseClaim) => number) => pounds(claims.reduce((sum, claim) => sum + pick(claim), 0));
    const facts = outcomes.facts.expenses;
    response.render(
      'decisions/project-expenses.njk',
      pageContext(request, 'Expenses', {
        project: outcomes.facts.project,
        claims: claims.map((claim) => ({ ...claimRow(claim, names), paid: pounds(facts.get(claim.claimId)?.paidPence ?? 0) })),
        totals: {
          claimed: total((c) => c.state.amountPence),
          paid: total((c) => facts.get(c.claimId)?.paidPence ?? 0),
        },
        namesShown: this.names.shown(request.actor),
        mayRecord: can(request.actor.role, 'record'),
      }),
    );
  }

  @Get('projects/:projectId/expenses/new')
  @Requires('record')
  async claimForm(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    await this.renderClaimForm(request, response, projectId, { formKey: newFormKey(), claimedOn: dateParts(today()) }, []);
  }

  @Post('projects/:projectId/expenses/new')
  @Requires('record')
  async claim(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Body() raw: unknown): Promise<void> {
    const body = formBody(raw);
    const formKey = text(body, 'formKey');
    const typedAmount = text(body, 'amountPence');
    const amountPence = penceOf(typedAmount);
    const claimedOn = dateAnswer(body, 'claimedOn', 'the date of the claim');
    const data = {
      claimId: idFromFormKey('claim', formKey),
      projectId,
      participantId: text(body, 'participantId'),
      activityId: optional(body, 'activityId'),
      category: text(body, 'category'),
      amountPence: amountPence ?? null,
      description: text(body, 'description'),
      claimedOn: claimedOn.iso,
    };
    const own: FormError[] = [];
    if (typedAmount === '') own.push({ field: 'amountPence', text: 'Enter the amount claimed, in pounds and pence', href: '#amountPence' });
    else if (amountPence === undefined) own.push({ field: 'amountPence', text: 'Amount must be in pounds and pence, like 12.50', href: '#amountPence' });
    const answers = { ...data, amountPence: typedAmount, claimedOn: claimedOn, formKey };
    const problems = await formProblems(this.form, 'ClaimExpense', data, {
      labels: CLAIM_LABELS,
      required: { participantId: 'Select who is claiming', category: 'Select what the money is for', description: 'Enter what the expense was' },
      dates: { claimedOn },
      own,
    });
    if (problems.length > 0) return this.renderClaimForm(request, response, projectId, answers, problems);
    const outcome = await this.form.send('ClaimExpense', data, { actor: request.actor, formKey, labels: CLAIM_LABELS });
    if ('errors' in outcome) return this.renderClaimForm(request, response, projectId, answers, outcome.errors);
    setFlash(request, `Claim for ${pounds(data.amountPence!)} recorded: it is waiting for approval`);
    response.redirect(303, `/expenses/${encodeURIComponent(data.claimId)}`);
  }

  @Get('expenses/:claimId')
  @Requires('read_figures')
  async claimDetails(@Req() request: SignedIn, @Res() response: Response, @Param('claimId') claimId: string): Promise<void> {
    const view = await this.claimPage.view(request, claimId);
    response.render(
      'decisions/claim.njk',
      pageContext(request, `Claim for ${view.amount}`, { view, formKey: newFormKey(), flash: takeFlash(request) }),
    );
  }

  private outcomes(projectId: string): Promise<ProjectOutcomes> {
    return this.queries.execute(new GetProjectOutcomes({ projectId, now: new Date().toISOString(), asOf: EVERYTHING_RECORDED }));
  }

  private async renderClaimForm(request: SignedIn, response: Response, projectId: string, answers: FormBody | Record<string, unknown>, problems: FormError[]): Promise<void> {
    const outcomes = await this.outcomes(projectId);
    const people = [...outcomes.facts.participants.values()].filter((p) => !p.erased);
    const names = await this.names.of(request.actor, people.map((p) => p.participantId));
    const { errors, errorOf } = inline(problems, ['claimedOn']);
    response.status(problems.length > 0 ? 400 : 200).render(
      'decisions/claim-new.njk',
      pageContext(request, 'Claim an expense', {
        project: outcomes.facts.project,
        answers,
        errors,
        errorOf,
        people: [
          { value: '', text: 'Choose who is claiming' },
          ...people.map((p) => ({
            value: p.participantId,
            text: `${claimantWords(names.get(p.participantId), p.participantId)}, ${roleNoun(p.role)}`,
            selected: answers.participantId === p.participantId,
          })),
        ],
        sessions: [
          { value: '', text: 'Not for a particular session' },
          ...[...outcomes.facts.activities.values()]
            .filter((a) => !a.cancelled)
            .map((a) => ({ value: a.activityId, text: sessionWords(a), selected: answers.activityId === a.activityId })),
        ],
        categories: choices(EXPENSE_CATEGORIES, answers.category),
        namesShown: this.names.shown(request.actor),
      }),
    );
  }
}

/** One claim as a row of a table of claims. */
function claimRow(claim: ExpenseClaim, names: Map<string, ParticipantName>) {
  return {
    claimId: claim.claimId,
    claimant: claimantWords(names.get(claim.participantId), claim.participantId),
    category: named(claim.category),
    amount: pounds(claim.state.amountPence),
    claimedOn: dateWords(claim.claimedOn),
    status: statusWords(claim),
    statusKey: claim.state.status,
  };
}
