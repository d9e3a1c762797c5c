import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { LADDER_LEVELS, NEEDHAM_CARR_LEVELS } from '@coprod/domain';
import { Requires } from '../../../api/src/auth/requires.decorator';
import { FormCommand, FormError, newFormKey } from '../form-command';
import { pageContext } from '../web-page';
import { contributionWords, DecisionRecord, DecisionRecords, sessionWords } from './decision-record';
import { formProblems } from './form-checks';
import { fieldError, formBody, idFromFormKey, inline, optional, text, ticked, yesOrNo } from './form-values';
import { clearDraft, draft, saveDraft, setFlash, SignedIn } from './page-state';
import { choices, named } from './page-words';

/** The answers to the influence questions, kept in the session until they are checked and recorded. */
interface InfluenceDraft extends Record<string, unknown> {
  formKey: string;
  /** `session:<activityId>` or `contribution:<contributionId>`. */
  sources: string[];
  youSaid: string;
  weDid: string;
  whereInRecommendation: string | null;
  ladderLevel: string;
  needhamCarrLevel: string;
  optionsAlreadyFormed: boolean;
}

/** The questions, one page each, and the fields each asks. */
const STEPS = {
  sources: { path: '', fields: ['sources', 'activityIds', 'contributionIds'] },
  words: { path: '/words', fields: ['youSaid', 'weDid', 'whereInRecommendation'] },
  levels: { path: '/levels', fields: ['ladderLevel', 'needhamCarrLevel', 'optionsAlreadyFormed'] },
} as const;
type Step = keyof typeof STEPS;

const LABELS = {
  sources: 'What it came from',
  youSaid: 'What people said',
  weDid: 'What changed because of it',
  whereInRecommendation: 'Where the recommendation shows it',
  ladderLevel: 'Level on the TLAP ladder',
  needhamCarrLevel: 'Needham and Carr level',
  optionsAlreadyFormed: 'Whether the options were already formed',
};

const REQUIRED: Record<Step, Record<string, string>> = {
  sources: { sources: 'Select at least one session or contribution it came from' },
  words: { youSaid: 'Enter what people said', weDid: 'Enter what changed because of it' },
  levels: {
    ladderLevel: 'Select the level reached on the TLAP ladder',
    needhamCarrLevel: 'Select the Needham and Carr level reached',
    optionsAlreadyFormed: 'Select yes if the options were already formed when people were involved',
  },
};

const LADDER_HINTS: Record<string, string> = {
  coercion: 'People attend to hear what has already been decided.',
  educating: 'People are helped to understand a service so they can use it.',
  informing: 'People are told what is happening.',
  consultation: 'People are asked their views on options already set.',
  engagement: 'People have more say, but the council keeps control.',
  co_design: 'People help design the service, from the start.',
  co_production: 'People share power and decide together, as equal partners.',
};

const draftKey = (decisionId: string) => `influence:${decisionId}`;

/**
 * Linking what influenced a decision, one question a page: what it came from; what people said and
 * what changed; the levels reached; then check the answers before the influence is recorded.
 */
@ApiExcludeController()
@Controller('projects/:projectId/decisions/:decisionId/influences/new')
export class InfluenceController {
  constructor(
    private readonly records: DecisionRecords,
    private readonly form: FormCommand,
  ) {}

  @Get()
  @Requires('record')
  async sourcesForm(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Param('decisionId') decisionId: string, @Query('change') change?: string): Promise<void> {
    const record = await this.records.decision(projectId, decisionId);
    const answers = draft<InfluenceDraft>(request, draftKey(decisionId)) ?? {};
    if (!answers.formKey) saveDraft(request, draftKey(decisionId), { formKey: newFormKey() });
    this.renderStep(request, response, 'sources', record, answers, [], change);
  }

  @Post()
  @Requires('record')
  async sources(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Param('decisionId') decisionId: string, @Body() raw: unknown): Promise<void> {
    await this.answerStep(request, response, 'sources', projectId, decisionId, raw, (body) => ({ sources: ticked(body, 'sources') }));
  }

  @Get('words')
  @Requires('record')
  async wordsForm(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Param('decisionId') decisionId: string, @Query('change') change?: string): Promise<void> {
    await this.showStep(request, response, 'words', projectId, decisionId, change);
  }

  @Post('words')
  @Requires('record')
  async words(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Param('decisionId') decisionId: string, @Body() raw: unknown): Promise<void> {
    await this.answerStep(request, response, 'words', projectId, decisionId, raw, (body) => ({
      youSaid: text(body, 'youSaid'),
      weDid: text(body, 'weDid'),
      whereInRecommendation: optional(body, 'whereInRecommendation'),
    }));
  }

