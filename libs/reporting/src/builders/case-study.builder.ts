import type { IndicatorResult, OutcomeSection } from '@coprod/frameworks';
import { applyReportDefinition } from '../definitions/apply-report-definition';
import type { Figure, ReportBlock, ReportModel, ReportSection } from '../model/report-model';
import {
  expensesSection,
  firstOutcomeOf,
  methodsSection,
  notAdoptedSection,
  principlesSection,
  setupAndStagesSection,
  setupFigures,
  timeGivenSection,
  whoTookPartFigures,
  whoTookPartSection,
  shownUnderBlock,
  youSaidWeDidSection,
  type ShownUnder,
} from './case-study.sections';
import { publicationCover, storySection } from './case-study.story';
import { consentedQuotes, quotesInOrder } from './consented-quotes';
import { indicatorDetailBlocks, indicatorFigure, indicatorHeadlineBlocks } from './indicator-blocks';
import type { CaseStudyAudience, ProjectEvidence, ReportSetting } from './report-inputs';
import { datesInWords, longDate, provenanceBlocks, reportProvenance } from './report-provenance';

/** What a case study is built from. */
export interface CaseStudyInput {
  evidence: ProjectEvidence;
  audience: CaseStudyAudience;
  setting: ReportSetting;
}

const AUDIENCE_WORDS: Record<CaseStudyAudience, string> = {
  public: 'Publication (quotes whose authors agreed to public use)',
  internal_evaluation: 'Internal evaluation only (not for publication)',
};

/**
 * A project's case study, as a council publishes one: a one-page summary and "You said, we did", then
 * the story (why the project started, who took part and who was not reached, what was done at each
 * stage, what changed outcome by outcome with the words of the people involved as their consent
 * allows, what did not change, the principles, lessons, what happens next, thanks), then appendices of
 * figures, methods and provenance. The parts only a person can write come from the record; where one
 * is missing the report says so. Pure: the same input always gives the same model.
 */
export function buildCaseStudy(input: CaseStudyInput): ReportModel {
  const { evidence, setting, audience } = input;
  const project = evidence.facts.project;
  if (!project) throw new Error(`project ${evidence.projectId} has no registration in the record given; build from a registered project`);
  const { indicators } = evidence.summary;
  const shownUnder = firstOutcomeOf(evidence.summary.outcomes);
  const { definition } = setting;
  const sections: ReportSection[] = [
    summarySection(input),
    youSaidWeDidSection(indicators),
    storySection(evidence, definition, 'background', 'background', 'Why the project started'),
    whoTookPartSection(evidence, definition, shownUnder),
    setupAndStagesSection(evidence, shownUnder),
    outcomesSection(input),
    notAdoptedSection(indicators),
    principlesSection(indicators),
    storySection(evidence, definition, 'lessons', 'lessons', 'What we learned'),
    storySection(evidence, definition, 'next_steps', 'next_steps', 'What happens next'),
    storySection(evidence, definition, 'thanks', 'thanks', 'Thank you'),
    figuresSection(input, shownUnder),
    methodsSection(evidence, audience, setting.suppressionThreshold),
    { id: 'provenance', heading: 'Where these figures come from', blocks: provenanceBlocks(evidence.range) },
  ];
  const model: ReportModel = {
    kind: 'case_study',
    title: project.title,
    subtitle: 'A co-production case study',
    lang: 'en-GB',
    publisher: setting.publisher,
    suppressionThreshold: setting.suppressionThreshold,
    // The internal version carries words consented for internal evaluation only: every page says so.
    ...(audience === 'internal_evaluation' ? { layout: { marking: 'Not for publication' } } : {}),
    cover: [
      { label: 'Project', value: project.title },
      { label: 'Aim', value: project.aim },
      { label: 'Service area', value: project.serviceArea },
      { label: 'Period', value: period(project.registeredOn, project.closedOn, evidence.clocks.asOf) },
      { label: 'Framework', value: `${evidence.framework.name}, version ${evidence.framework.version}` },
      ...(project.improvementSought ? [{ label: 'Improvement sought', value: project.improvementSought }] : []),
      { label: 'Written for', value: AUDIENCE_WORDS[audience] },
      ...publicationCover(evidence, definition, setting.publisher),
      {
        label: 'Record used',
        // Positions in the record are for auditors, on the provenance page; the cover gives dates in words.
        value: `What had happened by ${longDate(evidence.clocks.asOf)}, as recorded by ${longDate(evidence.range.lastRecordedAt)}`,
      },
    ],
    sections,
    provenance: reportProvenance(evidence.range, evidence.clocks, setting, evidence.framework),
  };
  return applyReportDefinition(model, setting.definition);
}

function period(from: string, closedOn: string | null, asOf: string): string {
  return closedOn ? `${longDate(from)} to ${longDate(closedOn)}` : `${longDate(from)} onwards (still running on ${longDate(asOf)})`;
}

/** Speakers from the community come first when the summary picks its one quote: the summary is about what changed for them. */
const COMMUNITY_ROLES = new Set(['resident', 'person_drawing_on_care', 'carer', 'family_member']);

/**
 * The one-page summary that opens the case study, in plain words: what the project set out to do,
 * who took part, what changed, the three figures that matter most, and one quote the audience may see
 * (consent is checked exactly as for every other quote). Every sentence comes from the record.
 */
