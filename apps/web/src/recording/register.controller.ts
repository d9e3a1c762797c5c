import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ProjectOutcomes } from '@coprod/application';
import { ActivityFact } from '@coprod/domain';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { setFlash } from '../web-page';
import { FormBody, fieldError, idFor, list, rowKey, text, whole } from './form-input';
import { PeopleDirectory, Person } from './people-directory';
import { besideFields, errorsOf, may, PageRequest, projectRecord, sessionOf, sessionPath, show, statusOf } from './recording-page';
import { sessionView } from './sessions.controller';
import { choices, say } from './words';

/** What was typed on one row of the register. */
interface RowValues {
  took: boolean;
  minutes: string;
  capacity: string;
  format: string;
  paper: boolean;
}

/** The register as it was typed, kept while someone new is added so nothing ticked is lost. */
interface RegisterDraft {
  activityId: string;
  rows: Record<string, RowValues>;
  added: string[];
}

type DraftSession = { registerDraft?: RegisterDraft };

/** Refusals by the record's rules that are about a row's minutes. */
const MINUTES_RULES = { 'activity.minutes_over_duration': 'minutes', 'activity.minutes_invalid': 'minutes', 'activity.minutes_over_a_day': 'minutes' };

const NEW_PERSON_LABELS = { 'personal.fields.name': 'Name of the new person', role: 'Role of the new person' };

/**
 * The register of a held session: one row per person (minutes, capacity, how they took part, whether
 * it was typed up from a paper sheet), recorded as one attendance per ticked row; someone not on it
 * is registered from the register itself and comes back ticked.
 */
@ApiExcludeController()
@Controller('projects/:projectId/sessions/:activityId/register')
export class RegisterController {
  constructor(
    private readonly queries: QueryBus,
    private readonly forms: FormCommand,
    private readonly people: PeopleDirectory,
  ) {}

  @Get()
  @Requires('record')
  async form(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const session = sessionOf(outcomes, activityId);
    const kept = request.session as unknown as DraftSession;
    const draft = kept.registerDraft?.activityId === activityId ? kept.registerDraft : undefined;
    if (draft) delete kept.registerDraft;
    await this.showRegister(request, response, outcomes, session, { formKey: newFormKey(), rows: draft?.rows ?? {}, added: draft?.added ?? [] });
  }

