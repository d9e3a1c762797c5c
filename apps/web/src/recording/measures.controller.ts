import { Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { ProjectOutcomes } from '@coprod/application';
import { MeasureFact } from '@coprod/domain';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { setFlash } from '../web-page';
import { DateParts, dateError, dateFrom, dateParts, fieldError, idFor, numeric, optional, partsOf, readable, text, today } from './form-input';
import { besideFields, errorsOf, may, PageRequest, projectPath, projectRecord, show } from './recording-page';

interface MeasureValues {
  formKey: string;
  name: string;
  unit: string;
  baseline: string;
  date: DateParts;
  betterWhen: string;
  outcomeId: string;
}

interface ReadingValues {
  formKey: string;
  value: string;
  date: DateParts;
  note: string;
}

const MEASURE_LABELS = { name: 'What is measured', unit: 'Unit', baseline: 'Value before the project', baselineOn: 'Date of the baseline', betterWhen: 'Which way is better', outcomeId: 'Outcome' };
const READING_LABELS = { value: 'Value read', readingOn: 'Date of the reading', note: 'Note' };

/** A project's own service measures (the evidence that the service improved) and their readings. */
@ApiExcludeController()
@Controller('projects/:projectId/measures')
export class MeasuresController {
  constructor(
    private readonly queries: QueryBus,
    private readonly forms: FormCommand,
  ) {}

  @Get()
  @Requires('read_figures')
  async list(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const outcomeTitle = new Map(outcomes.framework.outcomes.map((o) => [o.id, `Outcome ${o.number}: ${o.title}`]));
    show(request, response, 'recording/measures/list.njk', 'Service measures', {
      project: outcomes.facts.project,
      measures: [...outcomes.facts.measures.values()].map((m) => ({
        ...m,
        baselineOnText: readable(m.baselineOn),
        better: m.betterWhen === 'higher' ? 'Higher is better' : 'Lower is better',
        outcome: m.outcomeId ? (outcomeTitle.get(m.outcomeId) ?? m.outcomeId) : 'None',
        readings: [...m.readings].sort((a, b) => a.readingOn.localeCompare(b.readingOn)).map((r) => ({ ...r, readingOnText: readable(r.readingOn) })),
      })),
      canRecord: may(request, 'record'),
      canAudit: may(request, 'read_history'),
    });
  }

  @Get('new')
  @Requires('record')
  async defineForm(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    this.showDefine(request, response, outcomes, { formKey: newFormKey(), name: '', unit: '', baseline: '', date: partsOf(null), betterWhen: '', outcomeId: '' });
  }

  @Post('new')
  @Requires('record')
  async define(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const body = request.body;
    const values: MeasureValues = {
      formKey: text(body, 'formKey'),
      name: text(body, 'name'),
      unit: text(body, 'unit'),
      baseline: text(body, 'baseline'),
      date: dateParts(body, 'baselineOn'),
      betterWhen: text(body, 'betterWhen'),
      outcomeId: text(body, 'outcomeId'),
    };
    const errors: FormError[] = [];
    if (!values.name) errors.push(fieldError('name', 'Enter what is measured'));
    if (!values.unit) errors.push(fieldError('unit', 'Enter the unit of the measure'));
    if (!values.baseline) errors.push(fieldError('baseline', 'Enter the value before the project'));
    const day = dateFrom(values.date, 'the date the baseline was taken');
    if ('problem' in day) errors.push(dateError('baselineOn', day));
    if (!values.betterWhen) errors.push(fieldError('betterWhen', 'Select whether a higher or a lower value is better'));
    if (errors.length > 0 || 'problem' in day) return this.showDefine(request, response, outcomes, values, errors);
    const outcome = await this.forms.send(
      'DefineServiceMeasure',
      {
        measureId: idFor('measure', values.formKey || newFormKey(), values.name),
        projectId,
        name: values.name,
        unit: values.unit,
        baseline: numeric(values.baseline),
        baselineOn: day.date,
        betterWhen: values.betterWhen,
        outcomeId: values.outcomeId === 'none' ? null : values.outcomeId || null,
      },
      { actor: request.actor, formKey: values.formKey, labels: MEASURE_LABELS },
    );
    const refused = besideFields(errorsOf(outcome), {}, { baselineOn: 'baselineOn-day' });
    if (refused.length > 0) return this.showDefine(request, response, outcomes, values, refused.map(plainNumbers));
    setFlash(request, `Service measure defined: ${values.name}`);
    response.redirect(303, projectPath(projectId, '/measures'));
  }

  @Get(':measureId/readings/new')
  @Requires('record')
  async readingForm(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('measureId') measureId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    this.showReading(request, response, outcomes, measureOf(outcomes, measureId), { formKey: newFormKey(), value: '', date: partsOf(today()), note: '' });
  }

  @Post(':measureId/readings/new')
  @Requires('record')
  async reading(@Req() request: PageRequest, @Res() response: Response, @Param('projectId') projectId: string, @Param('measureId') measureId: string): Promise<void> {
    const outcomes = await projectRecord(this.queries, projectId);
    const measure = measureOf(outcomes, measureId);
    const body = request.body;
    const values: ReadingValues = { formKey: text(body, 'formKey'), value: text(body, 'value'), date: dateParts(body, 'readingOn'), note: text(body, 'note') };
    const errors: FormError[] = [];
    if (!values.value) errors.push(fieldError('value', `Enter the value read, in ${measure.unit}`));
    const day = dateFrom(values.date, 'the date of the reading');
    if ('problem' in day) errors.push(dateError('readingOn', day));
    if (errors.length > 0 || 'problem' in day) return this.showReading(request, response, outcomes, measure, values, errors);
    const outcome = await this.forms.send(
      'RecordServiceMeasureReading',
      { measureId, value: numeric(values.value), readingOn: day.date, note: optional(body, 'note') },
      { actor: request.actor, formKey: values.formKey, labels: READING_LABELS },
    );
    const refused = besideFields(errorsOf(outcome), { 'measure.reading_before_baseline': 'readingOn-day', 'measure.reading_already_recorded': 'readingOn-day' }, { readingOn: 'readingOn-day' });
    if (refused.length > 0) return this.showReading(request, response, outcomes, measure, values, refused.map(plainNumbers));
    setFlash(request, `Reading recorded for ${measure.name}`);
    response.redirect(303, projectPath(projectId, '/measures'));
  }

  private showDefine(request: PageRequest, response: Response, outcomes: ProjectOutcomes, values: MeasureValues, errors: FormError[] = []): void {
    show(
      request,
      response,
      'recording/measures/define.njk',
      'Define a service measure',
      {
        project: outcomes.facts.project,
        values,
        betterWhen: [
          { value: 'higher', text: 'A higher value is better', checked: values.betterWhen === 'higher' },
          { value: 'lower', text: 'A lower value is better', checked: values.betterWhen === 'lower' },
        ],
        outcomes: [
          ...outcomes.framework.outcomes.map((o) => ({ value: o.id, text: `Outcome ${o.number}: ${o.title}`, checked: values.outcomeId === o.id })),
          { divider: 'or' },
          { value: 'none', text: 'None of these', checked: values.outcomeId === 'none' },
        ],
      },
      errors,
    );
  }

  private showReading(request: PageRequest, response: Response, outcomes: ProjectOutcomes, measure: MeasureFact, values: ReadingValues, errors: FormError[] = []): void {
    show(request, response, 'recording/measures/reading.njk', `Record a reading of ${measure.name}`, { project: outcomes.facts.project, measure: { ...measure, baselineOnText: readable(measure.baselineOn) }, values }, errors);
  }
}

function measureOf(outcomes: ProjectOutcomes, measureId: string): MeasureFact {
  const measure = outcomes.facts.measures.get(measureId);
  if (!measure) throw new NotFoundException(`project ${outcomes.projectId} has no service measure ${measureId}`);
  return measure;
}

/** "must be a number conforming to the specified constraints" is the validator's; people are told to enter a number. */
function plainNumbers(error: FormError): FormError {
  return /number conforming/.test(error.text) ? { ...error, text: error.text.replace(/must be a number conforming to the specified constraints/, 'must be a number, like 12 or 3.5') } : error;
}
