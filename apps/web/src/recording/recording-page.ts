import { NotFoundException } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Request, Response } from 'express';
import { GetProjectOutcomes, ProjectOutcomes } from '@coprod/application';
import { ActivityFact } from '@coprod/domain';
import { can, Permission } from '@coprod/privacy';
import { RequestActor } from '../../../api/src/http/request-actor';
import { FormError, FormOutcome } from '../form-command';
import { pageContext } from '../web-page';
import { errorView, FormBody } from './form-input';

/** A request to a page of this service: the guard has found who is asking. */
export type PageRequest = Request & { actor: RequestActor; body: FormBody };

/** Whether the person asking may do something, so a page offers only what they may do. */
export function may(request: PageRequest, permission: Permission): boolean {
  return can(request.actor.role, permission);
}

/**
 * Renders a page; with errors, as a refused form: status 400, the error summary, and each field's
 * own message (`errorOf.<field>`).
 */
export function show(request: PageRequest, response: Response, view: string, title: string, extra: Record<string, unknown> = {}, errors: FormError[] = []): void {
  const shown = errors.length > 0 ? errorView(errors) : { errorOf: {} };
  response.status(errors.length > 0 ? 400 : 200).render(view, pageContext(request, title, { ...extra, ...shown }));
}

/** A project's record as it stands now; a 404 page when there is no such project. */
export async function projectRecord(queries: QueryBus, projectId: string): Promise<ProjectOutcomes> {
  return queries.execute(new GetProjectOutcomes({ projectId, now: new Date().toISOString() }));
}

/** A session of a project, or a 404 page when the project has no such session. */
export function sessionOf(outcomes: ProjectOutcomes, activityId: string): ActivityFact {
  const session = outcomes.facts.activities.get(activityId);
  if (!session) throw new NotFoundException(`project ${outcomes.projectId} has no session ${activityId}`);
  return session;
}

/** Where a session is in its life: planned, held or cancelled. */
export function statusOf(session: ActivityFact): 'planned' | 'held' | 'cancelled' {
  return session.cancelled ? 'cancelled' : session.heldOn ? 'held' : 'planned';
}

/** The errors of an outcome, or none when it was recorded. */
export function errorsOf(outcome: FormOutcome): FormError[] {
  return 'errors' in outcome ? outcome.errors : [];
}

/**
 * Puts a refusal by the record's rules beside the field it is about (`activity.minutes_over_duration`
 * belongs to the minutes), so the summary links to the field and the field shows it.
 */
export function besideFields(errors: FormError[], fieldOfCode: Readonly<Record<string, string>>, fieldOfPath: Readonly<Record<string, string>> = {}): FormError[] {
  return errors.map((error) => {
    const field = (error.code && fieldOfCode[error.code]) || (error.path && fieldOfPath[error.path]);
    return field ? { ...error, field, href: `#${field}` } : error;
  });
}

/** The same path with the project's and the session's ids in it, escaped for a web address. */
export function sessionPath(projectId: string, activityId: string, rest = ''): string {
  return `/projects/${encodeURIComponent(projectId)}/sessions/${encodeURIComponent(activityId)}${rest}`;
}

export function projectPath(projectId: string, rest = ''): string {
  return `/projects/${encodeURIComponent(projectId)}${rest}`;
}

/** Hours from minutes, as people read them: "2.5". */
export function hours(minutes: number): string {
  const value = Math.round((minutes / 60) * 10) / 10;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