  @Post()
  @Requires('record')
  async record(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('activityId') activityId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const session = sessionOf(outcomes, activityId);
    const body = request.body;
    const posted = postedRows(body);
    const added = list(body, 'added');
    if (text(body, 'action') === 'add-person') return this.addPerson(request, response, outcomes, session, posted, added);

    const formKey = text(body, 'formKey');
    const state = { formKey, rows: Object.fromEntries(posted.map((row) => [row.participantId, row.values])), added };
    if (text(body, 'newName')) {
      const kept = { ...state, newPerson: { name: text(body, 'newName'), role: text(body, 'newRole') } };
      return this.showRegister(request, response, outcomes, session, kept, [
        fieldError('newName', 'You typed the name of someone new but did not add them: choose "Add this person to the register", or clear their name'),
      ]);
    }
    const ticked = posted.filter((row) => row.values.took);
    if (ticked.length === 0) {
      const first = posted[0] ? `took-${posted[0].index}` : 'newName';
      return this.showRegister(request, response, outcomes, session, state, [fieldError(first, posted[0] ? 'Select the people who took part' : 'Add the people who took part')]);
    }
    const names = may(request, 'read_personal') ? await this.people.names(ticked.map((row) => row.participantId)) : new Map<string, string>();
    const who = (id: string) => names.get(id) ?? id;
    const commandOf = (row: PostedRow) => ({
      activityId,
      participantId: row.participantId,
      minutes: whole(row.values.minutes),
      capacity: row.values.capacity,
      format: row.values.format,
    });
    const rowLabels = (row: PostedRow) => ({ minutes: `Minutes for ${who(row.participantId)}`, capacity: `What ${who(row.participantId)} took part as`, format: `How ${who(row.participantId)} took part` });
    const onRow = (row: PostedRow, errors: FormError[]) =>
      errors.map((error) => {
        const field = ['minutes', 'capacity', 'format'].includes(error.field) ? `${error.field}-${row.index}` : `took-${row.index}`;
        return { ...error, field, href: `#${field}` };
      });

    const invalid: FormError[] = [];
    for (const row of ticked) {
      if (row.values.minutes === '') invalid.push(fieldError(`minutes-${row.index}`, `Enter the minutes ${who(row.participantId)} took part for`));
      else invalid.push(...onRow(row, await this.forms.check('RecordAttendance', commandOf(row), rowLabels(row))));
    }
    if (invalid.length > 0) return this.showRegister(request, response, outcomes, session, state, invalid);

    const refused: FormError[] = [];
    let recorded = 0;
    for (const row of ticked) {
      const outcome = await this.forms.send('RecordAttendance', commandOf(row), {
        actor: request.actor,
        formKey: rowKey(formKey, row.participantId),
        labels: rowLabels(row),
        source: row.values.paper ? 'paper' : 'web',
      });
      const errors = errorsOf(outcome);
      if (errors.length === 0) recorded += 1;
      refused.push(...onRow(row, besideFields(errors, MINUTES_RULES).map((e) => ({ ...e, text: `${who(row.participantId)}: ${e.text}` }))));
    }
    if (refused.length > 0) {
      const fresh = await projectRecord(this.queries, projectId);
      const flash = recorded > 0 ? `${recorded} ${recorded === 1 ? 'person was' : 'people were'} recorded on the register. The rows below were not recorded.` : undefined;
      return this.showRegister(request, response, fresh, sessionOf(fresh, activityId), { ...state, formKey: newFormKey() }, refused, flash);
    }
    setFlash(request, `${recorded} ${recorded === 1 ? 'person' : 'people'} recorded on the register of ${session.title}`);
    response.redirect(303, sessionPath(projectId, activityId));
  }

  /** Registers someone not on the register, keeps what was typed, and shows the register again with them ticked. */
  private async addPerson(request: PageRequest, response: Response, outcomes: ProjectOutcomes, session: ActivityFact, posted: PostedRow[], added: string[]): Promise<void> {
    const body = request.body;
    const addKey = text(body, 'addKey') || newFormKey();
    const state = { formKey: text(body, 'formKey'), rows: Object.fromEntries(posted.map((row) => [row.participantId, row.values])), added, newPerson: { name: text(body, 'newName'), role: text(body, 'newRole') } };
    const errors: FormError[] = [];
    if (!state.newPerson.name) errors.push(fieldError('newName', 'Enter the name of the new person'));
    if (!state.newPerson.role) errors.push(fieldError('newRole', 'Select the role of the new person'));
    if (errors.length > 0) return this.showRegister(request, response, outcomes, session, { ...state, addKey }, errors);
    const participantId = idFor('part', addKey);
    const outcome = await this.forms.send(
      'RegisterParticipant',
      { participantId, role: state.newPerson.role, seldomHeardGroups: [], preferredFormats: [], personal: { subjectId: participantId, fields: { name: state.newPerson.name } } },
      { actor: request.actor, formKey: addKey, labels: NEW_PERSON_LABELS },
    );
    const refused = besideFields(errorsOf(outcome), {}, { 'personal.fields.name': 'newName', role: 'newRole' });
    if (refused.length > 0) return this.showRegister(request, response, outcomes, session, { ...state, addKey }, refused);
    const draft: RegisterDraft = {
      activityId: session.activityId,
      rows: { ...state.rows, [participantId]: { took: true, minutes: String(session.durationMinutes ?? ''), capacity: 'member', format: session.format, paper: false } },
      added: [...new Set([...added, participantId])],
    };
    (request.session as unknown as DraftSession).registerDraft = draft;
    setFlash(request, `${may(request, 'read_personal') ? state.newPerson.name : participantId} is registered and ticked on the register below. Their other details can be added from the People pages.`);
    response.redirect(303, `${sessionPath(outcomes.projectId, session.activityId, '/register')}#register`);
  }

