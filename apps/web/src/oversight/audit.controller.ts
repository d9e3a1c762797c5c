import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Request, Response } from 'express';
import { CorrectionLink, EntityHistory, FigureTrace, GetEntityHistory, HISTORY_KINDS, HistoryKind, InvalidInput, ListProjects, ProjectListing, TraceFigure } from '@coprod/application';
import { DomainError } from '@coprod/domain';
import { can } from '@coprod/privacy';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { ID_PATTERN } from '../../../api/src/commands/dto/fields';
import { RequestActor } from '../../../api/src/http/request-actor';
import { OutcomesQueryDto } from '../../../api/src/outcomes/outcomes-query.dto';
import { pageContext } from '../web-page';
import { FormError } from '../form-command';
import { detailLines, eventName, historyHref, KIND_NAMES, recordOfStream } from './event-details';
import { readableMoment, sentence } from './plain-words';

type Actor = Request & { actor: RequestActor };

const KIND_HINTS: Readonly<Record<HistoryKind, string>> = {
  project: 'Its registration, stages, set-up and reflections',
  participant: 'Their registration and changes to their profile (never their personal details)',
  activity: 'A session: its plan, whether it was held, its register and what people contributed',
  decision: 'What was decided, what influenced it, proposals not adopted and commitments',
  expense: 'An expense claim: who claimed, approved and paid it',
  quote: 'A quote and every change to its consent',
  measure: 'A service measure and its readings',
};

