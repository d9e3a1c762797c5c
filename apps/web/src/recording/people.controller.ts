import { Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ListProjects, ProjectListing } from '@coprod/application';
import { ParticipantDetails } from '@coprod/domain';
import { SELDOM_HEARD_GROUPS } from '@coprod/frameworks';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { setFlash } from '../web-page';
import { FormBody, fieldError, idFor, list, readable, text } from './form-input';
import { PeopleDirectory, Person, PersonRecord } from './people-directory';
import { besideFields, errorsOf, may, PageRequest, show } from './recording-page';
import { choices, say, sayAll } from './words';

const DETAIL_FIELDS = ['name', 'email', 'phone', 'postcode', 'accessNeeds'] as const;
const DETAIL_LABELS: Record<string, string> = {
  'personal.fields.name': 'Name',
  'personal.fields.email': 'Email address',
  'personal.fields.phone': 'Phone number',
  'personal.fields.postcode': 'Postcode',
  'personal.fields.accessNeeds': 'What they need to take part fully',
};
const DETAIL_FIELD_OF_PATH = Object.fromEntries(DETAIL_FIELDS.map((field) => [`personal.fields.${field}`, field]));
const PROFILE_LABELS = { role: 'Role', seldomHeardGroups: 'Seldom-heard groups', preferredFormats: 'Ways they prefer to take part', reason: 'Why it changed' };

type DetailValues = Record<(typeof DETAIL_FIELDS)[number], string>;
interface ProfileValues {
  role: string;
  groups: string[];
  formats: string[];
}

/** People who take part: the list, registering someone, their page, and changes to their profile and details. */
@ApiExcludeController()
@Controller('people')
export class PeopleController {
  constructor(
    private readonly queries: QueryBus,
    private readonly forms: FormCommand,
    private readonly people: PeopleDirectory,
  ) {}

  @Get()
  @Requires('read_personal')
  async list(@Req() request: PageRequest, @Res() response: Response): Promise<void> {
    const everyone = await this.people.everyone(true);
    const rows = everyone
      .map((person) => ({
        participantId: person.participantId,
        name: person.name ?? '',
        erased: person.erased,
        roleName: say('role', person.role),
        groups: groupNames(person.groups),
        registeredOn: readable(person.registeredAt),
      }))
      .sort((a, b) => Number(a.erased) - Number(b.erased) || a.name.localeCompare(b.name, 'en-GB'));
    show(request, response, 'recording/people/list.njk', 'People', { rows, canRecord: may(request, 'record') });
  }

  @Get('new')
  @Requires('record')
  registerForm(@Req() request: PageRequest, @Res() response: Response): void {
    this.showRegister(request, response, { formKey: newFormKey(), details: emptyDetails(), profile: { role: '', groups: [], formats: [] } });
  }

  @Post('new')
  @Requires('record')
  async register(@Req() request: PageRequest, @Res() response: Response): Promise<void> {
    const body = request.body;
    const formKey = text(body, 'formKey');
    const details = detailsFrom(body);
    const profile = profileFrom(body);
    const errors: FormError[] = [];
    if (!details.name) errors.push(fieldError('name', 'Enter the name the person wants to be known by'));
    if (!profile.role) errors.push(fieldError('role', 'Select the role the person takes part in'));
    if (errors.length > 0) return this.showRegister(request, response, { formKey, details, profile }, errors);
    const participantId = idFor('part', formKey || newFormKey());
    const outcome = await this.forms.send(
      'RegisterParticipant',
      { participantId, role: profile.role, seldomHeardGroups: profile.groups, preferredFormats: profile.formats, personal: { subjectId: participantId, fields: personalFields(details) } },
      { actor: request.actor, formKey, labels: { ...DETAIL_LABELS, ...PROFILE_LABELS } },
    );
    const refused = besideFields(errorsOf(outcome), {}, DETAIL_FIELD_OF_PATH);
    if (refused.length > 0) return this.showRegister(request, response, { formKey, details, profile }, refused);
    response.redirect(303, `/people/${encodeURIComponent(participantId)}/registered`);
  }

