import { markdownBlock, markdownInline } from '@coprod/privacy/subject-access/subject-access-markdown';
import { chartTable } from '../charts/chart-format';
import type { QuoteBlock, ReportBlock, ReportModel, ReportSection, TableSpec } from '../model/report-model';
import { type Direction, hasRightToLeft, passageDirection } from './text/scripts';
import { figureBasis, figureValue, provenanceNote, provenanceRows, splitProvenance } from './wording';

function table(spec: TableSpec): string {
  return [
    `**${markdownInline(spec.caption)}**`,
    '',
    `| ${spec.columns.map(markdownInline).join(' | ')} |`,
    `| ${spec.columns.map(() => '---').join(' | ')} |`,
    ...spec.rows.map((row) => `| ${row.map(markdownInline).join(' | ')} |`),
  ].join('\n');
}

function withBasis(text: string, basis: string): string {
  return basis ? `${text} (${markdownInline(basis)})` : text;
}

/** The next paragraph number where the report numbers its paragraphs (committee papers); null where it does not. */
type Numbering = { next: number } | null;

/** One block of a section whose heading is at `level`: a chart's title is a heading one below it. */
function block(b: ReportBlock, model: ReportModel, level: number, numbering: Numbering = null): string {
  switch (b.kind) {
    case 'paragraph':
      return numbering ? `${numbering.next++}\\. ${markdownBlock(b.text)}` : markdownBlock(b.text);
    case 'key_figures':
      return b.figures
        .map(
          (f) =>
            `- **${markdownInline(figureValue(f))}** ${withBasis(markdownInline(f.label), [figureBasis(f, model), f.note].filter(Boolean).join('; '))}`,
        )
        .join('\n');
    case 'figure':
      return withBasis(
        `**${markdownInline(b.figure.label)}: ${markdownInline(figureValue(b.figure))}**`,
        [figureBasis(b.figure, model), b.figure.note].filter(Boolean).join('; '),
      );
    case 'chart':
      return `${'#'.repeat(level + 1)} ${markdownInline(b.chart.title)}\n\n${markdownBlock(b.chart.alt)}\n\n${table(chartTable(b.chart))}`;
    case 'table':
      return table(b.table);
    case 'quote':
      return [
        `> “${isolated(markdownBlock(b.quote.text), passageDirection(b.quote.text, b.quote.lang)).replace(/\n/g, '\n> ')}”`,
        `>`,
        `> — ${attribution(b.quote)}`,
        ...(b.quote.context ? ['', `_${markdownInline(b.quote.context)}_`] : []),
      ].join('\n');
    case 'list':
      return b.items.map((i) => `- ${markdownInline(i)}`).join('\n');
    case 'notice':
      return `**Note:** ${markdownBlock(b.text)}`;
  }
}

/*
 * Markdown has no language or direction markup, so a passage that runs right to left is set in a Unicode
 * isolate (UAX #9): a right-to-left isolate for words whose language runs right to left, a first-strong
 * isolate for a name. Wherever the Markdown is pasted, the text around them keeps its order. Text with no
 * right-to-left letter is left as it is.
 */
function isolated(text: string, direction: Direction | 'auto'): string {
  if (!hasRightToLeft(text)) return text;
  return `${direction === 'rtl' ? '\u2067' : direction === 'ltr' ? '\u2066' : '\u2068'}${text}\u2069`;
}

function attribution(quote: QuoteBlock): string {
  const at = quote.speaker ? quote.attribution.indexOf(quote.speaker) : -1;
  if (!quote.speaker || at < 0) return markdownInline(quote.attribution);
  const before = quote.attribution.slice(0, at);
  const after = quote.attribution.slice(at + quote.speaker.length);
  return `${markdownInline(before)}${isolated(markdownInline(quote.speaker), 'auto')}${markdownInline(after)}`;
}

function section(s: ReportSection, model: ReportModel, level: number, numbering: Numbering = null): string[] {
  return [
    `${'#'.repeat(level)} ${markdownInline(s.heading)}`,
    ...s.blocks.map((b) => block(b, model, level, numbering)),
    ...(s.subsections ?? []).flatMap((sub) => section(sub, model, level + 1, numbering)),
  ];
}

/**
 * Renders a report model as plain Markdown, to paste into a council's committee template. Text
 * from the record is escaped, so it shows as written and never as markup or HTML.
 */
export function renderMarkdown(model: ReportModel): string {
  const { sections, provenance } = splitProvenance(model);
  const numbering: Numbering = model.layout?.numberedParagraphs ? { next: 1 } : null;
  const parts = [
    ...(model.layout?.marking ? [`**${markdownInline(model.layout.marking.toUpperCase())}**`] : []),
    `# ${markdownInline(model.title)}`,
    ...(model.subtitle ? [markdownInline(model.subtitle)] : []),
    markdownInline(model.publisher),
    ...(model.cover.length ? [model.cover.map((c) => `- **${markdownInline(c.label)}:** ${markdownInline(c.value)}`).join('\n')] : []),
    ...sections.flatMap((s) => section(s, model, 2, numbering)),
    ...section({ ...provenance, subsections: [] }, model, 2),
    model.layout?.compact
      ? markdownInline(provenanceNote(model.provenance))
      : table({ caption: 'Record behind this report', columns: ['Fact', 'Value'], rows: provenanceRows(model.provenance), rowHeaders: true }),
  ];
  return `${parts.join('\n\n')}\n`;
}
