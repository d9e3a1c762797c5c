import { chartTable } from '../charts/chart-format';
import type { ReportBlock, ReportModel, ReportSection, TableSpec } from '../model/report-model';
import { figureBasis, figureValue, provenanceRows, splitProvenance } from './wording';

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(spec: TableSpec): string {
  return [
    `**${spec.caption}**`,
    '',
    `| ${spec.columns.map(cell).join(' | ')} |`,
    `| ${spec.columns.map(() => '---').join(' | ')} |`,
    ...spec.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

function withBasis(text: string, basis: string): string {
  return basis ? `${text} (${basis})` : text;
}

function block(b: ReportBlock, model: ReportModel): string {
  switch (b.kind) {
    case 'paragraph':
      return b.text;
    case 'key_figures':
      return b.figures
        .map((f) => `- **${figureValue(f)}** ${withBasis(f.label, [figureBasis(f, model), f.note].filter(Boolean).join('; '))}`)
        .join('\n');
    case 'figure':
      return withBasis(`**${b.figure.label}: ${figureValue(b.figure)}**`, [figureBasis(b.figure, model), b.figure.note].filter(Boolean).join('; '));
    case 'chart':
      return `${b.chart.alt}\n\n${table({ ...chartTable(b.chart), caption: b.chart.title })}`;
    case 'table':
      return table(b.table);
    case 'quote':
      return [`> “${b.quote.text}”`, `>`, `> — ${b.quote.attribution}`, ...(b.quote.context ? ['', `_${b.quote.context}_`] : [])].join('\n');
    case 'list':
      return b.items.map((i) => `- ${i}`).join('\n');
    case 'notice':
      return `**Note:** ${b.text}`;
  }
}

function section(s: ReportSection, model: ReportModel, level: number): string[] {
  return [
    `${'#'.repeat(level)} ${s.heading}`,
    ...s.blocks.map((b) => block(b, model)),
    ...(s.subsections ?? []).flatMap((sub) => section(sub, model, level + 1)),
  ];
}

/** Renders a report model as plain Markdown, to paste into a council's committee template. */
export function renderMarkdown(model: ReportModel): string {
  const { sections, provenance } = splitProvenance(model);
  const parts = [
    `# ${model.title}`,
    ...(model.subtitle ? [model.subtitle] : []),
    `${model.publisher}`,
    ...(model.cover.length ? [model.cover.map((c) => `- **${c.label}:** ${c.value}`).join('\n')] : []),
    ...sections.flatMap((s) => section(s, model, 2)),
    ...section({ ...provenance, subsections: [] }, model, 2),
    table({ caption: 'Record behind this report', columns: ['Fact', 'Value'], rows: provenanceRows(model.provenance), rowHeaders: true }),
  ];
  return `${parts.join('\n\n')}\n`;
}
