import type { IndicatorResult } from '@coprod/frameworks';
import type { ProjectEvidence, ReportSetting } from '../builders/report-inputs';
import { storyText } from '../builders/case-study.story';
import { longDate, reportProvenance } from '../builders/report-provenance';
import type { EasyReadIdea, EasyReadModel, EasyReadSection } from './easy-read.model';

/** What an Easy Read summary is built from: the project's evidence, as for its public case study. */
export interface EasyReadInput {
  evidence: ProjectEvidence;
  setting: ReportSetting;
}

/** The wording version an Easy Read summary's provenance names. */
export const EASY_READ_WORDING = 'easy read 1 (wording fixed in the product)';

/** At most this many "you said, we did" pairs: Easy Read keeps to about four pages. */
const MOST_CHANGES = 4;
/** And at most this many things that did not change. */
const MOST_NOT_CHANGED = 2;

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A figure the public case study may show, or null where it is withheld or not known. */
function shown(result: IndicatorResult | undefined): number | null {
  return result && typeof result.value === 'number' && Number.isFinite(result.value) ? result.value : null;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The Easy Read summary of a project's case study, for the public: what the project was for, who took
 * part, what changed because of what people said, what did not change and why, what happens next, and
 * how to find out more (from the contact the evaluation lead recorded, where there is one).
 * Only figures the framework's indicators show (a withheld figure leaves its idea out, never a guess) and
 * the officers' own summaries of what was said and done: no quote, no name. Its headings and wording are
 * fixed here; the date of the record is in words. Pure: the same input always gives the same model.
 */
export function buildEasyRead(input: EasyReadInput): EasyReadModel {
  const { evidence, setting } = input;
  const project = evidence.facts.project;
  if (!project) throw new Error(`project ${evidence.projectId} has no registration in the record given; build from a registered project`);
  const indicators = evidence.summary.indicators;
  const contact = storyText(evidence, 'contact')?.replace(/\s+/g, ' ');
  const sections: EasyReadSection[] = [
    {
      id: 'about',
      heading: 'What this is about',
      ideas: [
        { icon: 'file-text', alt: 'A page of writing', text: `This is about a project called: ${project.title}.` },
        { icon: 'users', alt: 'A group of people', text: `People who live here and people from ${setting.publisher} worked on it together.` },
        ...(project.improvementSought
          ? [{ icon: 'target', alt: 'A target', text: `What we wanted to make better: ${project.improvementSought}` } as EasyReadIdea]
          : []),
      ],
    },
    { id: 'who_took_part', heading: 'Who took part', ideas: tookPartIdeas(indicators) },
    { id: 'what_changed', heading: 'You said, we did', ideas: changedIdeas(indicators) },
    { id: 'not_changed', heading: 'What did not change', ideas: notChangedIdeas(indicators) },
    { id: 'what_next', heading: 'What happens next', ideas: nextIdeas(evidence) },
    {
      id: 'find_out_more',
      heading: 'Find out more',
      ideas: [
        {
          icon: 'mail',
          alt: 'An envelope',
          text: `Contact ${contact ?? setting.publisher} to find out more, or to ask for this in another format or language.`,
        },
        { icon: 'calendar', alt: 'A calendar', text: `This was made from the council's records on ${longDate(evidence.range.lastRecordedAt)}.` },
      ],
    },
  ];
  return {
    kind: 'easy_read',
    title: `${project.title}: Easy Read`,
    lang: 'en-GB',
    publisher: setting.publisher,
    sections: sections.filter((s) => s.ideas.length > 0),
    // Its wording is fixed in the product, not taken from a definition file: the provenance says so.
    provenance: { ...reportProvenance(evidence.range, evidence.clocks, setting, evidence.framework), definitionVersion: EASY_READ_WORDING },
  };
}

function tookPartIdeas(indicators: Record<string, IndicatorResult>): EasyReadIdea[] {
  const ideas: EasyReadIdea[] = [];
  const people = shown(indicators.people_involved_by_role);
  if (people !== null)
    ideas.push({ icon: 'users', alt: 'A group of people', text: `${whole.format(people)} ${people === 1 ? 'person' : 'people'} took part.` });
  const residents = shown(indicators.people_by_role_group);
  if (residents !== null && people !== null) {
    ideas.push({ icon: 'house', alt: 'A house', text: `${whole.format(residents)} of them live here or help in the local community.` });
  }
  const sessions = shown(indicators.sessions_by_stage);
  if (sessions !== null)
    ideas.push({ icon: 'calendar', alt: 'A calendar', text: `We met ${sessions === 1 ? 'once' : `${whole.format(sessions)} times`}.` });
  const hours = shown(indicators.hours_by_role);
  if (hours !== null) ideas.push({ icon: 'clock', alt: 'A clock', text: `Together, people gave ${whole.format(hours)} hours of their time.` });
  const offline = shown(indicators.offline_share);
  if (offline !== null) {
    const share = offline >= 100 ? 'Everyone' : `${whole.format(offline)} in every 100 people`;
    ideas.push({ icon: 'phone', alt: 'A telephone', text: `${share} took part on paper, by phone or face to face, not only online.` });
  }
  return ideas;
}

function changedIdeas(indicators: Record<string, IndicatorResult>): EasyReadIdea[] {
  const items = indicators.you_said_we_did?.items ?? [];
  return items.slice(0, MOST_CHANGES).flatMap((item): EasyReadIdea[] => {
    const said = text(item.youSaid);
    const did = text(item.weDid);
    if (!said || !did) return [];
    return [
      { icon: 'message-circle', alt: 'A speech bubble', text: `You said: ${said}` },
      { icon: 'circle-check', alt: 'A tick', text: `We did: ${did}` },
    ];
  });
}

function notChangedIdeas(indicators: Record<string, IndicatorResult>): EasyReadIdea[] {
  const items = indicators.proposals_not_adopted?.items ?? [];
  return items.slice(0, MOST_NOT_CHANGED).flatMap((item): EasyReadIdea[] => {
    const proposal = text(item.proposal);
    const reason = text(item.reason);
    if (!proposal || !reason) return [];
    return [
      { icon: 'circle-x', alt: 'A cross', text: `You asked for: ${proposal}` },
      { icon: 'lightbulb', alt: 'A light bulb', text: `Why we could not do it: ${reason}` },
    ];
  });
}

/**
 * What happens next, as one idea: the first sentence of what the evaluation lead recorded (up to the first
 * full stop, question or exclamation mark followed by a space), printed as they wrote it, never reworded.
 * Easy Read asks for one short idea, so the lead is best to open the part with its plainest sentence.
 * No idea where nothing is recorded.
 */
function nextIdeas(evidence: ProjectEvidence): EasyReadIdea[] {
  const recorded = storyText(evidence, 'next_steps')?.replace(/\s+/g, ' ');
  if (!recorded) return [];
  const first = /^.+?[.!?](?=\s|$)/.exec(recorded)?.[0] ?? recorded;
  return [{ icon: 'signpost', alt: 'A signpost', text: first }];
}
