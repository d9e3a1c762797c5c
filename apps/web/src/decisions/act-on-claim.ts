import { Response } from 'express';
import { DomainError } from '@coprod/domain';
import { FormCommand, FormError, FormOutcome } from '../form-command';
import { pageContext } from '../web-page';
import { ClaimView } from './claim-page';
import { ExpenseAct, isSegregationRefusal, whyBarred } from './expense-acts';
import { inline } from './form-values';
import { SignedIn } from './page-state';

/** What sending an act's command came to: recorded, refused with errors, or refused by segregation of duties. */
export type ActOutcome = FormOutcome | { barred: DomainError };

/**
 * Sends an act's command through the same path as the API. Segregation of duties is refused there
 * (a 403 from the rules); it comes back here to be shown on the form, not as an error page.
 */
export async function sendAct(form: FormCommand, type: string, data: Record<string, unknown>, context: Parameters<FormCommand['send']>[2]): Promise<ActOutcome> {
  try {
    return await form.send(type, data, context);
  } catch (error) {
    if (isSegregationRefusal(error)) return { barred: error };
    throw error;
  }
}

/** The errors a refused act shows: the rules' segregation refusal is explained from the claim, as it was before the button. */
export function actErrors(outcome: Exclude<ActOutcome, { recorded: unknown }>, view: ClaimView, request: SignedIn, act: ExpenseAct): FormError[] {
  if ('barred' in outcome) return [{ field: '', text: whyBarred(view.claim, request.actor, act, outcome.barred), href: '#who-may' }];
  return outcome.errors;
}

/**
 * Renders a page about one claim: 400 when the answers were refused, 403 when segregation of duties
 * refused the person, 200 otherwise.
 */
export function renderClaimPage(
  request: SignedIn,
  response: Response,
  template: string,
  title: string,
  view: ClaimView,
  extra: { problems?: FormError[]; barred?: boolean; dateFields?: string[]; [name: string]: unknown },
): void {
  const { problems = [], barred = false, dateFields = [], ...rest } = extra;
  const { errors, errorOf } = inline(problems, dateFields);
  response.status(barred ? 403 : problems.length > 0 ? 400 : 200).render(template, pageContext(request, title, { view, errors, errorOf, ...rest }));
}