  @Get(':participantId/registered')
  @Requires('record')
  async registered(@Req() request: PageRequest, @Res() response: Response, @Param('participantId') participantId: string): Promise<void> {
    const record = await this.found(participantId, false);
    show(request, response, 'recording/people/registered.njk', 'Person registered', {
      participantId: record.person.participantId,
      canRead: may(request, 'read_personal'),
    });
  }

  @Get(':participantId')
  @Requires('read_personal')
  async person(@Req() request: PageRequest, @Res() response: Response, @Param('participantId') participantId: string): Promise<void> {
    const record = await this.found(participantId, true);
    const projects: ProjectListing[] = await this.queries.execute(new ListProjects());
    const titleOf = new Map(projects.map((p) => [p.projectId, p.title]));
    const { person, details } = record;
    show(request, response, 'recording/people/person.njk', person.erased ? `Erased person ${participantId}` : (person.name ?? participantId), {
      person: { ...person, roleName: say('role', person.role), groups: groupNames(person.groups), formats: sayAll('format', person.formats), registeredOn: readable(person.registeredAt) },
      details,
      projects: record.projectIds.map((id) => ({ projectId: id, title: titleOf.get(id) ?? id })),
      quotes: record.quotes.map((quote) => ({
        ...quote,
        projectTitle: titleOf.get(quote.projectId) ?? quote.projectId,
        attributionName: say('attribution', quote.attribution),
        uses: sayAll('use', quote.allowedUses),
        capturedOnText: readable(quote.capturedOn),
      })),
      canRecord: may(request, 'record'),
      canErase: may(request, 'erase'),
    });
  }

  @Get(':participantId/profile')
  @Requires('record')
  async profileForm(@Req() request: PageRequest, @Res() response: Response, @Param('participantId') participantId: string): Promise<void> {
    const { person } = await this.found(participantId, may(request, 'read_personal'));
    this.showProfile(request, response, person, { formKey: newFormKey(), profile: { role: person.role, groups: person.groups, formats: person.formats }, reason: '' });
  }

  @Post(':participantId/profile')
  @Requires('record')
  async profile(@Req() request: PageRequest, @Res() response: Response, @Param('participantId') participantId: string): Promise<void> {
    const { person } = await this.found(participantId, may(request, 'read_personal'));
    const body = request.body;
    const values = { formKey: text(body, 'formKey'), profile: profileFrom(body), reason: text(body, 'reason') };
    const errors: FormError[] = [];
    if (!values.profile.role) errors.push(fieldError('role', 'Select the role the person takes part in'));
    if (!values.reason) errors.push(fieldError('reason', 'Enter why the profile changed'));
    if (errors.length > 0) return this.showProfile(request, response, person, values, errors);
    const outcome = await this.forms.send(
      'UpdateParticipantProfile',
      { participantId, role: values.profile.role, seldomHeardGroups: values.profile.groups, preferredFormats: values.profile.formats, reason: values.reason },
      { actor: request.actor, formKey: values.formKey, labels: PROFILE_LABELS },
    );
    const refused = errorsOf(outcome);
    if (refused.length > 0) return this.showProfile(request, response, person, values, refused);
    this.done(request, response, participantId, 'Their role, groups and ways of taking part are updated');
  }

  @Get(':participantId/details')
  @Requires('record')
  async detailsForm(@Req() request: PageRequest, @Res() response: Response, @Param('participantId') participantId: string): Promise<void> {
    const record = await this.found(participantId, may(request, 'read_personal'));
    this.showDetails(request, response, record, { formKey: newFormKey(), details: { ...emptyDetails(), ...(record.details ?? {}) } });
  }

