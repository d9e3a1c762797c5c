import { Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ProjectOutcomes } from '@coprod/application';
import { STAGES } from '@coprod/domain';
import { FrameworkRegistry } from '@coprod/frameworks';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { setFlash } from '../web-page';
import { DateParts, dateError, dateFrom, dateParts, fieldError, idFor, optional, partsOf, text, today, yesNo } from './form-input';
import { besideFields, errorsOf, PageRequest, projectPath, projectRecord, show } from './recording-page';
import { say } from './words';

const REGISTER_LABELS = {
  title: 'Title',
  serviceArea: 'Service area',
  aim: 'Aim',
  frameworkId: 'Framework',
  improvementSought: 'Improvement sought',
  openToNewMembers: 'Open to new members',
};

interface RegisterValues {
  formKey: string;
  title: string;
  serviceArea: string;
  aim: string;
  frameworkId: string;
  improvementSought: string;
  open: string;
}

/** Registering a project, tailoring its outcome in its own words, and moving it to its next stage. */
@ApiExcludeController()
@Controller()
export class ProjectSetupController {
  constructor(
    private readonly queries: QueryBus,
    private readonly forms: FormCommand,
    private readonly frameworks: FrameworkRegistry,
  ) {}

  @Get('new-project')
  @Requires('manage_projects')
  registerForm(@Req() request: PageRequest, @Res() response: Response): void {
    this.showRegister(request, response, { formKey: newFormKey(), title: '', serviceArea: '', aim: '', frameworkId: this.frameworks.default().id, improvementSought: '', open: '' });
  }

  @Post('new-project')
  @Requires('manage_projects')
  async register(@Req() request: PageRequest, @Res() response: Response): Promise<void> {
    const body = request.body;
    const values: RegisterValues = {
      formKey: text(body, 'formKey'),
      title: text(body, 'title'),
      serviceArea: text(body, 'serviceArea'),
      aim: text(body, 'aim'),
      frameworkId: text(body, 'frameworkId'),
      improvementSought: text(body, 'improvementSought'),
      open: text(body, 'openToNewMembers'),
    };
    const errors: FormError[] = [];
    if (!values.title) errors.push(fieldError('title', 'Enter the title of the project'));
    if (!values.serviceArea) errors.push(fieldError('serviceArea', 'Enter the service area the project belongs to'));
    if (!values.aim) errors.push(fieldError('aim', 'Enter what the project sets out to do'));
    if (!values.frameworkId) errors.push(fieldError('frameworkId', 'Select the framework the project is evaluated against'));
    if (!values.improvementSought) errors.push(fieldError('improvementSought', 'Enter the improvement the project seeks'));
    const open = yesNo(body, 'openToNewMembers');
    if (open === undefined) errors.push(fieldError('openToNewMembers', 'Select yes if new members can still join'));
    if (errors.length > 0) return this.showRegister(request, response, values, errors);

    const projectId = idFor('p', values.formKey || newFormKey(), values.title);
    const outcome = await this.forms.send(
      'RegisterProject',
      { projectId, title: values.title, serviceArea: values.serviceArea, aim: values.aim, frameworkId: values.frameworkId, improvementSought: values.improvementSought, openToNewMembers: open },
      { actor: request.actor, formKey: values.formKey, labels: REGISTER_LABELS },
    );
    const refused = errorsOf(outcome);
    if (refused.length > 0) return this.showRegister(request, response, values, besideFields(refused, { 'framework.not_found': 'frameworkId' }));
    setFlash(request, `Project registered: ${values.title}`);
    response.redirect(303, projectPath(projectId));
  }

  @Get('projects/:projectId/outcomes/:outcomeId')
  @Requires('manage_projects')
  async tailorForm(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('outcomeId') outcomeId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const outcome = tailorable(outcomes, outcomeId);
    this.showTailor(request, response, outcomes, outcome, { formKey: newFormKey(), wording: outcomes.facts.tailoredOutcomes[outcomeId]?.wording ?? '' });
  }

  @Post('projects/:projectId/outcomes/:outcomeId')
  @Requires('manage_projects')
  async tailor(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('outcomeId') outcomeId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const outcome = tailorable(outcomes, outcomeId);
    const values = { formKey: text(request.body, 'formKey'), wording: text(request.body, 'wording') };
    if (!values.wording) return this.showTailor(request, response, outcomes, outcome, values, [fieldError('wording', `Enter outcome ${outcome.number} in this project's own words`)]);
    const sent = await this.forms.send('TailorOutcome', { projectId, outcomeId, wording: values.wording }, { actor: request.actor, formKey: values.formKey, labels: { wording: 'The outcome in this project’s words' } });
    const refused = besideFields(errorsOf(sent), {}, { wording: 'wording' });
    if (refused.length > 0) return this.showTailor(request, response, outcomes, outcome, values, refused);
    setFlash(request, `Outcome ${outcome.number} is now worded for this project`);
    response.redirect(303, projectPath(projectId));
  }

