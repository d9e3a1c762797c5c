import type { Provenance, ReportBlock } from '../model/report-model';
import type { RecordRange, ReportClocks, ReportSetting } from './report-inputs';

/** The provenance facts of a report; the definition version is stamped when the definition is applied. */
export function reportProvenance(
  range: RecordRange,
  clocks: ReportClocks,
  setting: ReportSetting,
  framework?: { id: string; version: string },
): Provenance {
  return {
    firstPosition: range.firstPosition,
    lastPosition: range.lastPosition,
    eventCount: range.eventCount,
    lastEventHash: range.lastEventHash || 'none (no event included)',
    ...(range.provenanceDigest ? { provenanceDigest: range.provenanceDigest } : {}),
    chainHead: setting.chainHead,
    ...(framework ? { frameworkId: framework.id, frameworkVersion: framework.version } : {}),
    asOf: clocks.asOf,
    knownAt: knownAtWords(clocks),
    generatedAt: range.lastRecordedAt,
    definitionVersion: `${setting.definition.kind} ${setting.definition.version}`,
    regenerateCommand: setting.regenerateCommand,
    storeDescription: setting.storeDescription,
  };
}

function knownAtWords(clocks: ReportClocks): string {
  return clocks.knownAt === `position ${clocks.knownAtPosition}` ? clocks.knownAt : `${clocks.knownAt} (position ${clocks.knownAtPosition})`;
}

/** Why the report's date is what it is: said on every provenance page. */
export function reportDateWording(range: RecordRange): string {
  return (
    `This report is dated ${longDate(range.lastRecordedAt)}, the moment the last event it includes was recorded, not the moment it ` +
    'was printed: the same record, settings and wording always give exactly the same document.'
  );
}

/** The paragraphs that open the provenance page of a report resting on an outcome answer. */
export function provenanceBlocks(range: RecordRange): ReportBlock[] {
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: reportDateWording(range) }];
  if (range.provenanceDigest) {
    blocks.push({
      kind: 'paragraph',
      text:
        `Provenance digest: ${range.provenanceDigest}. It is the SHA-256 of the hashes of the ${range.eventCount} events that shaped these figures ` +
        '(those included, the corrections applied to them, and the withdrawals of consent and erasures applied), with the clocks and ' +
        'framework used. The outcomes of this project asked for with the same as-of, known-at and framework carry the same digest; ' +
        'any change to those events changes it.',
    });
  }
  return blocks;
}

/* Made once: creating a date format costs far more than using it, and every report writes dozens of dates. */
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A long date for readers, e.g. "11 June 2026". */
export function longDate(iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return LONG_DATE.format(date);
}

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z)?\b/g;

/** A sentence with its ISO dates written in words ("2 June 2026"): prose for readers, not for machines. */
export function datesInWords(sentence: string): string {
  return sentence.replace(ISO_DATE, (date: string) => longDate(date));
}
