import { isObject } from '../cipher/sealed-personal-data';
import type { SubjectAccessEntry, SubjectAccessQuote, SubjectAccessRecord } from './subject-access-export';

const USE_WORDS: Record<string, string> = {
  internal_evaluation: 'internal evaluation',
  committee_papers: 'committee papers',
  public: 'public documents',
};

const ATTRIBUTION_WORDS: Record<string, string> = {
  named: 'with your name',
  role_only: 'with your role only',
  anonymous: 'anonymously',
};

/** Renders the export as plain Markdown a person can read without help. */
export function renderSubjectAccessMarkdown(record: SubjectAccessRecord): string {
  const lines: string[] = [
    `# Your record: participant ${markdownInline(record.participantId)}`,
    '',
    `Prepared on ${day(record.generatedAt)}. This is everything we have recorded that mentions you, ` +
      'when it was recorded and by whom, and where your words were used. ' +
      "Other people's details that appear in the same records are withheld.",
    '',
  ];
  if (record.erased) {
    lines.push(
      '> Your personal details were erased at your request. They can no longer be read by anyone, including us. ' +
        'What remains below is the record that you took part, without your details.',
      '',
    );
  }
  lines.push('## Details we hold about you', '');
  const fields = Object.entries(record.personalDetails);
  if (fields.length === 0) lines.push(record.erased ? 'None: they were erased.' : 'None.');
  for (const [field, value] of fields) lines.push(`- **${markdownInline(label(field))}**: ${markdownInline(text(value))}`);
  lines.push('', `## Everything recorded that mentions you (${record.events.length})`, '');
  if (record.events.length === 0) lines.push('Nothing we hold mentions you.');
  else lines.push(...eventTable(record.events));
  lines.push('', '## Your words', '');
  if (record.quotes.length === 0) lines.push('We have not recorded any quotes from you.');
  for (const quote of record.quotes) lines.push(...quoteLines(quote), '');
  lines.push('', '## Where your words were used', '', ...wordsUsedLines(record));
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function eventTable(events: readonly SubjectAccessEntry[]): string[] {
  const rows = ['| Date | What was recorded | Details | Recorded by | Recorded on |', '| --- | --- | --- | --- | --- |'];
  for (const event of events) {
    rows.push(
      `| ${cell(day(event.occurredAt))} | ${cell(event.description)} | ${cell(summary(event.details))} | ` +
        `${cell(`${event.recordedBy.id} (${event.recordedBy.role.replace(/_/g, ' ')})`)} | ${cell(day(event.recordedAt))} |`,
    );
  }
  return rows;
}

function quoteLines(quote: SubjectAccessQuote): string[] {
  const words = quote.words === null ? '*Your words can no longer be read: they were erased.*' : `> ${markdownBlock(quote.words).replace(/\n/g, '\n> ')}`;
  const uses = quote.allowedUses.length === 0 ? 'no use' : quote.allowedUses.map((use) => USE_WORDS[use] ?? markdownInline(use)).join(', ');
  const attribution = quote.attribution ? ATTRIBUTION_WORDS[quote.attribution] ?? markdownInline(quote.attribution) : 'not recorded';
  const status = quote.withdrawn ? 'you withdrew consent: it is no longer used anywhere' : `may be used in ${uses}, ${attribution}`;
  return [`### Quote ${markdownInline(quote.quoteId)} (${markdownInline(day(quote.occurredAt))})`, '', words, '', `Consent: ${status}.`];
}

function summary(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${label(key)}: ${text(value)}`)
    .join('; ');
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(text).join(', ');
  if (isObject(value)) {
    if (value.erased === true) return '(erased)';
    if (value.encrypted === true) return '(encrypted)';
    if (isObject(value.fields)) return text(value.fields);
    return Object.entries(value)
      .map(([key, child]) => `${label(key)}: ${text(child)}`)
      .join(', ');
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const words = String(value);
  // Vocabulary values such as in_person read as words; anything else (an email address) is left exactly as given.
  return /^[a-z]+(_[a-z]+)+$/.test(words) ? words.replace(/_/g, ' ') : words;
}

/** `accessNeeds` and `access_needs` both read "Access needs". */
function label(key: string): string {
  if (key === 'personal') return 'Personal details';
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function day(instant: string): string {
  return instant.slice(0, 10);
}

function cell(value: string): string {
  return markdownInline(value);
}

const REPORT_WORDS: Record<string, string> = { case_study: 'Case study', committee_extract: 'Committee extract' };
const FORMAT_WORDS: Record<string, string> = { pdf: 'PDF', html: 'web page (HTML)', md: 'Markdown' };

/** The reports the register says carried their words, then other records that refer to their quotes; or plainly, none. */
function wordsUsedLines(record: SubjectAccessRecord): string[] {
  const lines: string[] = [];
  if (record.reportsCarryingWords.length > 0) {
    lines.push('| Date | Report | About | For | Format | Your words in it |', '| --- | --- | --- | --- | --- | --- |');
    for (const report of record.reportsCarryingWords) {
      const words = [...report.quoteIds.map((id) => `quote ${id}`), ...report.contributionIds.map((id) => `contribution ${id}`)].join(', ');
      lines.push(
        `| ${day(report.builtAt)} | ${cell(REPORT_WORDS[report.reportKind] ?? report.reportKind)} | ${cell(`${report.subject.kind} ${report.subject.id}`)} | ` +
          `${cell(USE_WORDS[report.audience] ?? report.audience)} | ${cell(FORMAT_WORDS[report.format] ?? report.format)} | ${cell(words)} |`,
      );
    }
    lines.push('');
  }
  if (record.quoteUses.length > 0) {
    lines.push('| Date | Where | Quote |', '| --- | --- | --- |');
    for (const use of record.quoteUses) lines.push(`| ${cell(day(use.occurredAt))} | ${cell(use.description)} (${cell(use.stream)}) | ${cell(use.quoteId)} |`);
  }
  if (lines.length > 0) return lines;
  if (record.reportRegisterKeptSince === null) return ['Your words have not been used in any report or paper we hold.'];
  return [
    `Your words have not been used in any report we have built since ${day(record.reportRegisterKeptSince)}, when we began to register ` +
      'whose words each report carries, nor in any paper we hold.',
  ];
}

/** C0 controls but tab and newline, DEL and C1 controls: never part of anything rendered. */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Characters that start emphasis, code, links or raw HTML wherever they are in a line. */
const ANYWHERE = /[\\`*[\]<>~]/g;
/** The same and the pipe, which would end a table cell. */
const ANYWHERE_IN_ONE_LINE = /[\\`*[\]<>~|]/g;
/** An underscore not inside a word, where it could open or close emphasis (`snake_case` stays as it is). */
const LOOSE_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
/** An ampersand that would start a character reference such as `&lt;`. */
const REFERENCE = /&(?=#?[A-Za-z0-9]+;)/g;
/** What makes a line a heading, quote, list item, table row or heading underline. */
const BLOCK_MARKER = /^([#>+=|:-])/;
const ORDERED_MARKER = /^(\d{1,9})([.)])(?=\s|$)/;
/** Hashes at the end of a heading, which Markdown would drop. */
const CLOSING_HASHES = /(\s)(#+)\s*$/;

function escapeLine(line: string, anywhere: RegExp): string {
  return line
    .replace(/^[ \t]+/, '')
    .replace(anywhere, '\\$&')
    .replace(LOOSE_UNDERSCORE, '\\_')
    .replace(REFERENCE, '\\&')
    .replace(BLOCK_MARKER, '\\$1')
    .replace(ORDERED_MARKER, '$1\\$2')
    .replace(CLOSING_HASHES, '$1\\$2');
}

function withoutControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/**
 * Text from the record for one line of Markdown (a heading, list item, label or table cell): line
 * breaks become spaces, and no character of it can start markup, so it shows exactly as written.
 */
export function markdownInline(text: string): string {
  return escapeLine(withoutControls(text).replace(/\s*\n\s*/g, ' '), ANYWHERE_IN_ONE_LINE);
}

/** Text from the record as Markdown lines (a paragraph or quoted words): line breaks kept, no markup. */
export function markdownBlock(text: string): string {
  return withoutControls(text)
    .split('\n')
    .map((line) => escapeLine(line, ANYWHERE))
    .join('\n');
}