  @Get('projects/:projectId/stage')
  @Requires('record')
  async stageForm(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    this.showStage(request, response, outcomes, { formKey: newFormKey(), stage: nextStages(outcomes)[0] ?? '', date: partsOf(today()), reason: '' });
  }

  @Post('projects/:projectId/stage')
  @Requires('record')
  async moveStage(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const body = request.body;
    const values = { formKey: text(body, 'formKey'), stage: text(body, 'stage'), date: dateParts(body, 'enteredOn'), reason: text(body, 'reason') };
    const errors: FormError[] = [];
    if (!values.stage) errors.push(fieldError('stage', 'Select the stage the project moves to'));
    const day = dateFrom(values.date, 'the date the project entered the stage');
    if ('problem' in day) errors.push(dateError('enteredOn', day));
    if (errors.length > 0 || 'problem' in day) return this.showStage(request, response, outcomes, values, errors);
    const sent = await this.forms.send(
      'MoveProjectToStage',
      { projectId, stage: values.stage, enteredOn: day.date, reason: optional(body, 'reason') },
      { actor: request.actor, formKey: values.formKey, labels: { stage: 'Stage', enteredOn: 'Date it entered the stage', reason: 'Why it moved now' } },
    );
    const refused = besideFields(
      errorsOf(sent),
      { 'project.skip_needs_reason': 'reason', 'project.stage_skipped': 'stage', 'project.stage_not_forward': 'stage' },
      { enteredOn: 'enteredOn-day', reason: 'reason', stage: 'stage' },
    );
    if (refused.length > 0) return this.showStage(request, response, outcomes, values, refused);
    setFlash(request, `The project is now in ${say('stage', values.stage).toLowerCase()}`);
    response.redirect(303, projectPath(projectId));
  }

  private showRegister(request: PageRequest, response: Response, values: RegisterValues, errors: FormError[] = []): void {
    const frameworks = this.frameworks.list().map((framework) => ({
      value: framework.id,
      text: framework.name,
      hint: { text: framework.publisher },
      checked: framework.id === values.frameworkId,
    }));
    show(request, response, 'recording/projects/register.njk', 'Register a project', { values, frameworks }, errors);
  }

  private showTailor(request: PageRequest, response: Response, outcomes: ProjectOutcomes, outcome: { id: string; number: number; title: string }, values: { formKey: string; wording: string }, errors: FormError[] = []): void {
    show(request, response, 'recording/projects/tailor.njk', `Outcome ${outcome.number} for this project`, { project: outcomes.facts.project, outcome, values }, errors);
  }

  private showStage(request: PageRequest, response: Response, outcomes: ProjectOutcomes, values: { formKey: string; stage: string; date: DateParts; reason: string }, errors: FormError[] = []): void {
    const project = outcomes.facts.project!;
    const stages = nextStages(outcomes).map((stage) => ({
      value: stage,
      text: say('stage', stage),
      checked: stage === values.stage,
      ...(stage === 'co_evaluation' && project.stage === 'co_design' ? { hint: { text: 'Skips co-delivery: say why below' } } : {}),
    }));
    show(
      request,
      response,
      'recording/projects/stage.njk',
      'Move the project to its next stage',
      { project, currentStage: say('stage', project.stage), stages, values, closed: project.closedOn !== null },
      errors,
    );
  }
}

/** An outcome of the project's framework that each project words for itself; a 404 page for any other. */
function tailorable(outcomes: ProjectOutcomes, outcomeId: string): { id: string; number: number; title: string } {
  const outcome = outcomes.framework.outcomes.find((o) => o.id === outcomeId);
  if (!outcome || !outcome.tailoredPerProject) throw new NotFoundException(`outcome ${outcomeId} of ${outcomes.framework.id} is not worded per project`);
  return outcome;
}

/** The stages after the project's own, in order: a project only moves forward. */
function nextStages(outcomes: ProjectOutcomes): string[] {
  return STAGES.slice(STAGES.indexOf(outcomes.facts.project!.stage as (typeof STAGES)[number]) + 1);
}

