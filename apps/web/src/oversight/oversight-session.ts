import { Request } from 'express';

/** What the oversight pages keep in a person's session between one page and the next. */
interface OversightSession {
  /** The answers to "why erase them?", by participant id, until they are checked and sent. */
  erasures?: Record<string, { reason: string; formKey: string }>;
  /** A token just issued, kept only until the page that shows it once has shown it. */
  newToken?: { tokenId: string; token: string };
}

/** The oversight pages' part of the session, created on first use. */
export function oversightSession(request: Request): OversightSession {
  const session = request.session as unknown as { oversight?: OversightSession };
  session.oversight ??= {};
  return session.oversight;
}
