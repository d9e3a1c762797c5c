import { Request, Response } from 'express';
import { pageContext } from './web-page';

/** Whether a path belongs to the web interface (everything but the JSON API and the health checks). */
export function isWebPath(path: string): boolean {
  return !/^\/(api|health)(\/|$)/.test(path);
}

/** The status and what the problem says, as the problem-details filter worked them out. */
interface Problem {
  status: number;
  detail: string;
}

/**
 * Renders an error as a GOV.UK page: someone not signed in is sent to sign in (and back again), a
 * refusal says why and who can help, a missing page says so, and a fault says sorry without detail.
 */
export function renderWebError(request: Request, response: Response, problem: Problem): void {
  if (problem.status === 401) {
    const back = request.method === 'GET' ? `?returnTo=${encodeURIComponent(request.originalUrl)}` : '';
    response.redirect(303, `/sign-in${back}`);
    return;
  }
  const page = (title: string, lines: string[], link?: { href: string; text: string }) =>
    response.status(problem.status).render('errors/page.njk', pageContext(request, title, { lines, link }));
  if (problem.status === 403) {
    return page(
      'You do not have access to this page',
      [
        problem.detail.replace(/: ask an administrator.*$/, '.'),
        'If you need it for your work, ask the administrator of this service to give you a role that allows it.',
      ],
      {
        href: '/',
        text: 'Go to the start of the service',
      },
    );
  }
  if (problem.status === 404) {
    return page(
      'Page not found',
      ['If you typed the web address, check it is correct.', 'If you followed a link, the record it points to may not exist.'],
      { href: '/', text: 'Go to the start of the service' },
    );
  }
  if (problem.status === 503)
    return page('Sorry, the service is unavailable', ['The record cannot be reached just now. Nothing you sent was recorded. Try again later.']);
  if (problem.status >= 500) return page('Sorry, there is a problem with the service', ['Nothing you sent was recorded. Try again later.']);
  return page('There is a problem', [problem.detail], {
    href: '/',
    text: 'Go to the start of the service',
  });
}
