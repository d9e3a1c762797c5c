import { Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ProjectOutcomes } from '@coprod/application';
import { ActivityFact, AttendanceFact } from '@coprod/domain';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { setFlash } from '../web-page';
import { fieldError, text, whole } from './form-input';
import { PeopleDirectory } from './people-directory';
import { besideFields, errorsOf, may, PageRequest, projectRecord, sessionOf, sessionPath, show } from './recording-page';
import { sessionView } from './sessions.controller';
import { choices, say } from './words';

interface AmendValues {
  formKey: string;
  minutes: string;
  capacity: string;
  format: string;
  reason: string;
}

const AMEND_LABELS = { minutes: 'Minutes', capacity: 'What they took part as', format: 'How they took part', reason: 'Why the record changes' };

/** Corrections to a register, reached from the session: amending or removing one person's attendance, each saying why. */
@ApiExcludeController()
@Controller('projects/:projectId/sessions/:activityId/attendance/:eventId')
export class AttendanceCorrectionsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly forms: FormCommand,
    private readonly people: PeopleDirectory,
  ) {}

  @Get('amend')
  @Requires('record')
  async amendForm(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string, @Param('eventId') eventId: string): Promise<void> {
    const { outcomes, session, attendance } = await this.attendance(projectId, activityId, eventId);
    await this.showAmend(request, response, outcomes, session, attendance, { formKey: newFormKey(), minutes: String(attendance.minutes), capacity: attendance.capacity, format: attendance.format, reason: '' });
  }

  @Post('amend')
  @Requires('record')
  async amend(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string, @Param('eventId') eventId: string): Promise<void> {
    const { outcomes, session, attendance } = await this.attendance(projectId, activityId, eventId);
    const body = request.body;
    const values: AmendValues = { formKey: text(body, 'formKey'), minutes: text(body, 'minutes'), capacity: text(body, 'capacity'), format: text(body, 'format'), reason: text(body, 'reason') };
    const errors: FormError[] = [];
    if (!values.minutes) errors.push(fieldError('minutes', 'Enter the minutes they took part for'));
    if (!values.reason) errors.push(fieldError('reason', 'Enter why the record changes'));
    if (errors.length > 0) return this.showAmend(request, response, outcomes, session, attendance, values, errors);
    const outcome = await this.forms.send(
      'AmendAttendance',
      { activityId, eventId, reason: values.reason, minutes: whole(values.minutes), capacity: values.capacity, format: values.format },
      { actor: request.actor, formKey: values.formKey, labels: AMEND_LABELS },
    );
    const refused = besideFields(errorsOf(outcome), { 'correction.nothing_changes': 'minutes', 'activity.minutes_over_duration': 'minutes', 'correction.reason_missing': 'reason' });
    if (refused.length > 0) {
      const worded = refused.map((e) => (e.code === 'correction.nothing_changes' ? { ...e, text: 'Change the minutes, what they took part as or how they took part: nothing was changed' } : e));
      return this.showAmend(request, response, outcomes, session, attendance, values, worded);
    }
    setFlash(request, 'The attendance is amended; the original and the reason are kept in the record');
    response.redirect(303, sessionPath(projectId, activityId));
  }

  @Get('void')
  @Requires('record')
  async voidForm(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string, @Param('eventId') eventId: string): Promise<void> {
    const { outcomes, session, attendance } = await this.attendance(projectId, activityId, eventId);
    await this.showVoid(request, response, outcomes, session, attendance, { formKey: newFormKey(), reason: '' });
  }

  @Post('void')
  @Requires('record')
  async void(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string, @Param('eventId') eventId: string): Promise<void> {
    const { outcomes, session, attendance } = await this.attendance(projectId, activityId, eventId);
    const values = { formKey: text(request.body, 'formKey'), reason: text(request.body, 'reason') };
    if (!values.reason) return this.showVoid(request, response, outcomes, session, attendance, values, [fieldError('reason', 'Enter why this attendance is removed')]);
    const outcome = await this.forms.send('VoidAttendance', { activityId, eventId, reason: values.reason }, { actor: request.actor, formKey: values.formKey, labels: { reason: 'Why it is removed' } });
    const refused = besideFields(errorsOf(outcome), { 'correction.reason_missing': 'reason' });
    if (refused.length > 0) return this.showVoid(request, response, outcomes, session, attendance, values, refused);
    setFlash(request, 'The attendance is removed from the register; the original and the reason are kept in the record');
    response.redirect(303, sessionPath(projectId, activityId));
  }

  private async attendance(projectId: string, activityId: string, eventId: string): Promise<{ outcomes: ProjectOutcomes; session: ActivityFact; attendance: AttendanceFact }> {
    const outcomes = await projectRecord(this.queries, projectId);
    const session = sessionOf(outcomes, activityId);
    const attendance = outcomes.facts.attendance.find((a) => a.eventId === eventId && a.activityId === activityId);
    if (!attendance) throw new NotFoundException(`session ${activityId} has no attendance ${eventId}`);
    return { outcomes, session, attendance };
  }

  private async who(request: PageRequest, attendance: AttendanceFact): Promise<string> {
    if (!may(request, 'read_personal')) return attendance.participantId;
    return (await this.people.names([attendance.participantId])).get(attendance.participantId) ?? attendance.participantId;
  }

  private async showAmend(request: PageRequest, response: Response, outcomes: ProjectOutcomes, session: ActivityFact, attendance: AttendanceFact, values: AmendValues, errors: FormError[] = []): Promise<void> {
    show(
      request,
      response,
      'recording/sessions/amend-attendance.njk',
      'Amend an attendance',
      {
        project: outcomes.facts.project,
        session: sessionView(session),
        who: await this.who(request, attendance),
        was: { minutes: attendance.minutes, capacityName: say('capacity', attendance.capacity), formatName: say('format', attendance.format) },
        values,
        capacities: choices('capacity', values.capacity),
        formats: choices('format', values.format),
      },
      errors,
    );
  }

  private async showVoid(request: PageRequest, response: Response, outcomes: ProjectOutcomes, session: ActivityFact, attendance: AttendanceFact, values: { formKey: string; reason: string }, errors: FormError[] = []): Promise<void> {
    show(
      request,
      response,
      'recording/sessions/void-attendance.njk',
      'Remove an attendance from the register',
      {
        project: outcomes.facts.project,
        session: sessionView(session),
        who: await this.who(request, attendance),
        was: { minutes: attendance.minutes, capacityName: say('capacity', attendance.capacity), formatName: say('format', attendance.format) },
        values,
      },
      errors,
    );
  }
}