  @Post(':participantId/details')
  @Requires('record')
  async details(@Req() request: PageRequest, @Res() response: Response, @Param('participantId') participantId: string): Promise<void> {
    const record = await this.found(participantId, may(request, 'read_personal'));
    const body = request.body;
    const values = { formKey: text(body, 'formKey'), details: detailsFrom(body) };
    if (!values.details.name) return this.showDetails(request, response, record, values, [fieldError('name', 'Enter the name the person wants to be known by')]);
    const outcome = await this.forms.send(
      'UpdateParticipantDetails',
      { participantId, personal: { subjectId: participantId, fields: personalFields(values.details) } },
      { actor: request.actor, formKey: values.formKey, labels: DETAIL_LABELS },
    );
    const refused = besideFields(errorsOf(outcome), {}, DETAIL_FIELD_OF_PATH);
    if (refused.length > 0) return this.showDetails(request, response, record, values, refused);
    this.done(request, response, participantId, 'Their details are updated');
  }

  /** After a change: the person's page for someone who may read it, otherwise a page saying it was recorded. */
  private done(request: PageRequest, response: Response, participantId: string, message: string): void {
    setFlash(request, message);
    response.redirect(303, may(request, 'read_personal') ? `/people/${encodeURIComponent(participantId)}` : `/people/${encodeURIComponent(participantId)}/registered`);
  }

  private async found(participantId: string, withDetails: boolean): Promise<PersonRecord> {
    const record = await this.people.person(participantId, withDetails);
    if (!record) throw new NotFoundException(`nobody is registered as ${participantId}`);
    return record;
  }

  private showRegister(request: PageRequest, response: Response, values: { formKey: string; details: DetailValues; profile: ProfileValues }, errors: FormError[] = []): void {
    show(request, response, 'recording/people/register.njk', 'Register a person who takes part', { values, ...profileChoices(values.profile) }, errors);
  }

  private showProfile(request: PageRequest, response: Response, person: Person, values: { formKey: string; profile: ProfileValues; reason: string }, errors: FormError[] = []): void {
    show(request, response, 'recording/people/profile.njk', 'Change their role, groups and ways of taking part', { participantId: person.participantId, who: person.name ?? `Person ${person.participantId}`, values, ...profileChoices(values.profile), canRead: may(request, 'read_personal') }, errors);
  }

  private showDetails(request: PageRequest, response: Response, record: PersonRecord, values: { formKey: string; details: DetailValues }, errors: FormError[] = []): void {
    show(
      request,
      response,
      'recording/people/details.njk',
      'Change their details',
      { participantId: record.person.participantId, who: record.person.name ?? `Person ${record.person.participantId}`, erased: record.person.erased, values, seesDetails: may(request, 'read_personal'), roleName: request.actor.role.replace(/_/g, ' ') },
      errors,
    );
  }
}

function emptyDetails(): DetailValues {
  return { name: '', email: '', phone: '', postcode: '', accessNeeds: '' };
}

function detailsFrom(body: FormBody): DetailValues {
  return { name: text(body, 'name'), email: text(body, 'email'), phone: text(body, 'phone'), postcode: text(body, 'postcode'), accessNeeds: text(body, 'accessNeeds') };
}

/** Only the details given: an empty optional field is left out, never stored empty. */
function personalFields(details: DetailValues): ParticipantDetails {
  const fields: Record<string, string> = {};
  for (const field of DETAIL_FIELDS) if (details[field]) fields[field] = details[field];
  return fields as ParticipantDetails;
}

function profileFrom(body: FormBody): ProfileValues {
  return { role: text(body, 'role'), groups: list(body, 'seldomHeardGroups'), formats: list(body, 'preferredFormats') };
}

/** The choices for a profile, keeping any group the council named that is not among the suggested ones. */
function profileChoices(profile: ProfileValues) {
  const suggested: { id: string; name: string }[] = SELDOM_HEARD_GROUPS.map((g) => ({ id: g.id, name: g.name }));
  const own = profile.groups.filter((id) => !suggested.some((g) => g.id === id)).map((id) => ({ id, name: id.replace(/_/g, ' ') }));
  return {
    roles: choices('role', profile.role),
    groups: [...suggested, ...own].map((g) => ({ value: g.id, text: g.name, checked: profile.groups.includes(g.id) })),
    formats: choices('format', profile.formats),
  };
}

function groupNames(ids: readonly string[]): string {
  return ids.map((id) => SELDOM_HEARD_GROUPS.find((g) => g.id === id)?.name ?? id.replace(/_/g, ' ')).join(', ');
}
