import { Controller, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ListProjects, ProjectListing, ProjectOutcomes } from '@coprod/application';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { setFlash } from '../web-page';
import { DateParts, dateError, dateFrom, dateParts, fieldError, FormBody, idFor, list, optional, partsOf, readable, text, today } from './form-input';
import { PeopleDirectory, PersonRecord } from './people-directory';
import { besideFields, errorsOf, may, PageRequest, projectRecord, show } from './recording-page';
import { choices, sayAll } from './words';

const CAPTURE_LABELS = {
  'personal.fields.words': 'Their words',
  context: 'When and why they said it',
  outcomeIds: 'Outcomes it speaks to',
  attribution: 'How it may be attributed',
  allowedUses: 'Where it may be used',
  language: 'Language',
  capturedOn: 'Date captured',
};

const WITHDRAW_LABELS = { withdrawnOn: 'Date they withdrew consent', reason: 'Why' };
const WITHDRAW_FIELDS = { withdrawnOn: 'withdrawnOn-day', reason: 'reason' };

interface CaptureValues {
  formKey: string;
  words: string;
  context: string;
  outcomeIds: string[];
  attribution: string;
  uses: string[];
  language: string;
  date: DateParts;
  activityId: string;
}

/** A participant's own words with the consent they gave: capturing them, changing the consent, and withdrawing it. */
@ApiExcludeController()
@Controller('people/:participantId/quotes')
export class QuotesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly forms: FormCommand,
    private readonly people: PeopleDirectory,
  ) {}

  @Get('new')
  @Requires('record')
  async captureForm(
    @Req() request: PageRequest,
    @Res() response: Response,
    @Param('participantId') participantId: string,
    @Query('projectId') projectId?: string,
    @Query('activityId') activityId?: string,
  ): Promise<void> {
    const person = whoOf(await this.found(participantId, may(request, 'read_personal')));
    if (!projectId) return this.showProjectChoice(request, response, person);
    const outcomes = await projectRecord(this.queries, projectId);
    this.showCapture(request, response, person, outcomes, {
      formKey: newFormKey(),
      words: '',
      context: '',
      outcomeIds: [],
      attribution: '',
      uses: [],
      language: 'en',
      date: partsOf(today()),
      activityId: activityId && outcomes.facts.activities.has(activityId) ? activityId : '',
    });
  }

  @Post('new')
  @Requires('record')
  async capture(@Req() request: PageRequest, @Res() response: Response, @Param('participantId') participantId: string, @Query('projectId') projectId?: string): Promise<void> {
    const person = whoOf(await this.found(participantId, may(request, 'read_personal')));
    if (!projectId) return this.showProjectChoice(request, response, person, [fieldError('projectId', 'Select the project they said it in')]);
    const outcomes = await projectRecord(this.queries, projectId);
    const body = request.body;
    const values: CaptureValues = {
      formKey: text(body, 'formKey'),
      words: text(body, 'words'),
      context: text(body, 'context'),
      outcomeIds: list(body, 'outcomeIds'),
      attribution: text(body, 'attribution'),
      uses: list(body, 'allowedUses'),
      language: text(body, 'language'),
      date: dateParts(body, 'capturedOn'),
      activityId: text(body, 'activityId'),
    };
    const errors: FormError[] = [];
    if (!values.words) errors.push(fieldError('words', 'Enter their words exactly as they said or wrote them'));
    if (!values.context) errors.push(fieldError('context', 'Enter when and why they said it'));
    if (!values.attribution) errors.push(fieldError('attribution', 'Select how they agreed the words may be attributed'));
    if (values.uses.length === 0) errors.push(fieldError('allowedUses', 'Select where they agreed the words may be used: at least one, or do not capture them'));
    if (!values.language) errors.push(fieldError('language', 'Enter the language of their words, for example, en for English'));
    const day = dateFrom(values.date, 'the date the words were captured');
    if ('problem' in day) errors.push(dateError('capturedOn', day));
    if (errors.length > 0 || 'problem' in day) return this.showCapture(request, response, person, outcomes, values, errors);

    const quoteId = idFor('quote', values.formKey || newFormKey());
    const outcome = await this.forms.send(
      'CaptureQuote',
      {
        quoteId,
        projectId,
        participantId,
        activityId: values.activityId || null,
        decisionId: null,
        context: values.context,
        outcomeIds: values.outcomeIds,
        attribution: values.attribution,
        allowedUses: values.uses,
        language: values.language,
        capturedOn: day.date,
        personal: { subjectId: participantId, fields: { words: values.words } },
      },
      { actor: request.actor, formKey: values.formKey, labels: CAPTURE_LABELS },
    );
    const refused = besideFields(errorsOf(outcome), { 'quote.words_missing': 'words' }, { 'personal.fields.words': 'words', capturedOn: 'capturedOn-day' });
    if (refused.length > 0) return this.showCapture(request, response, person, outcomes, values, refused);
    this.done(request, response, participantId, 'Their words are captured with the consent they gave');
  }

  @Get(':quoteId/consent')
  @Requires('record')
  async consentForm(@Req() request: PageRequest, @Res() response: Response, @Param('participantId') participantId: string, @Param('quoteId') quoteId: string): Promise<void> {
    const { quote } = await this.quoteOf(participantId, quoteId, may(request, 'read_personal'));
    this.showConsent(request, response, participantId, quote, { formKey: newFormKey(), attribution: quote.attribution, uses: quote.allowedUses, reason: '' });
  }

  @Post(':quoteId/consent')
  @Requires('record')
  async consent(@Req() request: PageRequest, @Res() response: Response, @Param('participantId') participantId: string, @Param('quoteId') quoteId: string): Promise<void> {
    const { quote } = await this.quoteOf(participantId, quoteId, may(request, 'read_personal'));
    const body = request.body;
    const values = { formKey: text(body, 'formKey'), attribution: text(body, 'attribution'), uses: list(body, 'allowedUses'), reason: text(body, 'reason') };
    const errors: FormError[] = [];
    if (!values.attribution) errors.push(fieldError('attribution', 'Select how they agree the words may be attributed'));
    if (values.uses.length === 0) errors.push(fieldError('allowedUses', 'Select where they agree the words may be used. If they want them used nowhere, withdraw their consent instead'));
    if (!values.reason) errors.push(fieldError('reason', 'Enter why the consent changed, for example, what they asked for'));
    if (errors.length > 0) return this.showConsent(request, response, participantId, quote, values, errors);
    const outcome = await this.forms.send(
      'ChangeQuoteConsent',
      { quoteId, attribution: values.attribution, allowedUses: values.uses, reason: values.reason },
      { actor: request.actor, formKey: values.formKey, labels: { attribution: 'How it may be attributed', allowedUses: 'Where it may be used', reason: 'Why the consent changed' } },
    );
    const refused = errorsOf(outcome);
    if (refused.length > 0) return this.showConsent(request, response, participantId, quote, values, refused);
    this.done(request, response, participantId, 'The consent for their words is changed');
  }

  @Get(':quoteId/withdraw')
  @Requires('record')
  async withdrawForm(@Req() request: PageRequest, @Res() response: Response, @Param('participantId') participantId: string, @Param('quoteId') quoteId: string): Promise<void> {
    const { quote } = await this.quoteOf(participantId, quoteId, may(request, 'read_personal'));
    const query = request.query as FormBody;
    const asked = dateParts(query, 'withdrawnOn');
    this.showWithdraw(request, response, participantId, quote, { date: asked.year ? asked : partsOf(today()), reason: text(query, 'reason') });
  }

  /** The date and reason are checked, then the person checks their answers before the withdrawal, which cannot be undone, is recorded. */
  @Post(':quoteId/withdraw')
  @Requires('record')
  async withdrawCheck(@Req() request: PageRequest, @Res() response: Response, @Param('participantId') participantId: string, @Param('quoteId') quoteId: string): Promise<void> {
    const { quote } = await this.quoteOf(participantId, quoteId, may(request, 'read_personal'));
    const values = { date: dateParts(request.body, 'withdrawnOn'), reason: text(request.body, 'reason') };
    const day = dateFrom(values.date, 'the date they withdrew their consent');
    if ('problem' in day) return this.showWithdraw(request, response, participantId, quote, values, [dateError('withdrawnOn', day)]);
    const invalid = await this.forms.check('WithdrawQuoteConsent', { quoteId, withdrawnOn: day.date, reason: values.reason || null }, WITHDRAW_LABELS);
    if (invalid.length > 0) return this.showWithdraw(request, response, participantId, quote, values, besideFields(invalid, {}, WITHDRAW_FIELDS));
    const change = new URLSearchParams({ 'withdrawnOn-day': values.date.day, 'withdrawnOn-month': values.date.month, 'withdrawnOn-year': values.date.year, reason: values.reason });
    show(request, response, 'recording/quotes/withdraw-check.njk', 'Check before you withdraw their consent', {
      participantId,
      quote: quoteView(quote),
      values: { ...values, withdrawnOn: day.date, withdrawnOnText: readable(day.date) },
      changeHref: `/people/${encodeURIComponent(participantId)}/quotes/${encodeURIComponent(quoteId)}/withdraw?${change.toString()}`,
      formKey: newFormKey(),
      backHref: may(request, 'read_personal') ? `/people/${encodeURIComponent(participantId)}` : '/projects',
      seesWords: may(request, 'read_personal'),
    });
  }

  @Post(':quoteId/withdraw/confirm')
  @Requires('record')
  async withdraw(@Req() request: PageRequest, @Res() response: Response, @Param('participantId') participantId: string, @Param('quoteId') quoteId: string): Promise<void> {
    const { quote } = await this.quoteOf(participantId, quoteId, may(request, 'read_personal'));
    const body = request.body;
    const outcome = await this.forms.send(
      'WithdrawQuoteConsent',
      { quoteId, withdrawnOn: text(body, 'withdrawnOn'), reason: optional(body, 'reason') },
      { actor: request.actor, formKey: text(body, 'formKey'), labels: WITHDRAW_LABELS },
    );
    const refused = errorsOf(outcome);
    if (refused.length > 0) {
      const [year, month, day] = text(body, 'withdrawnOn').split('-');
      return this.showWithdraw(request, response, participantId, quote, { date: { day: day ?? '', month: month ?? '', year: year ?? '' }, reason: text(body, 'reason') }, besideFields(refused, {}, WITHDRAW_FIELDS));
    }
    this.done(request, response, participantId, 'Consent for their words is withdrawn: they will not appear in any report from now on');
  }

  private done(request: PageRequest, response: Response, participantId: string, message: string): void {
    setFlash(request, message);
    response.redirect(303, may(request, 'read_personal') ? `/people/${encodeURIComponent(participantId)}` : `/people/${encodeURIComponent(participantId)}/registered`);
  }

  private async found(participantId: string, withDetails: boolean): Promise<PersonRecord> {
    const record = await this.people.person(participantId, withDetails);
    if (!record) throw new NotFoundException(`nobody is registered as ${participantId}`);
    return record;
  }

  private async quoteOf(participantId: string, quoteId: string, withWords: boolean) {
    const record = await this.found(participantId, withWords);
    const quote = record.quotes.find((q) => q.quoteId === quoteId);
    if (!quote) throw new NotFoundException(`${participantId} has no quote ${quoteId}`);
    return { record, quote: { ...quote, who: whoOf(record).who } };
  }

  private async showProjectChoice(request: PageRequest, response: Response, person: Who, errors: FormError[] = []): Promise<void> {
    const projects: ProjectListing[] = await this.queries.execute(new ListProjects());
    show(
      request,
      response,
      'recording/quotes/project.njk',
      'Which project did they say it in?',
      { ...person, projects: projects.filter((p) => p.status !== 'closed').map((p) => ({ value: p.projectId, text: p.title })) },
      errors,
    );
  }

  private showCapture(request: PageRequest, response: Response, person: Who, outcomes: ProjectOutcomes, values: CaptureValues, errors: FormError[] = []): void {
    const session = values.activityId ? outcomes.facts.activities.get(values.activityId) : undefined;
    show(
      request,
      response,
      'recording/quotes/capture.njk',
      'Capture their words',
      {
        ...person,
        project: outcomes.facts.project,
        session,
        values,
        outcomes: outcomes.framework.outcomes.map((o) => ({ value: o.id, text: `Outcome ${o.number}: ${o.title}`, checked: values.outcomeIds.includes(o.id) })),
        attributions: choices('attribution', values.attribution),
        uses: choices('use', values.uses),
      },
      errors,
    );
  }

  private showConsent(request: PageRequest, response: Response, participantId: string, quote: QuoteOf, values: { formKey: string; attribution: string; uses: string[]; reason: string }, errors: FormError[] = []): void {
    show(
      request,
      response,
      'recording/quotes/consent.njk',
      'Change the consent for their words',
      { participantId, quote: quoteView(quote), values, attributions: choices('attribution', values.attribution), uses: choices('use', values.uses), seesWords: may(request, 'read_personal') },
      errors,
    );
  }

  private showWithdraw(request: PageRequest, response: Response, participantId: string, quote: QuoteOf, values: { date: DateParts; reason: string }, errors: FormError[] = []): void {
    show(request, response, 'recording/quotes/withdraw.njk', 'Withdraw consent for their words', { participantId, quote: quoteView(quote), values, seesWords: may(request, 'read_personal') }, errors);
  }
}

type QuoteOf = PersonRecord['quotes'][number] & { who: string };

/** A person as a page's caption names them: by name for someone who may see it, otherwise by reference. */
interface Who {
  participantId: string;
  who: string;
}

function whoOf(record: PersonRecord): Who {
  return { participantId: record.person.participantId, who: record.person.name ?? `Person ${record.person.participantId}` };
}

function quoteView(quote: QuoteOf) {
  return { ...quote, uses: sayAll('use', quote.allowedUses), capturedOnText: readable(quote.capturedOn) };
}
