import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, newFormKey } from '../form-command';
import { actErrors, renderClaimPage, sendAct } from './act-on-claim';
import { ClaimPage } from './claim-page';
import { formProblems } from './form-checks';
import { formBody, text } from './form-values';
import { setFlash, SignedIn } from './page-state';
import { today } from './page-words';

const REJECT_LABELS = { reason: 'Why the claim is rejected' };
const WITHDRAW_LABELS = { reason: 'Why the approval is withdrawn' };

/** Deciding on a claim: approve it, reject it with a reason, or withdraw an approval given in error. */
@ApiExcludeController()
@Controller('expenses/:claimId')
export class ExpenseDecisionsController {
  constructor(
    private readonly claimPage: ClaimPage,
    private readonly form: FormCommand,
  ) {}

  @Post('approve')
  @Requires('approve_expenses')
  async approve(@Req() request: SignedIn, @Res() response: Response, @Param('claimId') claimId: string, @Body() raw: unknown): Promise<void> {
    const view = await this.claimPage.view(request, claimId);
    const outcome = await sendAct(this.form, 'ApproveExpense', { claimId, approvedOn: today() }, { actor: request.actor, formKey: text(formBody(raw), 'formKey'), labels: {} });
    if ('recorded' in outcome) {
      setFlash(request, `Claim approved: ${view.amount} is waiting for payment by a second person`);
      return response.redirect(303, `/expenses/${encodeURIComponent(claimId)}`);
    }
    const problems = actErrors(outcome, view, request, 'approve');
    renderClaimPage(request, response, 'decisions/claim.njk', `Claim for ${view.amount}`, view, { problems, barred: 'barred' in outcome, formKey: newFormKey() });
  }

  @Get('reject')
  @Requires('approve_expenses')
  async rejectForm(@Req() request: SignedIn, @Res() response: Response, @Param('claimId') claimId: string): Promise<void> {
    const view = await this.claimPage.view(request, claimId);
    renderClaimPage(request, response, 'decisions/claim-reject.njk', 'Reject this claim', view, { answers: { formKey: newFormKey() } });
  }

  @Post('reject')
  @Requires('approve_expenses')
  async reject(@Req() request: SignedIn, @Res() response: Response, @Param('claimId') claimId: string, @Body() raw: unknown): Promise<void> {
    const body = formBody(raw);
    const view = await this.claimPage.view(request, claimId);
    const answers = { reason: text(body, 'reason'), formKey: text(body, 'formKey') };
    const data = { claimId, rejectedOn: today(), reason: answers.reason };
    const problems = await formProblems(this.form, 'RejectExpense', data, { labels: REJECT_LABELS, required: { reason: 'Enter why the claim is rejected' } });
    const outcome = problems.length > 0 ? { errors: problems } : await sendAct(this.form, 'RejectExpense', data, { actor: request.actor, formKey: answers.formKey, labels: REJECT_LABELS });
    if ('recorded' in outcome) {
      setFlash(request, 'Claim rejected: the reason is recorded for the claimant');
      return response.redirect(303, `/expenses/${encodeURIComponent(claimId)}`);
    }
    renderClaimPage(request, response, 'decisions/claim-reject.njk', 'Reject this claim', view, { answers, problems: actErrors(outcome, view, request, 'reject'), barred: 'barred' in outcome });
  }

  @Get('withdraw-approval')
  @Requires('approve_expenses')
  async withdrawForm(@Req() request: SignedIn, @Res() response: Response, @Param('claimId') claimId: string): Promise<void> {
    const view = await this.claimPage.view(request, claimId);
    renderClaimPage(request, response, 'decisions/claim-withdraw.njk', 'Withdraw the approval of this claim', view, { answers: { formKey: newFormKey() } });
  }

  @Post('withdraw-approval')
  @Requires('approve_expenses')
  async withdraw(@Req() request: SignedIn, @Res() response: Response, @Param('claimId') claimId: string, @Body() raw: unknown): Promise<void> {
    const body = formBody(raw);
    const view = await this.claimPage.view(request, claimId);
    const answers = { reason: text(body, 'reason'), formKey: text(body, 'formKey') };
    const data = { claimId, withdrawnOn: today(), reason: answers.reason };
    const problems = await formProblems(this.form, 'WithdrawExpenseApproval', data, { labels: WITHDRAW_LABELS, required: { reason: 'Enter why the approval is withdrawn' } });
    const outcome =
      problems.length > 0 ? { errors: problems } : await sendAct(this.form, 'WithdrawExpenseApproval', data, { actor: request.actor, formKey: answers.formKey, labels: WITHDRAW_LABELS });
    if ('recorded' in outcome) {
      setFlash(request, 'Approval withdrawn: the claim is waiting for a decision again');
      return response.redirect(303, `/expenses/${encodeURIComponent(claimId)}`);
    }
    renderClaimPage(request, response, 'decisions/claim-withdraw.njk', 'Withdraw the approval of this claim', view, {
      answers,
      problems: actErrors(outcome, view, request, 'withdraw'),
      barred: 'barred' in outcome,
    });
  }
}
