import { Request } from 'express';
import { RequestActor } from '../../../api/src/http/request-actor';

/** A request to a page that needs a permission: the guard has already said who is asking. */
export type SignedIn = Request & { actor: RequestActor };

/** What these pages keep in a person's session between one page and the next. */
interface PageSession {
  /** The success message the next page shows once. */
  flash?: string;
  /** Answers given so far to a form spread over several pages, by form (`pay:exp-1`). */
  drafts?: Record<string, Record<string, unknown>>;
}

function sessionOf(request: Request): PageSession | undefined {
  return (request as Request & { session?: PageSession }).session;
}

/** Says what was recorded on the page the person is sent to next. */
export function setFlash(request: Request, text: string): void {
  const session = sessionOf(request);
  if (session) session.flash = text;
}

/** The message left for this page, shown once. */
export function takeFlash(request: Request): string | undefined {
  const session = sessionOf(request);
  const flash = session?.flash;
  if (session && flash !== undefined) delete session.flash;
  return flash;
}

/** The answers given so far to a form spread over several pages. */
export function draft<T extends Record<string, unknown>>(request: Request, key: string): Partial<T> | undefined {
  return sessionOf(request)?.drafts?.[key] as Partial<T> | undefined;
}

/** Keeps more answers to a form spread over several pages. */
export function saveDraft(request: Request, key: string, answers: Record<string, unknown>): void {
  const session = sessionOf(request);
  if (!session) return;
  session.drafts = { ...session.drafts, [key]: { ...session.drafts?.[key], ...answers } };
}

/** Forgets a form's answers once it is recorded. */
export function clearDraft(request: Request, key: string): void {
  const session = sessionOf(request);
  if (session?.drafts) delete session.drafts[key];
}
