import { NextFunction, Request, Response } from 'express';
import { AccessLog } from '@coprod/application';
import { RequestActor } from './request-actor';

/** A way in that shows a person's personal data, and how to tell whose from the request. */
interface PersonalRead {
  what: string;
  route: string;
  path: RegExp;
  subject: (match: RegExpExecArray, request: Request) => string | undefined;
}

const id = (match: RegExpExecArray) => decodeURIComponent(match[1]);

/** Every route that shows personal data, on the API and on the web pages. */
const PERSONAL_READS: readonly PersonalRead[] = [
  {
    what: 'subject access',
    route: 'GET /api/participants/:participantId/subject-access',
    path: /^\/api\/participants\/([^/]+)\/subject-access$/,
    subject: id,
  },
  {
    what: 'internal-audience report',
    route: 'GET /api/projects/:projectId/reports/case-study?audience=internal_evaluation',
    path: /^\/api\/projects\/([^/]+)\/reports\/case-study$/,
    subject: (match, request) => (request.query.audience === 'internal_evaluation' ? id(match) : undefined),
  },
  {
    what: 'internal-audience report',
    route: 'GET /projects/:projectId/reports/case-study?audience=internal_evaluation',
    path: /^\/projects\/([^/]+)\/reports\/case-study$/,
    subject: (match, request) => (request.query.audience === 'internal_evaluation' ? id(match) : undefined),
  },
  {
    what: 'subject access',
    route: 'GET /people/:participantId/subject-access',
    path: /^\/people\/([^/]+)\/subject-access(?:\/markdown|\/json)?$/,
    subject: id,
  },
  {
    what: 'participant details',
    route: 'GET /people/:participantId',
    path: /^\/people\/([^/]+)(?:\/details|\/profile)?$/,
    subject: (match) => (match[1] === 'new' ? undefined : id(match)),
  },
];

/**
 * Appends every successful read of personal data to the access log once its answer has been sent:
 * who (the signed-in actor), what, whose, when and by which route. A refused request showed nothing,
 * so it is not a read.
 */
export function recordPersonalDataReads(log: AccessLog) {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET') return next();
    for (const read of PERSONAL_READS) {
      const match = read.path.exec(request.path);
      if (!match) continue;
      const subject = read.subject(match, request);
      if (subject === undefined) break;
      response.once('finish', () => {
        const actor = (request as Request & { actor?: RequestActor }).actor;
        if (!actor || response.statusCode < 200 || response.statusCode >= 300) return;
        log.record({ actorId: actor.id, actorRole: actor.role, what: read.what, subject, route: read.route });
      });
      break;
    }
    next();
  };
}