/** For auditors: find any record's history, read it with its corrections linked both ways, and see the events behind a figure. */
@ApiExcludeController()
@Controller('audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Requires('read_history')
  async start(@Req() request: Actor, @Res() response: Response, @Query('kind') kind?: string, @Query('id') id?: string): Promise<void> {
    const asked = { kind: kind ?? '', id: (id ?? '').trim() };
    const errors: FormError[] = [];
    if (kind !== undefined || id !== undefined) {
      if (!(HISTORY_KINDS as readonly string[]).includes(asked.kind)) errors.push({ field: 'kind', text: 'Select the kind of record', href: '#kind' });
      if (asked.id === '') errors.push({ field: 'id', text: 'Enter the ID of the record', href: '#id' });
      else if (!ID_PATTERN.test(asked.id)) {
        errors.push({ field: 'id', text: 'Enter the ID as it is recorded, like p-energy or part-001: letters, digits and . _ : - only', href: '#id' });
      }
      if (errors.length === 0) {
        const found = await this.history(asked.kind as HistoryKind, asked.id);
        if (found) return response.redirect(303, historyHref(found.kind, found.id));
        errors.push({ field: 'id', text: `Nothing is recorded about ${KIND_NAMES[asked.kind as HistoryKind]} ${asked.id}: check the ID and the kind of record`, href: '#id' });
      }
    }
    const projects: ProjectListing[] = await this.queries.execute(new ListProjects());
    response.status(errors.length ? 400 : 200).render(
      'oversight/audit/start.njk',
      pageContext(request, 'Audit', {
        asked,
        errors,
        errorFor: Object.fromEntries(errors.map((error) => [error.field, error.text])),
        kinds: HISTORY_KINDS.map((value) => ({ value, text: sentence(KIND_NAMES[value]), hint: { text: KIND_HINTS[value] }, checked: value === asked.kind })),
        projects: projects.map((p) => ({ ...p, historyHref: historyHref('project', p.projectId) })),
        mayVerify: can(request.actor.role, 'verify'),
      }),
    );
  }

  @Get('history/:kind/:id')
  @Requires('read_history')
  async entity(@Req() request: Actor, @Res() response: Response, @Param('kind') kind: string, @Param('id') id: string): Promise<void> {
    const found = (HISTORY_KINDS as readonly string[]).includes(kind) && ID_PATTERN.test(id) ? await this.history(kind as HistoryKind, id) : undefined;
    if (!found) {
      response.status(404).render(
        'errors/page.njk',
        pageContext(request, 'Record not found', {
          lines: [`Nothing is recorded about ${KIND_NAMES[kind as HistoryKind] ?? kind} ${id}.`, 'Check the ID and the kind of record.'],
          link: { href: '/audit', text: 'Find a record' },
        }),
      );
      return;
    }
    const positionOf = new Map(found.events.map((e) => [e.eventId, e.position]));
    const events = found.events.map((event) => ({
      anchor: `event-${event.eventId}`,
      position: event.position,
      name: eventName(event.type),
      eventId: event.eventId,
      happened: readableMoment(event.occurredAt),
      occurredAt: event.occurredAt,
      recorded: readableMoment(event.recordedAt),
      recordedAt: event.recordedAt,
      actor: event.actor,
      role: event.role,
      source: event.source,
      hash: event.hash,
      hashParts: event.hash.match(/.{1,16}/g) ?? [],
      // The record itself is the page's subject: its own ID is not repeated on every row.
      lines: detailLines(event.type, event.corrects ? withoutTarget(event.summary) : event.summary, { linkRecords: true }).filter(
        (line) => !(line.links.length === 1 && line.links[0].href === historyHref(found.kind, found.id)),
      ),
      corrects: event.corrects
        ? { anchor: `event-${event.corrects.eventId}`, position: positionOf.get(event.corrects.eventId), name: eventName(event.corrects.type), kind: event.corrects.kind }
        : null,
      correctedBy: event.correctedBy.map((c) => ({ anchor: `event-${c.eventId}`, position: c.position, kind: c.kind, reason: c.reason, actor: c.actor })),
    }));
    const title = `History of ${KIND_NAMES[found.kind]} ${found.id}`;
    response.render(
      'oversight/audit/history.njk',
      pageContext(request, title, {
        record: { kind: found.kind, kindName: KIND_NAMES[found.kind], id: found.id, name: found.events.map((e) => e.summary.title).find((t) => typeof t === 'string') },
        events,
        corrections: events.filter((e) => e.corrects).length,
        subjectAccessHref:
          found.kind === 'participant' && can(request.actor.role, 'read_personal') ? `/people/${encodeURIComponent(found.id)}/subject-access` : undefined,
        projectHref: found.kind === 'project' && can(request.actor.role, 'read_figures') ? `/projects/${encodeURIComponent(found.id)}` : undefined,
      }),
    );
  }

  @Get('projects/:projectId/trace/:indicatorId')
  @Requires('read_history')
  async trace(
    @Req() request: Actor,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('indicatorId') indicatorId: string,
    @Query('asOf') asOf?: string,
    @Query('knownAt') knownAt?: string,
  ): Promise<void> {
    const asked = { asOf: (asOf ?? '').trim(), knownAt: (knownAt ?? '').trim() };
    const clocks = { ...(asked.asOf ? { asOf: asked.asOf } : {}), ...(asked.knownAt ? { knownAt: asked.knownAt } : {}) };
    const errors = await clockErrors(clocks);
    const traceAt = (at: typeof clocks): Promise<FigureTrace> =>
      this.queries.execute(new TraceFigure({ projectId, indicatorId, now: new Date().toISOString(), ...at }));
    let traced: FigureTrace;
    try {
      traced = await traceAt(errors.length ? {} : clocks);
    } catch (error) {
      // A well-formed date the record cannot answer for (a position beyond the latest, say): say why, and show the figure as it stands.
      if (!(error instanceof InvalidInput) || Object.keys(clocks).length === 0) throw error;
      errors.push(...error.fields.map((field) => clockError(field.field, field.problems[0])));
      traced = await traceAt({});
    }
    const corrections = await this.correctionsOf(traced);
    const events = traced.events.map((event) => {
      const record = recordOfStream(event.stream);
      return {
        position: event.position,
        name: eventName(event.type),
        happened: readableMoment(event.occurredAt),
        occurredAt: event.occurredAt,
        recorded: readableMoment(event.recordedAt),
        recordedAt: event.recordedAt,
        actor: event.actor,
        role: event.role,
        source: event.source,
        recordHref: record ? `${historyHref(record.kind, record.id)}#event-${event.eventId}` : undefined,
        recordName: record ? `${KIND_NAMES[record.kind]} ${record.id}` : event.stream,
        correctedBy: (corrections.get(event.eventId) ?? []).map((c) => ({
          ...c,
          href: record ? `${historyHref(record.kind, record.id)}#event-${c.eventId}` : '#',
        })),
        // The project and the record are said once for the row, not again among what was recorded.
        lines: detailLines(event.type, event.summary, { linkRecords: false }).filter(
          (line) => !(line.label === 'Project ID' && line.value === projectId) && !(record && /ID$/.test(line.label) && line.value === record.id),
        ),
      };
    });
    response.status(errors.length ? 400 : 200).render(
      'oversight/audit/trace.njk',
      pageContext(request, traced.title, {
        figure: { ...traced, valueText: traced.value === null ? 'not shown' : (traced.valueLabel ?? `${traced.value} ${traced.unit}`) },
        events,
        asked,
        errors,
        errorFor: Object.fromEntries(errors.map((error) => [error.field, error.text])),
        clocks: { ...traced.clocks, asOfText: readableMoment(traced.clocks.asOf) },
        projectHref: can(request.actor.role, 'read_figures') ? `/projects/${encodeURIComponent(projectId)}` : undefined,
        projectHistoryHref: historyHref('project', projectId),
        tracePath: `/audit/projects/${encodeURIComponent(projectId)}/trace/${encodeURIComponent(indicatorId)}`,
      }),
    );
  }

  /** The corrections the figure applied to each event behind it: those recorded by the position it was counted up to. */
  private async correctionsOf(traced: FigureTrace): Promise<Map<string, CorrectionLink[]>> {
    const corrections = new Map<string, CorrectionLink[]>();
    const records = new Map(traced.events.map((event) => [event.stream, recordOfStream(event.stream)]));
    for (const record of records.values()) {
      if (!record) continue;
      const history = await this.history(record.kind, record.id);
      for (const entry of history?.events ?? []) {
        const applied = entry.correctedBy.filter((c) => c.position <= traced.clocks.knownAtPosition);
        if (applied.length) corrections.set(entry.eventId, applied);
      }
    }
    return corrections;
  }

  private async history(kind: HistoryKind, id: string): Promise<EntityHistory | undefined> {
    try {
      return await this.queries.execute<GetEntityHistory, EntityHistory>(new GetEntityHistory(kind, id));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return undefined;
      throw error;
    }
  }
}

/** A correction's own fields: the event it corrects is shown as a link, not as a line of its data. */
function withoutTarget(summary: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...summary };
  delete rest.eventId;
  delete rest.eventType;
  return rest;
}

const CLOCK_WORDS: Readonly<Record<string, string>> = {
  asOf: 'The "what had happened by" date',
  knownAt: 'The "as it was recorded by" date or position',
};

/** The two clocks checked as the API checks them, each problem worded for the form. */
async function clockErrors(clocks: { asOf?: string; knownAt?: string }): Promise<FormError[]> {
  const problems = await validate(plainToInstance(OutcomesQueryDto, clocks));
  return problems.map((problem) => clockError(problem.property, Object.values(problem.constraints ?? {})[0] ?? 'is not valid'));
}

function clockError(field: string, problem: string): FormError {
  return { field, text: `${CLOCK_WORDS[field] ?? field} ${problem.replace(new RegExp(`^${field}\\s*`), '')}`, href: `#${field}` };
}