  @Get('levels')
  @Requires('record')
  async levelsForm(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Param('decisionId') decisionId: string, @Query('change') change?: string): Promise<void> {
    await this.showStep(request, response, 'levels', projectId, decisionId, change);
  }

  @Post('levels')
  @Requires('record')
  async levels(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Param('decisionId') decisionId: string, @Body() raw: unknown): Promise<void> {
    await this.answerStep(request, response, 'levels', projectId, decisionId, raw, (body) => ({
      ladderLevel: text(body, 'ladderLevel'),
      needhamCarrLevel: text(body, 'needhamCarrLevel'),
      optionsAlreadyFormed: yesOrNo(body, 'optionsAlreadyFormed'),
    }));
  }

  @Get('check')
  @Requires('record')
  async checkForm(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Param('decisionId') decisionId: string): Promise<void> {
    const answers = draft<InfluenceDraft>(request, draftKey(decisionId));
    if (!answers?.formKey) return response.redirect(303, this.path(projectId, decisionId, 'sources'));
    const record = await this.records.decision(projectId, decisionId);
    this.renderCheck(request, response, record, answers, []);
  }

  @Post('check')
  @Requires('record')
  async link(@Req() request: SignedIn, @Res() response: Response, @Param('projectId') projectId: string, @Param('decisionId') decisionId: string): Promise<void> {
    const answers = draft<InfluenceDraft>(request, draftKey(decisionId));
    if (!answers?.formKey) return response.redirect(303, this.path(projectId, decisionId, 'sources'));
    const record = await this.records.decision(projectId, decisionId);
    const outcome = await this.form.send('LinkInfluence', commandData(decisionId, answers), { actor: request.actor, formKey: answers.formKey, labels: LABELS });
    if ('errors' in outcome) {
      const problems = outcome.errors.map((error): FormError => {
        const step = stepOf(error.field);
        return step ? { ...error, href: `${this.path(projectId, decisionId, step)}?change=yes` } : error;
      });
      return this.renderCheck(request, response, record, answers, problems);
    }
    clearDraft(request, draftKey(decisionId));
    setFlash(request, 'Influence linked to the decision');
    response.redirect(303, `/projects/${encodeURIComponent(projectId)}/decisions/${encodeURIComponent(decisionId)}#influences`);
  }

  private path(projectId: string, decisionId: string, step: Step | 'check'): string {
    const base = `/projects/${encodeURIComponent(projectId)}/decisions/${encodeURIComponent(decisionId)}/influences/new`;
    return `${base}${step === 'check' ? '/check' : STEPS[step].path}`;
  }

  private async showStep(request: SignedIn, response: Response, step: Step, projectId: string, decisionId: string, change?: string): Promise<void> {
    const answers = draft<InfluenceDraft>(request, draftKey(decisionId));
    if (!answers?.formKey) return response.redirect(303, this.path(projectId, decisionId, 'sources'));
    const record = await this.records.decision(projectId, decisionId);
    this.renderStep(request, response, step, record, answers, [], change);
  }

  /** Checks one page's answers against the command's own validation, keeps them, and moves on (or back to the check page). */
  private async answerStep(
    request: SignedIn,
    response: Response,
    step: Step,
    projectId: string,
    decisionId: string,
    raw: unknown,
    read: (body: ReturnType<typeof formBody>) => Partial<InfluenceDraft>,
  ): Promise<void> {
    const record = await this.records.decision(projectId, decisionId);
    const body = formBody(raw);
    const earlier = draft<InfluenceDraft>(request, draftKey(decisionId)) ?? {};
    const answers: Partial<InfluenceDraft> = { ...earlier, ...read(body), formKey: earlier.formKey ?? newFormKey() };
    const fields: readonly string[] = STEPS[step].fields;
    const own = step === 'sources' && (answers.sources ?? []).length === 0 ? [fieldError('sources', REQUIRED.sources.sources)] : [];
    const required = step === 'sources' ? {} : REQUIRED[step];
    const problems = (await formProblems(this.form, 'LinkInfluence', commandData(decisionId, answers), { labels: LABELS, required, own }))
      .filter((error) => fields.includes(error.field))
      .map((error) => (step === 'sources' ? { ...error, field: 'sources', href: '#sources' } : error));
    const change = text(body, 'change');
    if (problems.length > 0) return this.renderStep(request, response, step, record, answers, problems, change);
    saveDraft(request, draftKey(decisionId), answers);
    const next: Step | 'check' = change === 'yes' ? 'check' : step === 'sources' ? 'words' : step === 'words' ? 'levels' : 'check';
    response.redirect(303, this.path(projectId, decisionId, next));
  }

