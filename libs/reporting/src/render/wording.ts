import type { Figure, Provenance, ReportModel, ReportSection } from '../model/report-model';

/** The section id whose blocks introduce the provenance page; its data always comes from `model.provenance`. */
export const PROVENANCE_SECTION_ID = 'provenance';

/** Heading of the provenance page when the model has no `provenance` section of its own. */
export const DEFAULT_PROVENANCE_HEADING = 'Where these figures come from';

/** How many people a figure rests on, in the words every renderer uses. */
export function figureBasis(figure: Figure, model: Pick<ReportModel, 'suppressionThreshold'>): string {
  if (figure.suppressed) {
    return model.suppressionThreshold === undefined
      ? 'suppressed (too few people to show safely)'
      : `suppressed (fewer than ${model.suppressionThreshold} people)`;
  }
  return figure.n === null ? '' : `n = ${figure.n}`;
}

/** The value to print for a figure: a suppressed figure never shows its number. */
export function figureValue(figure: Figure): string {
  return figure.suppressed ? 'Not shown' : figure.value;
}

/** True when a passage's language differs from the report's, so it must carry its own language tag. */
export function languageDiffers(passageLang: string, reportLang: string): boolean {
  const primary = (tag: string) => tag.split('-')[0].toLowerCase();
  return primary(passageLang) !== primary(reportLang);
}

/** The provenance section of a model, or a default one, with the other sections in their order. */
export function splitProvenance(model: ReportModel): { sections: ReportSection[]; provenance: ReportSection } {
  const found = model.sections.find((s) => s.id === PROVENANCE_SECTION_ID);
  return {
    sections: model.sections.filter((s) => s.id !== PROVENANCE_SECTION_ID),
    provenance: found ?? { id: PROVENANCE_SECTION_ID, heading: DEFAULT_PROVENANCE_HEADING, blocks: [] },
  };
}

/** The provenance facts as label/value rows, in the order a reader checks them. */
export function provenanceRows(p: Provenance): [string, string][] {
  const rows: [string, string][] = [
    ['Events included', `positions ${p.firstPosition} to ${p.lastPosition} (${p.eventCount} events)`],
    ['Hash of the last event included', p.lastEventHash],
    ['Head of the integrity chain', `position ${p.chainHead.position}, hash ${p.chainHead.hash}`],
  ];
  if (p.frameworkId) {
    rows.push(['Framework', p.frameworkVersion ? `${p.frameworkId}, version ${p.frameworkVersion}` : p.frameworkId]);
  }
  rows.push(
    ['Events that had happened by', p.asOf],
    ['Events that had been recorded by', p.knownAt],
    ['Report produced', p.generatedAt],
    ['Report definition version', p.definitionVersion],
    ['Event store', p.storeDescription],
    ['To produce this report again', p.regenerateCommand],
  );
  return rows;
}

const WORD_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const ISO_INSTANT = /\b(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z)?\b/g;

/** ISO dates and date-times in a phrase written in words: "2026-12-06T07:08:50Z" becomes "6 December 2026 at 07:08 UTC". */
export function instantsInWords(text: string): string {
  return text.replace(ISO_INSTANT, (whole: string, day: string, time?: string) => {
    const date = new Date(`${day}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return whole;
    return time ? `${WORD_DATE.format(date)} at ${time} UTC` : WORD_DATE.format(date);
  });
}

/**
 * The provenance as one short note, for a report that drops into another document (a committee section)
 * and so has no page of its own to spare: the range, clocks (dates in words), definition, one fingerprint and the command, in one paragraph.
 */
export function provenanceNote(p: Provenance): string {
  const framework = p.frameworkId ? `, under the ${p.frameworkId} framework${p.frameworkVersion ? ` version ${p.frameworkVersion}` : ''}` : '';
  const fingerprint = p.provenanceDigest ? `provenance digest ${p.provenanceDigest}` : `hash of the last event included ${p.lastEventHash}`;
  return (
    `Built from events ${p.firstPosition} to ${p.lastPosition} (${p.eventCount} events) of ${p.storeDescription}${framework}, ` +
    `as they had happened by ${instantsInWords(p.asOf)} and as recorded by ${instantsInWords(p.knownAt)} ` +
    `(integrity chain head at position ${p.chainHead.position}); produced ${instantsInWords(p.generatedAt)} with report definition ${p.definitionVersion}; ` +
    `${fingerprint}. To produce it again: ${p.regenerateCommand}`
  );
}
