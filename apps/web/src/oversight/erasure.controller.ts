import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { EntityHistory, GetEntityHistory, idempotentCommandId, ParticipantErasure, SubjectAccess } from '@coprod/application';
import { DomainError } from '@coprod/domain';
import { SubjectAccessRecord } from '@coprod/privacy';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { RequestActor } from '../../../api/src/http/request-actor';
import { newFormKey } from '../form-command';
import { pageContext } from '../web-page';
import { readableMoment } from './plain-words';
import { oversightSession } from './oversight-session';
import { exportFor, nameOf } from './subject-access.controller';

type Actor = Request & { actor: RequestActor };

/** As long as the API accepts on ParticipantErased. */
const REASON_LIMIT = 500;
const FORM_KEY = /^[A-Za-z0-9-]{8,100}$/;

/**
 * Erasing a participant, as the API does it (ParticipantErasure): why, then a check of the answers
 * before anything happens, since it cannot be undone, then a confirmation read back from the record.
 */
@ApiExcludeController()
@Controller('people/:participantId/erasure')
export class ErasurePagesController {
  constructor(
    private readonly subjectAccess: SubjectAccess,
    private readonly erasure: ParticipantErasure,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Requires('erase')
  async question(@Req() request: Actor, @Res() response: Response, @Param('participantId') participantId: string): Promise<void> {
    const { json } = await exportFor(this.subjectAccess, participantId);
    if (json.erased) return response.redirect(303, this.path(participantId, 'done'));
    const saved = oversightSession(request).erasures?.[participantId];
    this.renderQuestion(request, response, json, { reason: saved?.reason ?? '', formKey: saved?.formKey ?? newFormKey() });
  }

  @Post()
  @Requires('erase')
  async answer(@Req() request: Actor, @Res() response: Response, @Param('participantId') participantId: string, @Body() body: Record<string, string> | undefined): Promise<void> {
    const { json } = await exportFor(this.subjectAccess, participantId);
    if (json.erased) return response.redirect(303, this.path(participantId, 'done'));
    const reason = (body?.reason ?? '').trim();
    const formKey = FORM_KEY.test(body?.formKey ?? '') ? body!.formKey : newFormKey();
    const problem = reasonProblem(reason, json);
    if (problem) {
      this.renderQuestion(request, response.status(400), json, { reason, formKey }, problem);
      return;
    }
    const session = oversightSession(request);
    session.erasures = { ...session.erasures, [participantId]: { reason, formKey } };
    response.redirect(303, this.path(participantId, 'check'));
  }

  @Get('check')
  @Requires('erase')
  async check(@Req() request: Actor, @Res() response: Response, @Param('participantId') participantId: string): Promise<void> {
    const { json } = await exportFor(this.subjectAccess, participantId);
    if (json.erased) return response.redirect(303, this.path(participantId, 'done'));
    const answers = oversightSession(request).erasures?.[participantId];
    if (!answers) return response.redirect(303, this.path(participantId));
    response.setHeader('Cache-Control', 'no-store');
    response.render(
      'oversight/people/erasure-check.njk',
      pageContext(request, 'Check before you erase this person', {
        participantId,
        name: nameOf(json),
        reason: answers.reason,
        formKey: answers.formKey,
        quoteCount: json.quotes.filter((q) => !q.withdrawn).length,
        changeHref: this.path(participantId),
        action: this.path(participantId, 'check'),
      }),
    );
  }

  @Post('check')
  @Requires('erase')
  async erase(@Req() request: Actor, @Res() response: Response, @Param('participantId') participantId: string, @Body() body: Record<string, string> | undefined): Promise<void> {
    const session = oversightSession(request);
    const answers = session.erasures?.[participantId];
    const formKey = body?.formKey ?? '';
    if (!answers || answers.formKey !== formKey || !FORM_KEY.test(formKey)) {
      // Sent twice, the second finds the answers already used: the first erased them, so show what it did.
      if (await this.erasedEvent(participantId)) return response.redirect(303, this.path(participantId, 'done'));
      return response.redirect(303, this.path(participantId));
    }
    await this.erasure.erase({
      participantId,
      reason: answers.reason || undefined,
      actor: { id: request.actor.id, role: request.actor.role },
      source: 'web',
      commandId: idempotentCommandId(request.actor.id, 'EraseParticipant', formKey),
    });
    const rest = { ...session.erasures };
    delete rest[participantId];
    session.erasures = rest;
    response.redirect(303, this.path(participantId, 'done'));
  }

  @Get('done')
  @Requires('erase')
  async done(@Req() request: Actor, @Res() response: Response, @Param('participantId') participantId: string): Promise<void> {
    const erased = await this.erasedEvent(participantId);
    if (!erased) return response.redirect(303, this.path(participantId));
    response.render(
      'oversight/people/erasure-done.njk',
      pageContext(request, `${participantId} has been erased`, {
        participantId,
        erasedText: readableMoment(erased.recordedAt),
        erasedAt: erased.recordedAt,
        erasedBy: erased.actor,
        reason: String(erased.summary.reason ?? ''),
        position: erased.position,
        subjectAccessHref: `/people/${encodeURIComponent(participantId)}/subject-access`,
      }),
    );
  }

  private renderQuestion(request: Actor, response: Response, json: SubjectAccessRecord, answers: { reason: string; formKey: string }, problem?: string): void {
    response.setHeader('Cache-Control', 'no-store');
    response.render(
      'oversight/people/erasure.njk',
      pageContext(request, `Why is ${nameOf(json) ?? json.participantId} being erased?`, {
        participantId: json.participantId,
        name: nameOf(json),
        reason: answers.reason,
        formKey: answers.formKey,
        limit: REASON_LIMIT,
        action: this.path(json.participantId),
        ...(problem ? { errors: [{ text: problem, href: '#reason' }], reasonError: problem } : {}),
      }),
    );
  }

  /** The ParticipantErased event of this participant, if they have been erased. */
  private async erasedEvent(participantId: string) {
    try {
      const history: EntityHistory = await this.queries.execute(new GetEntityHistory('participant', participantId));
      return history.events.find((event) => event.type === 'ParticipantErased');
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return undefined;
      throw error;
    }
  }

  private path(participantId: string, step?: 'check' | 'done'): string {
    return `/people/${encodeURIComponent(participantId)}/erasure${step ? `/${step}` : ''}`;
  }
}

/**
 * Why a reason cannot be kept: too long, or carrying the person's own details, which would outlive
 * their erasure in the record.
 */
function reasonProblem(reason: string, json: SubjectAccessRecord): string | undefined {
  if (reason.length > REASON_LIMIT) return `The reason must be ${REASON_LIMIT} characters or fewer; it has ${reason.length}`;
  const details = json.personalDetails;
  const contact = [details.name, details.email, details.phone, details.postcode].filter((value): value is string => typeof value === 'string' && value.trim() !== '');
  const nameWords = typeof details.name === 'string' ? details.name.split(/\s+/).filter((word) => word.length >= 3) : [];
  const found = [...contact, ...nameWords].some((value) => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(value.trim())}($|[^\\p{L}\\p{N}])`, 'iu').test(reason));
  if (found) return 'The reason must not include their name or contact details: it stays in the record after they are erased';
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
