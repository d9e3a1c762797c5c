import { FormCommand, FormError } from '../form-command';
import { DateAnswer, fieldError } from './form-values';

/** A form's questions: the words each field is known by, in the order the form asks them. */
export type Labels = Readonly<Record<string, string>>;

/**
 * Everything wrong with a form's answers, in the order the form asks its questions: a question left
 * unanswered (`required`: field → "Enter …" or "Select …"), a date that is not one, what the page
 * found itself (`own`: an amount that is not pounds and pence), then whatever the command's own
 * validation finds in the answers given. Nothing is sent.
 */
export async function formProblems(
  form: FormCommand,
  type: string,
  data: Record<string, unknown>,
  questions: { labels: Labels; required?: Readonly<Record<string, string>>; dates?: Readonly<Record<string, DateAnswer>>; own?: readonly FormError[] },
): Promise<FormError[]> {
  const own: FormError[] = [...(questions.own ?? [])];
  for (const [field, message] of Object.entries(questions.required ?? {})) {
    if (isEmpty(data[field]) && !own.some((e) => e.field === field)) own.push(fieldError(field, message));
  }
  for (const [field, answer] of Object.entries(questions.dates ?? {})) {
    if (answer.problem && !own.some((e) => e.field === field)) own.push(fieldError(field, answer.problem));
  }
  const answered = new Set(own.map((e) => e.field));
  const checked = (await form.check(type, data, questions.labels)).filter((e) => !answered.has(e.field));
  return inFormOrder([...own, ...checked], questions.labels);
}

/** Errors sorted as the form asks its questions; those about the form as a whole come first. */
export function inFormOrder(errors: FormError[], labels: Labels): FormError[] {
  const order = Object.keys(labels);
  const rank = (e: FormError) => (e.field === '' ? -1 : order.indexOf(e.field) === -1 ? order.length : order.indexOf(e.field));
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
