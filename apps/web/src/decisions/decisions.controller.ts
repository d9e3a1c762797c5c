import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { DECISION_MAKERS, DecisionMaker, REFERENCE_OPTIONAL_FOR } from '@coprod/domain';
import { can } from '@coprod/privacy';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { pageContext } from '../web-page';
import { committeeQuery, contributionWords, DecisionRecords, sessionWords } from './decision-record';
import { formProblems } from './form-checks';
import { dateAnswer, formBody, idFromFormKey, inline, text } from './form-values';
import { setFlash, SignedIn, takeFlash } from './page-state';
import { choices, dateWords, named } from './page-words';

const DECISION_LABELS = {
  title: 'What was decided',
  decisionMaker: 'Who took the decision',
  reference: 'Reference',
  decidedOn: 'Date of the decision',
  recommendation: 'The recommendation decided on',
};

/** Recording a decision for a project, and a decision's page: what influenced it, what was not adopted, and what was promised. */
@ApiExcludeController()
@Controller('projects/:projectId/decisions')
export class DecisionsController {
  constructor(
    private readonly records: DecisionRecords,
    private readonly form: FormCommand,
  ) {}

  @Get('new')
  @Requires('record')
  async recordForm(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    await this.renderRecordForm(request, response, projectId, { formKey: newFormKey() }, []);
  }

  @Post('new')
  @Requires('record')
  async record(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Body() raw: unknown): Promise<void> {
    const body = formBody(raw);
    const formKey = text(body, 'formKey');
    const decidedOn = dateAnswer(body, 'decidedOn', 'the date of the decision');
    const data = {
      decisionId: idFromFormKey('dec', formKey),
      projectId,
      title: text(body, 'title'),
      decisionMaker: text(body, 'decisionMaker'),
      reference: text(body, 'reference'),
      decidedOn: decidedOn.iso,
      recommendation: text(body, 'recommendation'),
    };
    const answers = { ...data, decidedOn, formKey };
    const problems = await formProblems(this.form, 'RecordDecision', data, {
      labels: DECISION_LABELS,
      required: {
        title: 'Enter what was decided',
        decisionMaker: 'Select who took the decision',
        // Required here so the question is marked, as the decider would refuse it; an officer decision under delegation may have none.
        ...(REFERENCE_OPTIONAL_FOR.includes(data.decisionMaker as DecisionMaker)
          ? {}
          : {
              reference:
                'Enter the reference of the decision, such as the committee paper number; only an officer decision under delegation may have none',
            }),
        recommendation: 'Enter the recommendation decided on',
      },
      dates: { decidedOn },
    });
    if (problems.length > 0) return this.renderRecordForm(request, response, projectId, answers, problems);
    const outcome = await this.form.send('RecordDecision', data, { actor: request.actor, formKey, labels: DECISION_LABELS });
    if ('errors' in outcome) return this.renderRecordForm(request, response, projectId, answers, outcome.errors);
    setFlash(request, 'Decision recorded. Now link what influenced it.');
    response.redirect(303, `/projects/${encodeURIComponent(projectId)}/decisions/${encodeURIComponent(data.decisionId)}`);
  }

  @Get(':decisionId')
  @Requires('read_figures')
  async decision(
    @Req() request: SignedIn,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('decisionId') decisionId: string,
  ): Promise<void> {
    const record = await this.records.decision(projectId, decisionId);
    const { facts, decision } = record;
    const contribution = (id: string) => {
      const found = facts.contributions.find((c) => c.contributionId === id);
      return found ? contributionWords(found, facts) : id;
    };
    const session = (id: string) => {
      const found = facts.activities.get(id);
      return found ? sessionWords(found) : id;
    };
    const may = (permission: Parameters<typeof can>[1]) => can(request.actor.role, permission);
    response.render(
      'decisions/decision.njk',
      pageContext(request, decision.title, {
        project: { projectId, title: record.projectTitle },
        decision: { ...decision, makerName: named(decision.decisionMaker), decidedOnWords: dateWords(decision.decidedOn) },
        influences: record.influences.map((influence) => ({
          ...influence,
          sessions: influence.activityIds.map(session),
          contributions: influence.contributionIds.map(contribution),
          ladderName: named(influence.ladderLevel),
          needhamCarrName: named(influence.needhamCarrLevel),
        })),
        notAdopted: record.notAdopted.map((p) => ({
          ...p,
          from: p.contributionId ? contribution(p.contributionId) : 'Not from a recorded contribution',
        })),
        commitments: record.commitments.map((c) => ({
          ...c,
          dueByWords: c.dueBy ? dateWords(c.dueBy) : 'No date given',
          metOnWords: c.metOn ? dateWords(c.metOn) : null,
        })),
        may: { record: may('record'), reports: may('read_reports'), history: may('read_history') },
        reportQuery: committeeQuery(decision),
        flash: takeFlash(request),
      }),
    );
  }

  private async renderRecordForm(
    request: SignedIn,
    response: Response,
    projectId: string,
    answers: Record<string, unknown>,
    problems: FormError[],
  ): Promise<void> {
    const { facts } = await this.records.project(projectId);
    const { errors, errorOf } = inline(problems, ['decidedOn']);
    response.status(problems.length > 0 ? 400 : 200).render(
      'decisions/decision-new.njk',
      pageContext(request, 'Record a decision', {
        project: { projectId, title: facts.project?.title ?? projectId },
        answers,
        errors,
        errorOf,
        makers: choices(DECISION_MAKERS, answers.decisionMaker),
      }),
    );
  }
}