  private async showRegister(
    request: PageRequest,
    response: Response,
    outcomes: ProjectOutcomes,
    session: ActivityFact,
    state: { formKey: string; rows: Record<string, RowValues>; added: string[]; addKey?: string; newPerson?: { name: string; role: string } },
    errors: FormError[] = [],
    flash?: string,
  ): Promise<void> {
    const view = sessionView(session);
    const base = { project: outcomes.facts.project, session: view };
    if (statusOf(session) !== 'held') {
      return show(request, response, 'recording/register/not-held.njk', `Register for ${session.title}`, base);
    }
    const seesNames = may(request, 'read_personal');
    const everyone = (await this.people.everyone(seesNames)).filter((person) => !person.erased);
    const attended = new Map(outcomes.facts.attendance.filter((a) => a.activityId === session.activityId).map((a) => [a.participantId, a]));
    const onProject = new Set(outcomes.facts.participants.keys());
    const added = new Set(state.added);
    const byName = (a: Person, b: Person) => (a.name ?? a.participantId).localeCompare(b.name ?? b.participantId, 'en-GB');
    const open = everyone.filter((person) => !attended.has(person.participantId));
    const groups = [
      { caption: 'Just added', people: open.filter((p) => added.has(p.participantId)).sort(byName) },
      { caption: 'People who have taken part in this project', people: open.filter((p) => !added.has(p.participantId) && onProject.has(p.participantId)).sort(byName) },
      { caption: 'Everyone else registered', people: open.filter((p) => !added.has(p.participantId) && !onProject.has(p.participantId)).sort(byName) },
    ];
    let index = 0;
    const rowGroups = groups
      .filter((group) => group.people.length > 0)
      .map((group) => ({
        caption: group.caption,
        rows: group.people.map((person) => {
          const typed = state.rows[person.participantId];
          const values: RowValues = typed ?? { took: false, minutes: String(session.durationMinutes ?? ''), capacity: 'member', format: session.format, paper: false };
          const row = { index, participantId: person.participantId, who: seesNames ? (person.name ?? person.participantId) : person.participantId, roleName: say('role', person.role), values, capacities: choices('capacity', values.capacity), formats: choices('format', values.format) };
          index += 1;
          return row;
        }),
      }));
    const alreadyNames = seesNames ? await this.people.names([...attended.keys()]) : new Map<string, string>();
    const already = [...attended.values()].map((a) => ({
      participantId: a.participantId,
      eventId: a.eventId,
      who: alreadyNames.get(a.participantId) ?? a.participantId,
      minutes: a.minutes,
      capacityName: say('capacity', a.capacity),
      formatName: say('format', a.format),
    }));
    show(
      request,
      response,
      'recording/register/register.njk',
      `Register for ${session.title}`,
      {
        ...base,
        formKey: state.formKey,
        addKey: state.addKey ?? newFormKey(),
        rowGroups,
        rowCount: index,
        added: state.added,
        already,
        seesNames,
        roleName: request.actor.role.replace(/_/g, ' '),
        newPerson: state.newPerson ?? { name: '', role: '' },
        roles: choices('role', state.newPerson?.role ?? ''),
        ...(flash ? { flash } : {}),
      },
      errors,
    );
  }
}

interface PostedRow {
  index: number;
  participantId: string;
  values: RowValues;
}

/** The rows of the register as posted: `person-<n>` names the person on row n. */
function postedRows(body: FormBody): PostedRow[] {
  const rows: PostedRow[] = [];
  for (const key of Object.keys(body)) {
    const match = /^person-(\d{1,4})$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    const participantId = text(body, key);
    if (!participantId) continue;
    const capacity = text(body, `capacity-${index}`);
    const format = text(body, `format-${index}`);
    rows.push({
      index,
      participantId,
      values: {
        took: text(body, `took-${index}`) === 'yes',
        minutes: text(body, `minutes-${index}`),
        capacity,
        format,
        paper: text(body, `paper-${index}`) === 'yes',
      },
    });
  }
  return rows.sort((a, b) => a.index - b.index);
}
