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
    `# Your record: participant ${record.participantId}`,
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
  for (const [field, value] of fields) lines.push(`- **${label(field)}**: ${text(value)}`);
  lines.push('', `## Everything recorded that mentions you (${record.events.length})`, '');
  if (record.events.length === 0) lines.push('Nothing we hold mentions you.');
  else lines.push(...eventTable(record.events));
  lines.push('', '## Your words', '');
  if (record.quotes.length === 0) lines.push('We have not recorded any quotes from you.');
  for (const quote of record.quotes) lines.push(...quoteLines(quote), '');
  lines.push('', '## Where your words were used', '');
  if (record.quoteUses.length === 0) lines.push('Your words have not been used in any report or paper we hold.');
  else {
    lines.push('| Date | Where | Quote |', '| --- | --- | --- |');
    for (const use of record.quoteUses) lines.push(`| ${day(use.occurredAt)} | ${cell(use.description)} (${cell(use.stream)}) | ${cell(use.quoteId)} |`);
  }
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function eventTable(events: readonly SubjectAccessEntry[]): string[] {
  const rows = ['| Date | What was recorded | Details | Recorded by | Recorded on |', '| --- | --- | --- | --- | --- |'];
  for (const event of events) {
    rows.push(
      `| ${day(event.occurredAt)} | ${cell(event.description)} | ${cell(summary(event.details))} | ` +
        `${cell(`${event.recordedBy.id} (${event.recordedBy.role.replace(/_/g, ' ')})`)} | ${day(event.recordedAt)} |`,
    );
  }
  return rows;
}

function quoteLines(quote: SubjectAccessQuote): string[] {
  const words = quote.words === null ? '*Your words can no longer be read: they were erased.*' : `> ${quote.words.replace(/\n/g, '\n> ')}`;
  const uses = quote.allowedUses.length === 0 ? 'no use' : quote.allowedUses.map((use) => USE_WORDS[use] ?? use).join(', ');
  const attribution = quote.attribution ? ATTRIBUTION_WORDS[quote.attribution] ?? quote.attribution : 'not recorded';
  const status = quote.withdrawn ? 'you withdrew consent: it is no longer used anywhere' : `may be used in ${uses}, ${attribution}`;
  return [`### Quote ${quote.quoteId} (${day(quote.occurredAt)})`, '', words, '', `Consent: ${status}.`];
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
  return value.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
