import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ProjectOutcomes } from '@coprod/application';
import { ActivityFact } from '@coprod/domain';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { setFlash } from '../web-page';
import { DateParts, dateError, dateFrom, dateParts, fieldError, FormBody, idFor, partsOf, readable, text, timeFrom, ukInstant, ukTime, whole } from './form-input';
import { PeopleDirectory } from './people-directory';
import { besideFields, errorsOf, hours, may, PageRequest, projectPath, projectRecord, sessionOf, sessionPath, show, statusOf } from './recording-page';
import { choices, say } from './words';

const PLAN_LABELS = {
  title: 'Title',
  activityType: 'Kind of session',
  stage: 'Stage',
  format: 'How it is run',
  plannedFor: 'Date planned',
  ladderLevel: 'Level of co-production it aims for',
};
const HELD_LABELS = { heldOn: 'Date held', durationMinutes: 'How long it ran', ladderLevel: 'Level of co-production it reached' };

/** Planning a session, recording that it was held or cancelled, and the session's own page. */
@ApiExcludeController()
@Controller('projects/:projectId/sessions')
export class SessionsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly forms: FormCommand,
    private readonly people: PeopleDirectory,
  ) {}

  /** The first of two questions pages: what the session is and when. Answers given before come back in the address. */
  @Get('new')
  @Requires('record')
  async planForm(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const asked = planValues(request.query as FormBody);
    this.showPlan(request, response, outcomes, { ...asked, formKey: asked.formKey || newFormKey(), stage: asked.stage || outcomes.facts.project!.stage });
  }

  /** Checks what and when (with the command's own checks), then asks how the session is run. */
  @Post('new')
  @Requires('record')
  async planHow(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const values = planValues(request.body);
    const errors = await this.whatAndWhen(projectId, values);
    if (errors.length > 0) return this.showPlan(request, response, outcomes, values, errors);
    this.showPlanHow(request, response, outcomes, values);
  }

  @Post('new/how')
  @Requires('record')
  async plan(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const values = planValues(request.body);
    const first = await this.whatAndWhen(projectId, values);
    if (first.length > 0) return this.showPlan(request, response, outcomes, values, first);
    const errors: FormError[] = [];
    if (!values.format) errors.push(fieldError('format', 'Select how the session is run'));
    if (!values.stage) errors.push(fieldError('stage', 'Select the stage the session belongs to'));
    if (!values.ladderLevel) errors.push(fieldError('ladderLevel', 'Select the level of co-production the session aims for'));
    if (errors.length > 0) return this.showPlanHow(request, response, outcomes, values, errors);

    const activityId = idFor('act', values.formKey || newFormKey(), values.title);
    const outcome = await this.forms.send('PlanActivity', planCommand(projectId, activityId, values), { actor: request.actor, formKey: values.formKey, labels: PLAN_LABELS });
    const refused = besideFields(errorsOf(outcome), {}, { plannedFor: 'plannedFor-day' });
    if (refused.length > 0) return this.showPlanHow(request, response, outcomes, values, refused);
    setFlash(request, `Session planned: ${values.title}`);
    response.redirect(303, sessionPath(projectId, activityId));
  }

  /** What is wrong with the answers to the first page, in the words of the page, and then by the command's own checks. */
  private async whatAndWhen(projectId: string, values: PlanValues): Promise<FormError[]> {
    const errors: FormError[] = [];
    if (!values.title) errors.push(fieldError('title', 'Enter a title people will recognise'));
    if (!values.activityType) errors.push(fieldError('activityType', 'Select the kind of session'));
    moment(values.date, values.time, 'the date the session is planned for', 'plannedFor', errors);
    if (errors.length > 0) return errors;
    const firstPage = new Set(['title', 'activityType', 'plannedFor']);
    const checked = await this.forms.check('PlanActivity', { ...planCommand(projectId, 'act-check', values), format: 'in_person', stage: 'co_planning', ladderLevel: 'co_design' }, PLAN_LABELS);
    return besideFields(checked.filter((e) => firstPage.has(e.field)), {}, { plannedFor: 'plannedFor-day' });
  }

  @Get(':activityId')
  @Requires('read_figures')
  async session(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const session = sessionOf(outcomes, activityId);
    const seesNames = may(request, 'read_personal');
    const attendance = outcomes.facts.attendance.filter((a) => a.activityId === activityId);
    const contributions = outcomes.facts.contributions.filter((c) => c.activityId === activityId);
    const ids = [...attendance.map((a) => a.participantId), ...contributions.flatMap((c) => c.participantIds)];
    const names = seesNames ? await this.people.names(ids) : new Map<string, string>();
    const personOf = (id: string) => ({
      participantId: id,
      name: names.get(id) ?? '',
      erased: outcomes.facts.participants.get(id)?.erased ?? false,
      roleName: say('role', outcomes.facts.participants.get(id)?.role),
    });
    const minutes = attendance.reduce((sum, a) => sum + a.minutes, 0);
    show(request, response, 'recording/sessions/session.njk', session.title, {
      project: outcomes.facts.project,
      session: sessionView(session),
      attendance: attendance
        .map((a) => ({
          ...personOf(a.participantId),
          eventId: a.eventId,
          minutes: a.minutes,
          capacityName: say('capacity', a.capacity),
          formatName: say('format', a.format),
        }))
        .sort((a, b) => (a.name || a.participantId).localeCompare(b.name || b.participantId, 'en-GB')),
      contributions: contributions.map((c) => ({
        kindName: say('kind', c.kind),
        people: c.participantIds.map(personOf),
        recordedAs: c.recordedAs,
        summary: c.staffSummary,
      })),
      total: { people: new Set(attendance.map((a) => a.participantId)).size, hours: hours(minutes) },
      seesNames,
      canRecord: may(request, 'record'),
      canAudit: may(request, 'read_history'),
      roleName: request.actor.role.replace(/_/g, ' '),
    });
  }

  @Get(':activityId/held')
  @Requires('record')
  async heldForm(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const session = sessionOf(outcomes, activityId);
    this.showHeld(request, response, outcomes, session, {
      formKey: newFormKey(),
      date: partsOf(session.plannedFor),
      time: ukTime(session.plannedFor),
      durationMinutes: '',
      ladderLevel: session.ladderLevel,
    });
  }

  @Post(':activityId/held')
  @Requires('record')
  async held(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const session = sessionOf(outcomes, activityId);
    const body = request.body;
    const values = {
      formKey: text(body, 'formKey'),
      date: dateParts(body, 'heldOn'),
      time: text(body, 'time'),
      durationMinutes: text(body, 'durationMinutes'),
      ladderLevel: text(body, 'ladderLevel'),
    };
    const errors: FormError[] = [];
    const when = moment(values.date, values.time, 'the date the session was held', 'heldOn', errors);
    if (!values.durationMinutes) errors.push(fieldError('durationMinutes', 'Enter how long the session ran, in minutes'));
    if (!values.ladderLevel) errors.push(fieldError('ladderLevel', 'Select the level of co-production the session reached'));
    if (errors.length > 0) return this.showHeld(request, response, outcomes, session, values, errors);
    const outcome = await this.forms.send(
      'HoldActivity',
      { activityId, heldOn: when, durationMinutes: whole(values.durationMinutes), ladderLevel: values.ladderLevel },
      { actor: request.actor, formKey: values.formKey, labels: HELD_LABELS },
    );
    const refused = besideFields(errorsOf(outcome), { 'activity.duration_invalid': 'durationMinutes' }, { heldOn: 'heldOn-day' });
    if (refused.length > 0) return this.showHeld(request, response, outcomes, session, values, refused);
    setFlash(request, `Recorded that ${session.title} was held. Now take the register.`);
    response.redirect(303, sessionPath(projectId, activityId));
  }

  @Get(':activityId/cancel')
  @Requires('record')
  async cancelForm(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const session = sessionOf(outcomes, activityId);
    show(request, response, 'recording/sessions/cancel.njk', `Cancel ${session.title}`, {
      project: outcomes.facts.project,
      session: sessionView(session),
      values: { reason: text(request.query as Record<string, string>, 'reason') },
    });
  }

  /** The reason is checked, then the person checks their answer before the cancellation, which cannot be undone, is recorded. */
  @Post(':activityId/cancel')
  @Requires('record')
  async cancelCheck(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const session = sessionOf(outcomes, activityId);
    const reason = text(request.body, 'reason');
    const view = { project: outcomes.facts.project, session: sessionView(session), values: { reason } };
    if (!reason) return show(request, response, 'recording/sessions/cancel.njk', `Cancel ${session.title}`, view, [fieldError('reason', 'Enter why the session was cancelled')]);
    show(request, response, 'recording/sessions/cancel-check.njk', 'Check before you cancel the session', { ...view, formKey: newFormKey() });
  }

  @Post(':activityId/cancel/confirm')
  @Requires('record')
  async cancel(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const session = sessionOf(outcomes, activityId);
    const reason = text(request.body, 'reason');
    const outcome = await this.forms.send('CancelActivity', { activityId, reason }, { actor: request.actor, formKey: text(request.body, 'formKey'), labels: { reason: 'Why it was cancelled' } });
    const refused = errorsOf(outcome);
    if (refused.length > 0) {
      return show(request, response, 'recording/sessions/cancel.njk', `Cancel ${session.title}`, { project: outcomes.facts.project, session: sessionView(session), values: { reason } }, besideFields(refused, {}, { reason: 'reason' }));
    }
    setFlash(request, `${session.title} is recorded as cancelled`);
    response.redirect(303, sessionPath(projectId, activityId));
  }

  private showPlan(request: PageRequest, response: Response, outcomes: ProjectOutcomes, values: PlanValues, errors: FormError[] = []): void {
    show(request, response, 'recording/sessions/plan.njk', 'Plan a session', { project: outcomes.facts.project, values, activityTypes: choices('activityType', values.activityType) }, errors);
  }

  private showPlanHow(request: PageRequest, response: Response, outcomes: ProjectOutcomes, values: PlanValues, errors: FormError[] = []): void {
    const change = new URLSearchParams({
      formKey: values.formKey,
      title: values.title,
      activityType: values.activityType,
      'plannedFor-day': values.date.day,
      'plannedFor-month': values.date.month,
      'plannedFor-year': values.date.year,
      time: values.time,
      format: values.format,
      stage: values.stage,
      ladderLevel: values.ladderLevel,
    });
    show(
      request,
      response,
      'recording/sessions/plan-how.njk',
      'How the session is run',
      {
        project: outcomes.facts.project,
        values,
        when: readable(moment(values.date, values.time, '', 'plannedFor', []), values.time !== ''),
        typeName: say('activityType', values.activityType),
        changeHref: `${projectPath(outcomes.projectId)}/sessions/new?${change.toString()}`,
        stages: choices('stage', values.stage),
        formats: choices('format', values.format),
        ladder: choices('ladder', values.ladderLevel),
      },
      errors,
    );
  }

  private showHeld(request: PageRequest, response: Response, outcomes: ProjectOutcomes, session: ActivityFact, values: HeldValues, errors: FormError[] = []): void {
    show(
      request,
      response,
      'recording/sessions/held.njk',
      `Record that ${session.title} was held`,
      { project: outcomes.facts.project, session: sessionView(session), values, ladder: choices('ladder', values.ladderLevel) },
      errors,
    );
  }
}

