import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { PAYMENT_METHODS } from '@coprod/domain';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { actErrors, renderClaimPage, sendAct } from './act-on-claim';
import { ClaimPage } from './claim-page';
import { formProblems } from './form-checks';
import { dateAnswer, dateParts, formBody, optional, text } from './form-values';
import { clearDraft, draft, saveDraft, setFlash, SignedIn } from './page-state';
import { choices, dateWords, named, today } from './page-words';

const PAY_LABELS = { method: 'How it was paid', reference: 'Payment reference', paidOn: 'Date paid' };
const REVERSE_LABELS = { reversedOn: 'Date the payment was reversed', reason: 'Why the payment is reversed' };

/** The answers to the payment questions, kept until they are checked and recorded. */
interface PaymentDraft extends Record<string, unknown> {
  formKey: string;
  method: string;
  reference: string | null;
  paidOn: string;
}

const draftKey = (claimId: string) => `pay:${claimId}`;
const claimPath = (claimId: string) => `/expenses/${encodeURIComponent(claimId)}`;

/**
 * Paying a claim (its details, then check your answers: a payment cannot be undone), and reversing a
 * payment that did not go out or came back.
 */
@ApiExcludeController()
@Controller('expenses/:claimId')
export class ExpensePaymentsController {
  constructor(
    private readonly claimPage: ClaimPage,
    private readonly form: FormCommand,
  ) {}

  @Get('pay')
  @Requires('pay_expenses')
  async payForm(@Req() request: SignedIn, @Res() response: Response, @Param('claimId') claimId: string): Promise<void> {
    const view = await this.claimPage.view(request, claimId);
    const earlier = draft<PaymentDraft>(request, draftKey(claimId));
    const answers = { formKey: earlier?.formKey ?? newFormKey(), method: earlier?.method ?? '', reference: earlier?.reference ?? '', paidOn: dateParts(earlier?.paidOn ?? today()) };
    renderClaimPage(request, response, 'decisions/claim-pay.njk', 'Pay this claim', view, { answers, methods: choices(PAYMENT_METHODS, answers.method) });
  }

  @Post('pay')
  @Requires('pay_expenses')
  async payDetails(@Req() request: SignedIn, @Res() response: Response, @Param('claimId') claimId: string, @Body() raw: unknown): Promise<void> {
    const body = formBody(raw);
    const view = await this.claimPage.view(request, claimId);
    const paidOn = dateAnswer(body, 'paidOn', 'the date paid');
    const answers = { formKey: text(body, 'formKey'), method: text(body, 'method'), reference: optional(body, 'reference'), paidOn: paidOn.iso };
    const data = { claimId, paidOn: paidOn.iso, amountPence: view.claim.state.amountPence, method: answers.method, reference: answers.reference };
    const problems = await formProblems(this.form, 'PayExpense', data, { labels: PAY_LABELS, required: { method: 'Select how it was paid' }, dates: { paidOn } });
    if (problems.length > 0) {
      return renderClaimPage(request, response, 'decisions/claim-pay.njk', 'Pay this claim', view, {
        answers: { ...answers, reference: answers.reference ?? '', paidOn },
        methods: choices(PAYMENT_METHODS, answers.method),
        problems,
        dateFields: ['paidOn'],
      });
    }
    saveDraft(request, draftKey(claimId), answers);
    response.redirect(303, `${claimPath(claimId)}/pay/check`);
  }

  @Get('pay/check')
  @Requires('pay_expenses')
  async check(@Req() request: SignedIn, @Res() response: Response, @Param('claimId') claimId: string): Promise<void> {
    const answers = draft<PaymentDraft>(request, draftKey(claimId));
    if (!answers?.formKey) return response.redirect(303, `${claimPath(claimId)}/pay`);
    const view = await this.claimPage.view(request, claimId);
    renderClaimPage(request, response, 'decisions/claim-pay-check.njk', 'Check the payment before you record it', view, { payment: paymentWords(answers) });
  }

  @Post('pay/check')
  @Requires('pay_expenses')
  async pay(@Req() request: SignedIn, @Res() response: Response, @Param('claimId') claimId: string): Promise<void> {
    const answers = draft<PaymentDraft>(request, draftKey(claimId));
    if (!answers?.formKey) return response.redirect(303, `${claimPath(claimId)}/pay`);
    const view = await this.claimPage.view(request, claimId);
    const data = { claimId, paidOn: answers.paidOn, amountPence: view.claim.state.amountPence, method: answers.method, reference: answers.reference ?? null };
    const outcome = await sendAct(this.form, 'PayExpense', data, { actor: request.actor, formKey: answers.formKey, labels: PAY_LABELS });
    if ('recorded' in outcome) {
      clearDraft(request, draftKey(claimId));
      setFlash(request, `Payment of ${view.amount} recorded`);
      return response.redirect(303, claimPath(claimId));
    }
    const problems = actErrors(outcome, view, request, 'pay').map((e): FormError => (e.field ? { ...e, href: `${claimPath(claimId)}/pay#${e.field}` } : e));
    renderClaimPage(request, response, 'decisions/claim-pay-check.njk', 'Check the payment before you record it', view, {
      payment: paymentWords(answers),
      problems,
      barred: 'barred' in outcome,
    });
  }

  @Get('reverse-payment')
  @Requires('pay_expenses')
  async reverseForm(@Req() request: SignedIn, @Res() response: Response, @Param('claimId') claimId: string): Promise<void> {
    const view = await this.claimPage.view(request, claimId);
    renderClaimPage(request, response, 'decisions/claim-reverse.njk', 'Reverse the payment of this claim', view, {
      answers: { formKey: newFormKey(), reason: '', reversedOn: dateParts(today()) },
    });
  }

  @Post('reverse-payment')
  @Requires('pay_expenses')
  async reverse(@Req() request: SignedIn, @Res() response: Response, @Param('claimId') claimId: string, @Body() raw: unknown): Promise<void> {
    const body = formBody(raw);
    const view = await this.claimPage.view(request, claimId);
    const reversedOn = dateAnswer(body, 'reversedOn', 'the date the payment was reversed');
    const answers = { formKey: text(body, 'formKey'), reason: text(body, 'reason'), reversedOn };
    const data = { claimId, reversedOn: reversedOn.iso, reason: answers.reason };
    const problems = await formProblems(this.form, 'ReverseExpensePayment', data, {
      labels: REVERSE_LABELS,
      required: { reason: 'Enter why the payment is reversed' },
      dates: { reversedOn },
    });
    const outcome =
      problems.length > 0 ? { errors: problems } : await sendAct(this.form, 'ReverseExpensePayment', data, { actor: request.actor, formKey: answers.formKey, labels: REVERSE_LABELS });
    if ('recorded' in outcome) {
      setFlash(request, `Payment of ${view.amount} reversed: the claim is waiting for payment again`);
      return response.redirect(303, claimPath(claimId));
    }
    renderClaimPage(request, response, 'decisions/claim-reverse.njk', 'Reverse the payment of this claim', view, {
      answers,
      problems: actErrors(outcome, view, request, 'reverse'),
      barred: 'barred' in outcome,
      dateFields: ['reversedOn'],
    });
  }
}

/** The payment answers as the check page lists them. */
function paymentWords(answers: Partial<PaymentDraft>) {
  return { method: named(answers.method ?? ''), reference: answers.reference || 'None given', paidOn: dateWords(answers.paidOn ?? '') };
}
