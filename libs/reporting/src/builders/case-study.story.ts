import type { StoryPart } from '@coprod/domain/projects/project';
import { labelOf } from '@coprod/frameworks/indicators/labels';
import { fillTemplate } from '../definitions/apply-report-definition';
import type { ReportDefinition } from '../definitions/report-definition';
import type { CoverItem, ReportBlock, ReportSection } from '../model/report-model';
import type { ProjectEvidence } from './report-inputs';
import { datesInWords, longDate } from './report-provenance';

/**
 * The wording a case study uses when its definition leaves a sentence out, so an older or trimmed
 * definition still gives a complete report. `reports/case-study.yaml` carries the same wording to edit.
 */
const DEFAULT_WORDING: Readonly<Record<string, string>> = {
  publishedLabel: 'Published',
  published: '{date}, by {publisher}',
  contactLabel: 'Contact',
  contactNotRecorded: 'How to get in touch about this project has not been recorded.',
  otherFormatsLabel: 'Other formats',
  otherFormats: 'This document is available in other formats and languages on request from the contact above.',
  otherFormatsNoContact: 'This document is available in other formats and languages on request from {publisher}.',
};

const DEFAULT_NOT_RECORDED = 'The project team has not yet recorded this part of the story.';

/** One named sentence of the definition's wording (or the default), its placeholders filled. */
export function wordingOf(definition: ReportDefinition, name: string, values: Record<string, string> = {}): string {
  const template = definition.wording?.[name] ?? DEFAULT_WORDING[name];
  if (template === undefined) throw new Error(`the case-study definition has no wording named "${name}"; add it under wording in case-study.yaml`);
  const filled = fillTemplate(template, values);
  if (filled === null) {
    throw new Error(
      `the wording "${name}" in the case-study definition uses a placeholder this report cannot fill; use only ${Object.keys(values)
        .map((k) => `{${k}}`)
        .join(', ')}`,
    );
  }
  return filled;
}

/** A story part as the evaluation lead recorded it, or undefined where it has not been (or is blank). */
export function storyText(evidence: ProjectEvidence, part: StoryPart): string | undefined {
  const text = evidence.facts.story?.[part]?.text?.trim();
  return text ? text : undefined;
}

/**
 * Recorded text as paragraphs, one for each line the author wrote (blank lines dropped), as the story page shows it:
 * a list of next steps typed one to a line stays one to a line. The words themselves are printed as recorded.
 */
function paragraphs(text: string): ReportBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line): ReportBlock => ({ kind: 'paragraph', text: line }));
}

/** The sentence a section prints in place of a part of the story nobody has recorded. */
export function notRecordedBlock(definition: ReportDefinition, sectionId: string): ReportBlock {
  const wording = definition.sections.find((s) => s.id === sectionId)?.notRecorded ?? DEFAULT_NOT_RECORDED;
  return { kind: 'notice', text: wording };
}

/** The blocks of one part of the story: the recorded words, or a plain statement that they are missing. */
export function storyBlocks(evidence: ProjectEvidence, part: StoryPart, definition: ReportDefinition, sectionId: string): ReportBlock[] {
  const text = storyText(evidence, part);
  return text ? paragraphs(text) : [notRecordedBlock(definition, sectionId)];
}

/** A section holding one part of the story, e.g. why the project started or what happens next. */
export function storySection(evidence: ProjectEvidence, definition: ReportDefinition, id: string, part: StoryPart, heading: string): ReportSection {
  return { id, heading, blocks: storyBlocks(evidence, part, definition, id) };
}

/**
 * The report's date: its as-of moment when that is earlier than the last event it includes (a report
 * asked for as it stood on a past day), otherwise the moment that last event was recorded. Never the
 * clock: rebuilding the report gives the same date, and the same bytes.
 */
export function publicationDate(evidence: ProjectEvidence): string {
  const { asOf } = evidence.clocks;
  const last = evidence.range.lastRecordedAt;
  return asOf < last ? asOf : last;
}

/** The publication details for the front of the report: its date in words, the contact, and the other formats offered. */
export function publicationCover(evidence: ProjectEvidence, definition: ReportDefinition, publisher: string): CoverItem[] {
  const contact = storyText(evidence, 'contact')?.replace(/\s+/g, ' ');
  const values = { date: longDate(publicationDate(evidence)), publisher, contact: contact ?? '' };
  return [
    { label: wordingOf(definition, 'publishedLabel'), value: wordingOf(definition, 'published', values) },
    { label: wordingOf(definition, 'contactLabel'), value: contact ?? wordingOf(definition, 'contactNotRecorded', values) },
    {
      label: wordingOf(definition, 'otherFormatsLabel'),
      value: wordingOf(definition, contact ? 'otherFormats' : 'otherFormatsNoContact', values),
    },
  ];
}

/**
 * What was done together at each stage, from the record: the stages the project went through with the
 * sessions held in each, by date, title and format, and the stages it did not go through with the
 * reason recorded. How many people came to each session is left out: one session can be a handful of people.
 * `setupShownElsewhere`: an outcome already prints how many set-up activities were done, so it is not said again.
 */
export function stagesStoryBlocks(evidence: ProjectEvidence, setupShownElsewhere = false): ReportBlock[] {
  const { facts, summary } = evidence;
  const blocks: ReportBlock[] = [];
  const setup = summary.indicators.setup_activities;
  if (setup && setup.items.length) {
    const statement = setupShownElsewhere ? '' : `${datesInWords(setup.statement)} `;
    blocks.push({ kind: 'paragraph', text: `${statement}The framework's set-up activities and when each was done are in the appendix of figures.` });
  }
  const held = [...facts.activities.values()]
    .filter((a) => a.heldOn !== null && !a.cancelled)
    .sort((a, b) => (a.heldOn! < b.heldOn! ? -1 : a.heldOn! > b.heldOn! ? 1 : a.activityId.localeCompare(b.activityId)));
  // A project starts in co-planning when it is registered; later stages are entered by event.
  const first =
    facts.project && facts.stages[0]?.stage !== 'co_planning'
      ? [{ stage: 'co_planning', enteredOn: facts.project.registeredOn, skipped: [], reason: null }]
      : [];
  const entered: { stage: string; enteredOn: string; skipped: string[]; reason: string | null }[] = [...first, ...facts.stages];
  for (const stage of entered) {
    const sessions = held.filter((a) => a.stage === stage.stage);
    const count = sessions.length === 1 ? '1 session' : `${sessions.length} sessions`;
    blocks.push({ kind: 'paragraph', text: `${labelOf(stage.stage)}, from ${longDate(stage.enteredOn)}: ${count}.` });
    if (sessions.length) {
      blocks.push({
        kind: 'list',
        items: sessions.map(
          (a) =>
            `${longDate(a.heldOn!)}: ${a.title.replace(/\.$/, '')} (${labelOf(a.activityType).toLowerCase()}, ${labelOf(a.format).toLowerCase()}).`,
        ),
      });
    }
    for (const skipped of stage.skipped) {
      blocks.push({
        kind: 'paragraph',
        text: `The project did not go through ${labelOf(skipped).toLowerCase()}${stage.reason ? `: ${stage.reason.trim().replace(/\.?$/, '.')}` : '; no reason was recorded.'}`,
      });
    }
  }
  if (facts.project?.closedOn) blocks.push({ kind: 'paragraph', text: `The project closed on ${longDate(facts.project.closedOn)}.` });
  return blocks;
}