  private renderStep(request: SignedIn, response: Response, step: Step, record: DecisionRecord, answers: Partial<InfluenceDraft>, problems: FormError[], change?: string): void {
    const { errors, errorOf } = inline(problems);
    const { facts } = record;
    const previous = step === 'levels' ? 'words' : step === 'words' ? 'sources' : undefined;
    const decisionPage = `/projects/${encodeURIComponent(record.projectId)}/decisions/${encodeURIComponent(record.decision.decisionId)}`;
    const back = change === 'yes' ? this.path(record.projectId, record.decision.decisionId, 'check') : previous ? this.path(record.projectId, record.decision.decisionId, previous) : decisionPage;
    const chosen = answers.sources ?? [];
    const sessions = [...facts.activities.values()].filter((a) => !a.cancelled);
    response.status(problems.length > 0 ? 400 : 200).render(
      `decisions/influence-${step}.njk`,
      pageContext(request, TITLES[step], {
        project: { projectId: record.projectId, title: record.projectTitle },
        decision: record.decision,
        answers: { ...answers, optionsAlreadyFormed: answers.optionsAlreadyFormed === undefined ? '' : answers.optionsAlreadyFormed ? 'yes' : 'no' },
        change: change === 'yes' ? 'yes' : '',
        back,
        errors,
        errorOf,
        sources: [
          ...(sessions.length ? [{ divider: 'Sessions' }] : []),
          ...sessions.map((a) => ({ value: `session:${a.activityId}`, text: sessionWords(a), checked: chosen.includes(`session:${a.activityId}`) })),
          ...(facts.contributions.length ? [{ divider: 'Contributions' }] : []),
          ...facts.contributions.map((c) => ({ value: `contribution:${c.contributionId}`, text: contributionWords(c, facts), checked: chosen.includes(`contribution:${c.contributionId}`) })),
        ],
        hasSources: sessions.length + facts.contributions.length > 0,
        ladder: choices(LADDER_LEVELS, answers.ladderLevel).map((item) => ({ ...item, hint: { text: LADDER_HINTS[item.value] } })),
        needhamCarr: choices(NEEDHAM_CARR_LEVELS, answers.needhamCarrLevel),
      }),
    );
  }

  private renderCheck(request: SignedIn, response: Response, record: DecisionRecord, answers: Partial<InfluenceDraft>, problems: FormError[]): void {
    const { facts } = record;
    const sources = (answers.sources ?? []).map((source) => {
      const [kind, id] = splitSource(source);
      if (kind === 'session') {
        const activity = facts.activities.get(id);
        return `Session: ${activity ? sessionWords(activity) : id}`;
      }
      const contribution = facts.contributions.find((c) => c.contributionId === id);
      return contribution ? contributionWords(contribution, facts) : id;
    });
    const change = (step: Step) => `${this.path(record.projectId, record.decision.decisionId, step)}?change=yes`;
    response.status(problems.length > 0 ? 400 : 200).render(
      'decisions/influence-check.njk',
      pageContext(request, 'Check what influenced the decision before you link it', {
        project: { projectId: record.projectId, title: record.projectTitle },
        decision: record.decision,
        answers: {
          ...answers,
          sources,
          ladderName: named(answers.ladderLevel),
          needhamCarrName: named(answers.needhamCarrLevel),
          optionsWords: answers.optionsAlreadyFormed === undefined ? '' : answers.optionsAlreadyFormed ? 'Yes' : 'No',
        },
        links: { sources: change('sources'), words: change('words'), levels: change('levels') },
        errors: problems,
      }),
    );
  }
}

const TITLES: Record<Step, string> = {
  sources: 'What influenced this decision?',
  words: 'What did people say, and what changed?',
  levels: 'How much influence did people have?',
};

function splitSource(source: string): ['session' | 'contribution', string] {
  const at = source.indexOf(':');
  return [source.slice(0, at) === 'session' ? 'session' : 'contribution', source.slice(at + 1)];
}

/** The LinkInfluence command's data from the answers given so far. */
function commandData(decisionId: string, answers: Partial<InfluenceDraft>): Record<string, unknown> {
  const sources = (answers.sources ?? []).map(splitSource);
  return {
    decisionId,
    influenceId: idFromFormKey('inf', answers.formKey ?? ''),
    activityIds: sources.filter(([kind]) => kind === 'session').map(([, id]) => id),
    contributionIds: sources.filter(([kind]) => kind === 'contribution').map(([, id]) => id),
    youSaid: answers.youSaid ?? '',
    weDid: answers.weDid ?? '',
    whereInRecommendation: answers.whereInRecommendation ?? null,
    ladderLevel: answers.ladderLevel ?? '',
    needhamCarrLevel: answers.needhamCarrLevel ?? '',
    optionsAlreadyFormed: answers.optionsAlreadyFormed,
  };
}

function stepOf(field: string): Step | undefined {
  return (Object.keys(STEPS) as Step[]).find((step) => (STEPS[step].fields as readonly string[]).includes(field));
}