function summarySection(input: CaseStudyInput): ReportSection {
  const { evidence, audience } = input;
  const project = evidence.facts.project!;
  const { indicators } = evidence.summary;
  const aim = project.aim.trim().replace(/\.?$/, '.');
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: `What the project set out to do: ${aim}` }];
  if (project.improvementSought)
    blocks.push({ kind: 'paragraph', text: `The improvement sought: ${project.improvementSought.trim().replace(/\.?$/, '.')}` });
  const who = indicators.people_by_role_group ?? indicators.people_involved_by_role;
  if (who) blocks.push({ kind: 'paragraph', text: `Who took part: ${datesInWords(who.statement)}` });
  const changed = indicators.you_said_we_did?.items.length ? indicators.you_said_we_did : indicators.decisions_influenced;
  if (changed) blocks.push({ kind: 'paragraph', text: `What changed: ${datesInWords(changed.statement)}` });
  blocks.push({ kind: 'key_figures', figures: keyFigures(indicators) });
  const quotes = consentedQuotes(quotesInOrder(evidence), evidence, audience);
  const roleOf = (quoteId: string) => evidence.facts.participants.get(evidence.facts.quotes.get(quoteId)?.participantId ?? '')?.role ?? '';
  const quote = quotes.find((q) => q.quoteId !== undefined && COMMUNITY_ROLES.has(roleOf(q.quoteId))) ?? quotes[0];
  if (quote) blocks.push({ kind: 'quote', quote });
  return { id: 'at_a_glance', heading: 'At a glance', blocks };
}

/** The three headline figures: how many people took part, the hours they gave, and the decisions they influenced. */
function keyFigures(indicators: Record<string, IndicatorResult>): Figure[] {
  const pick = (id: string, label: string, value?: (r: IndicatorResult) => string): Figure[] => {
    const result = indicators[id];
    if (!result) return [];
    const figure = indicatorFigure(result, label);
    delete figure.note;
    return [{ ...figure, value: value ? value(result) : figure.value }];
  };
  return [
    ...pick('people_involved_by_role', 'people took part'),
    ...pick('hours_by_role', 'hours given', (r) => String(r.value ?? 0)),
    ...pick('decisions_influenced', 'decisions influenced'),
  ];
}

function outcomesSection(input: CaseStudyInput): ReportSection {
  return {
    id: 'outcomes',
    heading: 'Outcomes',
    blocks: [],
    subsections: input.evidence.summary.outcomes.map((outcome) => outcomeSubsection(outcome, input, firstOutcomeOf(input.evidence.summary.outcomes))),
  };
}

/** One outcome's figures and words; an indicator an earlier outcome already shows is pointed to, not printed again. */
function outcomeSubsection(outcome: OutcomeSection, input: CaseStudyInput, shownUnder: ReadonlyMap<string, number>): ReportSection {
  const blocks: ReportBlock[] = [];
  if (outcome.tailoredWording) blocks.push({ kind: 'notice', text: `For this project: ${outcome.tailoredWording}` });
  for (const result of outcome.indicators) {
    const first = shownUnder.get(result.id);
    if (first !== undefined && first !== outcome.number) {
      blocks.push(shownUnderBlock(result, first));
      continue;
    }
    blocks.push(...indicatorHeadlineBlocks(result));
  }
  const tagged = quotesInOrder(input.evidence).filter((q) => outcome.quoteIds.includes(q.quoteId));
  const quotes = consentedQuotes(tagged, input.evidence, input.audience);
  if (quotes.length > 0) {
    // The quotes are introduced for what they are: the framework's wish ("a resident describing...") may not be who spoke.
    blocks.push({ kind: 'paragraph', text: 'What people said about this outcome, in their own words:' });
    blocks.push(...quotes.map((quote): ReportBlock => ({ kind: 'quote', quote })));
  }
  // The evaluation lead's version says what evidence the framework looks for, so a gap can be filled.
  if (input.audience === 'internal_evaluation') blocks.push({ kind: 'paragraph', text: `The framework looks for words from ${outcome.quoteKind}.` });
  return {
    id: `outcome-${outcome.id}`,
    heading: `Outcome ${outcome.number}: ${outcome.title}`,
    headingValues: { number: String(outcome.number), title: outcome.title.replace(/\.$/, '') },
    blocks,
  };
}

/**
 * The appendix of figures: the breakdown behind each figure of the body, printed once, under the
 * outcome that shows its headline; then who took part (what no outcome shows), time given by role
 * and stage, expenses and recognition, and the set-up activities with their dates.
 */
function figuresSection(input: CaseStudyInput, shownUnder: ShownUnder): ReportSection {
  const { evidence, setting } = input;
  const { indicators } = evidence.summary;
  const subsections: ReportSection[] = [];
  for (const outcome of evidence.summary.outcomes) {
    const blocks = outcome.indicators
      .filter((result) => shownUnder.get(result.id) === outcome.number)
      .flatMap((result) => indicatorDetailBlocks(result, `${outcome.id}-${result.id}`));
    if (blocks.length) subsections.push({ id: `figures-outcome-${outcome.id}`, heading: `Outcome ${outcome.number}`, blocks });
  }
  const parts: [string, string, ReportBlock[]][] = [
    ['figures-who-took-part', 'Who took part', whoTookPartFigures(indicators, shownUnder)],
    ['figures-time-given', 'Time given', timeGivenSection(evidence, setting.suppressionThreshold, shownUnder).blocks],
    ['figures-expenses', 'Expenses and recognition', expensesSection(evidence).blocks],
    ['figures-setup', 'How the project was set up', setupFigures(indicators)],
  ];
  for (const [id, heading, blocks] of parts) if (blocks.length) subsections.push({ id, heading, blocks });
  return { id: 'figures', heading: 'Figures', blocks: [], subsections };
}
