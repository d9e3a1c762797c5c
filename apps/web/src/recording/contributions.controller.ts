import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ProjectOutcomes } from '@coprod/application';
import { ActivityFact } from '@coprod/domain';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { setFlash } from '../web-page';
import { fieldError, idFor, list, text } from './form-input';
import { PeopleDirectory } from './people-directory';
import { besideFields, errorsOf, may, PageRequest, projectRecord, sessionOf, sessionPath, show } from './recording-page';
import { sessionView } from './sessions.controller';
import { choices } from './words';

interface ContributionValues {
  formKey: string;
  participantIds: string[];
  kind: string;
  recordedAs: string;
  text: string;
}

const LABELS = { participantIds: 'Who it came from', kind: 'Kind of contribution', recordedAs: 'Whose words these are', summary: 'What was said or done', 'personal.fields.words': 'What was said' };

/** What people contributed at a held session: a staff summary of a group's ideas, or one person's own words. */
@ApiExcludeController()
@Controller('projects/:projectId/sessions/:activityId/contributions')
export class ContributionsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly forms: FormCommand,
    private readonly people: PeopleDirectory,
  ) {}

  @Get('new')
  @Requires('record')
  async form(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    await this.showForm(request, response, outcomes, sessionOf(outcomes, activityId), { formKey: newFormKey(), participantIds: [], kind: '', recordedAs: '', text: '' });
  }

  @Post('new')
  @Requires('record')
  async record(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const session = sessionOf(outcomes, activityId);
    const body = request.body;
    const values: ContributionValues = {
      formKey: text(body, 'formKey'),
      participantIds: list(body, 'participantIds'),
      kind: text(body, 'kind'),
      recordedAs: text(body, 'recordedAs'),
      text: text(body, 'text'),
    };
    const errors: FormError[] = [];
    if (values.participantIds.length === 0) errors.push(fieldError('participantIds', 'Select who the contribution came from'));
    if (!values.kind) errors.push(fieldError('kind', 'Select the kind of contribution'));
    if (!values.recordedAs) errors.push(fieldError('recordedAs', 'Select whose words these are'));
    if (!values.text) errors.push(fieldError('text', 'Enter what was said or done'));
    if (values.recordedAs === 'participant_words' && values.participantIds.length > 1) {
      errors.push(fieldError('participantIds', "One person's own words come from that person alone: select one person, or write a summary for the group"));
    }
    if (errors.length > 0) return this.showForm(request, response, outcomes, session, values, errors);
    const contributionId = idFor('con', values.formKey || newFormKey());
    const words =
      values.recordedAs === 'participant_words'
        ? { personal: { subjectId: values.participantIds[0], fields: { words: values.text } } }
        : { summary: values.text };
    const outcome = await this.forms.send(
      'RecordContribution',
      { activityId, contributionId, participantIds: values.participantIds, kind: values.kind, recordedAs: values.recordedAs, ...words },
      { actor: request.actor, formKey: values.formKey, labels: LABELS },
    );
    const refused = besideFields(errorsOf(outcome), { 'activity.words_of_several': 'participantIds', 'activity.summary_missing': 'text', 'activity.words_missing': 'text' }, { 'personal.fields.words': 'text', summary: 'text' });
    if (refused.length > 0) return this.showForm(request, response, outcomes, session, values, refused);
    setFlash(request, 'Contribution recorded');
    response.redirect(303, sessionPath(projectId, activityId));
  }

  private async showForm(request: PageRequest, response: Response, outcomes: ProjectOutcomes, session: ActivityFact, values: ContributionValues, errors: FormError[] = []): Promise<void> {
    const attended = [...new Set(outcomes.facts.attendance.filter((a) => a.activityId === session.activityId).map((a) => a.participantId))].filter(
      (id) => !outcomes.facts.participants.get(id)?.erased,
    );
    const seesNames = may(request, 'read_personal');
    const names = seesNames ? await this.people.names(attended) : new Map<string, string>();
    const people = attended
      .map((id) => ({ value: id, text: names.get(id) ?? id, checked: values.participantIds.includes(id) }))
      .sort((a, b) => a.text.localeCompare(b.text, 'en-GB'));
    show(
      request,
      response,
      'recording/sessions/contribution.njk',
      'Record a contribution',
      {
        project: outcomes.facts.project,
        session: sessionView(session),
        values,
        people,
        kinds: choices('kind', values.kind),
        seesNames,
        roleName: request.actor.role.replace(/_/g, ' '),
      },
      errors,
    );
  }
}