interface PlanValues {
  formKey: string;
  title: string;
  activityType: string;
  stage: string;
  format: string;
  date: DateParts;
  time: string;
  ladderLevel: string;
}

interface HeldValues {
  formKey: string;
  date: DateParts;
  time: string;
  durationMinutes: string;
  ladderLevel: string;
}

/** The answers to both pages of planning a session, as posted or as carried in the address. */
function planValues(body: FormBody): PlanValues {
  return {
    formKey: text(body, 'formKey'),
    title: text(body, 'title'),
    activityType: text(body, 'activityType'),
    stage: text(body, 'stage'),
    format: text(body, 'format'),
    date: dateParts(body, 'plannedFor'),
    time: text(body, 'time'),
    ladderLevel: text(body, 'ladderLevel'),
  };
}

function planCommand(projectId: string, activityId: string, values: PlanValues) {
  return {
    activityId,
    projectId,
    title: values.title,
    activityType: values.activityType,
    stage: values.stage,
    format: values.format,
    plannedFor: moment(values.date, values.time, '', 'plannedFor', []),
    ladderLevel: values.ladderLevel,
  };
}

/** A date input and an optional time as the instant a command takes, or an error beside the field. */
function moment(date: DateParts, time: string, what: string, field: string, errors: FormError[]): string {
  const day = dateFrom(date, what);
  if ('problem' in day) {
    errors.push(dateError(field, day));
    return '';
  }
  if (!time) return day.date;
  const clock = timeFrom(time);
  if (!clock) {
    errors.push(fieldError('time', 'Enter the start time like 10:00 or 2pm, or leave it empty'));
    return '';
  }
  return ukInstant(day.date, clock);
}

/** A session as its pages show it. */
export function sessionView(session: ActivityFact) {
  return {
    ...session,
    status: statusOf(session),
    typeName: say('activityType', session.activityType),
    stageName: say('stage', session.stage),
    formatName: say('format', session.format),
    ladderName: say('ladder', session.ladderLevel),
    plannedOn: readable(session.plannedFor, true),
    heldOnText: readable(session.heldOn, true),
    duration: session.durationMinutes,
  };
}

