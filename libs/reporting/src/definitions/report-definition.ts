import type { ReportKind } from '../model/report-model';

/** How one section of a report is headed and introduced, editable without code. */
export interface SectionDefinition {
  id: string;
  /** The heading readers see; `{name}` placeholders are filled from the section's own values. */
  heading: string;
  /** Fixed wording printed as the first paragraph of the section. */
  intro?: string;
  /** Leave the section out when it has nothing to show, instead of printing an empty heading. */
  omitIfEmpty?: boolean;
  /** Heading template for each subsection, e.g. `Outcome {number}: {title}`. */
  subsectionHeading?: string;
  /**
   * What the section says when the part of the story it prints has not been recorded: the report says
   * plainly what is missing rather than inventing text.
   */
  notRecorded?: string;
}

/** A report kind's section order, headings and fixed wording, loaded from `reports/*.yaml`. */
export interface ReportDefinition {
  kind: ReportKind;
  version: string;
  /** Title template; `{title}`, `{subtitle}` and `{publisher}` are the model's own. */
  title?: string;
  sections: SectionDefinition[];
  /** Fixed sentences and labels a builder fills by name (e.g. the publication details), with `{name}` placeholders. */
  wording?: Readonly<Record<string, string>>;
}

/** The section ids each kind of report knows, in their default order. */
export const SECTION_IDS: Record<ReportKind, readonly string[]> = {
  case_study: [
    'at_a_glance',
    'you_said_we_did',
    'background',
    'who_took_part',
    'setup_and_stages',
    'outcomes',
    'not_adopted',
    'principles',
    'lessons',
    'next_steps',
    'thanks',
    'figures',
    'methods_and_limits',
    'provenance',
  ],
  committee_extract: [
    'about_this_section',
    'who_was_involved',
    'who_was_not_reached',
    'what_they_said',
    'what_changed',
    'not_adopted',
    'level_of_involvement',
    'how_participants_were_told',
    'limitations',
    'provenance',
  ],
  audit_history: ['scope', 'integrity', 'events', 'corrections', 'provenance'],
};

/**
 * Section ids a kind no longer builds as sections of their own, which an older definition may still list:
 * such a definition still loads, and the section is left out. The case study's time given and expenses
 * are now parts of its appendix of figures.
 */
export const RETIRED_SECTION_IDS: Partial<Record<ReportKind, readonly string[]>> = { case_study: ['time_given', 'expenses'] };

/** The definition file of each report kind, relative to the `reports/` folder. */
export const DEFINITION_FILES: Record<ReportKind, string> = {
  case_study: 'case-study.yaml',
  committee_extract: 'committee-extract.yaml',
  audit_history: 'audit-history.yaml',
};
