import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { notFound, STORY_PARTS, STORY_TEXT_MAX_LENGTH, StoryPart } from '@coprod/domain';
import { PERSONAL_DATA_PROTECTOR, PersonalDataProtector, withOpenStory } from '@coprod/application';
import type { ProjectFacts } from '@coprod/frameworks';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { contributionWords, DecisionRecords } from '../decisions/decision-record';
import { formProblems } from '../decisions/form-checks';
import { dateAnswer, DateAnswer, dateParts, formBody, idFromFormKey, inline, optional, text } from '../decisions/form-values';
import { setFlash, SignedIn, takeFlash } from '../decisions/page-state';
import { dateWords, today } from '../decisions/page-words';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { pageContext } from '../web-page';
import { STORY_PART_WORDS } from './story-words';

const STORY_LABELS = { text: 'The text', recordedOn: 'Date it was written' };
const PROPOSAL_LABELS = {
  proposal: 'What was proposed',
  reason: 'Why it was not adopted',
  decisionId: 'The decision that turned it down',
  contributionId: 'Where it came from',
  recordedOn: 'Date it was known not to be adopted',
};

const storyPath = (projectId: string, anchor = '') => `/projects/${encodeURIComponent(projectId)}/story${anchor ? `#${anchor}` : ''}`;

/**
 * The story of a project, in the evaluation lead's words: the parts of a case study only a person can
 * write (why it started, who was reached, lessons, next steps, thanks, the public contact), and the
 * proposals the project did not adopt, with or without a decision that turned them down. Each form
 * sends the same command as the API, under the same permission and rules.
 */
@ApiExcludeController()
@Controller('projects/:projectId')
export class ProjectStoryController {
  constructor(
    private readonly records: DecisionRecords,
    private readonly form: FormCommand,
    @Inject(PERSONAL_DATA_PROTECTOR) private readonly protector: PersonalDataProtector,
  ) {}

  @Get('story')
  @Requires('read_figures')
  async story(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const facts = await this.facts(projectId);
    response.render(
      'story/story.njk',
      pageContext(request, 'The story of the project', {
        project: projectWords(facts),
        parts: STORY_PARTS.map((part) => {
          const written = facts.story[part];
          return { part, ...STORY_PART_WORDS[part], text: written?.text ?? null, recordedOnWords: written ? dateWords(written.recordedOn) : null };
        }),
        notAdopted: facts.notAdopted.map((p) => ({
          ...p,
          decision: p.decisionId === null ? 'Not linked to a decision' : (facts.decisions.get(p.decisionId)?.title ?? p.decisionId),
          decisionHref:
            p.decisionId === null || !facts.decisions.has(p.decisionId)
              ? null
              : `/projects/${encodeURIComponent(projectId)}/decisions/${encodeURIComponent(p.decisionId)}`,
        })),
        flash: takeFlash(request),
      }),
    );
  }

  @Get('story/:part')
  @Requires('record')
  async partForm(
    @Req() request: SignedIn,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('part') part: string,
  ): Promise<void> {
    const facts = await this.facts(projectId);
    const known = storyPart(part);
    const written = facts.story[known];
    this.renderPart(request, response, facts, known, { formKey: newFormKey(), text: written?.text ?? '', recordedOn: dateParts(today()) }, []);
  }

  @Post('story/:part')
  @Requires('record')
  async recordPart(
    @Req() request: SignedIn,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Param('part') part: string,
    @Body() raw: unknown,
  ): Promise<void> {
    const facts = await this.facts(projectId);
    const known = storyPart(part);
    const body = formBody(raw);
    const formKey = text(body, 'formKey');
    const recordedOn = dateAnswer(body, 'recordedOn', 'the date it was written');
    const data = { projectId, part: known, text: text(body, 'text'), recordedOn: recordedOn.iso };
    const answers = { ...data, recordedOn, formKey };
    const problems = await formProblems(this.form, 'RecordProjectStory', data, {
      labels: STORY_LABELS,
      required: { text: `Enter ${STORY_PART_WORDS[known].question.toLowerCase()}` },
      dates: { recordedOn },
    });
    const outcome =
      problems.length > 0
        ? { errors: problems }
        : await this.form.send('RecordProjectStory', data, { actor: request.actor, formKey, labels: STORY_LABELS });
    if ('errors' in outcome) return this.renderPart(request, response, facts, known, answers, outcome.errors);
    setFlash(request, `${STORY_PART_WORDS[known].name} recorded`);
    response.redirect(303, storyPath(projectId, `part-${known}`));
  }

  @Get('proposals/new')
  @Requires('record')
  async proposalForm(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string): Promise<void> {
    const facts = await this.facts(projectId);
    if (facts.project!.closedOn) return this.renderClosed(request, response, facts);
    this.renderProposal(request, response, facts, { formKey: newFormKey(), recordedOn: dateParts(today()) }, []);
  }

  @Post('proposals/new')
  @Requires('record')
  async recordProposal(
    @Req() request: SignedIn,
    @Res() response: Response,
    @Param('projectId') projectId: string,
    @Body() raw: unknown,
  ): Promise<void> {
    const facts = await this.facts(projectId);
    const body = formBody(raw);
    const formKey = text(body, 'formKey');
    const recordedOn = dateAnswer(body, 'recordedOn', 'the date it was known not to be adopted');
    const data = {
      projectId,
      proposalId: idFromFormKey('prop', formKey),
      proposal: text(body, 'proposal'),
      reason: text(body, 'reason'),
      decisionId: optional(body, 'decisionId'),
      contributionId: optional(body, 'contributionId'),
      recordedOn: recordedOn.iso,
    };
    const answers = { ...data, recordedOn, formKey };
    const problems = await formProblems(this.form, 'RecordProjectProposalNotAdopted', data, {
      labels: PROPOSAL_LABELS,
      required: { proposal: 'Enter what was proposed', reason: 'Enter why it was not adopted, as participants will be told' },
      dates: { recordedOn },
    });
    const outcome =
      problems.length > 0
        ? { errors: problems }
        : await this.form.send('RecordProjectProposalNotAdopted', data, { actor: request.actor, formKey, labels: PROPOSAL_LABELS });
    if ('errors' in outcome) return this.renderProposal(request, response, facts, answers, outcome.errors);
    setFlash(request, 'Proposal recorded, with why it was not adopted');
    response.redirect(303, storyPath(projectId, 'not-adopted'));
  }

  /** Everything recorded about the project, the story's sealed words opened (erased words leave a part missing); a project never registered is a 404. */
  private async facts(projectId: string): Promise<ProjectFacts> {
    const { facts } = await this.records.project(projectId);
    if (!facts.project) throw notFound('project.not_found', `project ${projectId} does not exist`);
    return withOpenStory(facts, (data, eventId) => this.protector.open(data, eventId));
  }

  private renderPart(
    request: SignedIn,
    response: Response,
    facts: ProjectFacts,
    part: StoryPart,
    answers: { formKey: string; text: string; recordedOn: DateAnswer | ReturnType<typeof dateParts> },
    problems: FormError[],
  ): void {
    const { errors, errorOf } = inline(problems, ['recordedOn']);
    const written = facts.story[part];
    response.status(problems.length > 0 ? 400 : 200).render(
      'story/part.njk',
      pageContext(request, STORY_PART_WORDS[part].question, {
        project: { projectId: facts.project!.projectId, title: facts.project!.title },
        part: { part, ...STORY_PART_WORDS[part] },
        earlier: written ? { recordedOnWords: dateWords(written.recordedOn) } : null,
        maxLength: STORY_TEXT_MAX_LENGTH,
        answers,
        errors,
        errorOf,
      }),
    );
  }

  /** A closed project takes no proposal (the rule refuses it as `project.closed`), so the page says so instead of offering a form bound to fail. */
  private renderClosed(request: SignedIn, response: Response, facts: ProjectFacts): void {
    response.render('story/proposal-new.njk', pageContext(request, 'Record a proposal that was not adopted', { project: projectWords(facts) }));
  }

  private renderProposal(request: SignedIn, response: Response, facts: ProjectFacts, answers: Record<string, unknown>, problems: FormError[]): void {
    const { errors, errorOf } = inline(problems, ['recordedOn']);
    response.status(problems.length > 0 ? 400 : 200).render(
      'story/proposal-new.njk',
      pageContext(request, 'Record a proposal that was not adopted', {
        project: { projectId: facts.project!.projectId, title: facts.project!.title },
        decisions: [
          { value: '', text: 'Not turned down by a recorded decision' },
          ...[...facts.decisions.values()].map((d) => ({
            value: d.decisionId,
            text: `${d.title} (${dateWords(d.decidedOn)})`,
            selected: answers.decisionId === d.decisionId,
          })),
        ],
        contributions: [
          { value: '', text: 'Not from a recorded contribution' },
          ...facts.contributions.map((c) => ({
            value: c.contributionId,
            text: contributionWords(c, facts),
            selected: answers.contributionId === c.contributionId,
          })),
        ],
        answers,
        errors,
        errorOf,
      }),
    );
  }
}

/** The project as its story pages name it, with the day it closed in words (null while it is open). */
function projectWords(facts: ProjectFacts): { projectId: string; title: string; closed: boolean; closedOnWords: string | null } {
  const { projectId, title, closedOn } = facts.project!;
  return { projectId, title, closed: Boolean(closedOn), closedOnWords: closedOn ? dateWords(closedOn) : null };
}

/** A part named in the address; any other is a page that does not exist. */
function storyPart(part: string): StoryPart {
  if (!(STORY_PARTS as readonly string[]).includes(part)) {
    throw notFound('project.story_part_not_found', `a project's story has no part "${part}"; the parts are ${STORY_PARTS.join(', ')}`);
  }
  return part as StoryPart;
}
