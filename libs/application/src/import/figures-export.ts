import { Injectable } from '@nestjs/common';
import { chartTable, type Figure, type ReportSection } from '@coprod/reporting';
import { ReportService } from '../reports/report.service';
import { OutputSheet, SpreadsheetFormat, toCsv, toXlsx } from './spreadsheet-out';

/** A file ready to save or send. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** The columns of the figures sheet, in order (documented in docs/import.md). */
export const FIGURE_COLUMNS = ['section', 'figure', 'value', 'n', 'shown', 'note'];
/** The columns of the breakdowns sheet. */
export const BREAKDOWN_COLUMNS = ['section', 'table', 'row', 'column', 'value'];

export const SPREADSHEET_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A project's figures as a spreadsheet for analysts: every figure of the public case study with its
 * n, and the numbers of every chart and table of its breakdowns. The figures are taken from the public report's own model, so
 * disclosure control (withheld small cells, consent) is exactly the public report's; nothing is
 * computed here.
 */
@Injectable()
export class FiguresExport {
  constructor(private readonly reports: ReportService) {}

  async export(
    projectId: string,
    format: SpreadsheetFormat,
    requester: { actor?: { id: string; role: string }; source: string },
  ): Promise<ExportFile> {
    const report = await this.reports.caseStudy(projectId, { audience: 'public' }, 'md', requester);
    const { figures, breakdowns } = sheetsOf(report.model.sections);
    const fileName = `figures-${projectId}.${format}`;
    if (format === 'csv') {
      // One CSV holds one table: the breakdowns follow the figures as rows whose figure names the table and row.
      const rows = [
        ...figures.rows,
        ...breakdowns.rows.map(([section, table, row, column, value]) => [section, `${table}: ${row}: ${column}`, value, null, 'yes', '']),
      ];
      return { fileName, contentType: SPREADSHEET_TYPES.csv, body: toCsv({ ...figures, rows }) };
    }
    const about: OutputSheet = {
      name: 'About',
      columns: ['item', 'value'],
      rows: [
        ['Project', projectId],
        ['Report', report.model.title],
        ['Audience', 'public: figures resting on too few people are withheld, exactly as in the public case study'],
        ['Publication threshold (people)', report.model.suppressionThreshold ?? null],
        ['Record as known at', report.model.provenance.knownAt],
        ['Last event included (position)', report.model.provenance.lastPosition],
      ],
      widths: [32, 90],
    };
    return {
      fileName,
      contentType: SPREADSHEET_TYPES.xlsx,
      body: await toXlsx([figures, breakdowns, about], { title: `Figures for ${projectId}`, creator: 'coprod' }),
    };
  }
}

/** Every figure, chart and table of the report's sections, in reading order. */
export function sheetsOf(sections: ReportSection[]): { figures: OutputSheet; breakdowns: OutputSheet } {
  const figures: OutputSheet = { name: 'Figures', columns: FIGURE_COLUMNS, rows: [], widths: [36, 48, 22, 8, 8, 90] };
  const breakdowns: OutputSheet = { name: 'Breakdowns', columns: BREAKDOWN_COLUMNS, rows: [], widths: [36, 48, 36, 24, 16] };
  const figureRow = (section: string, figure: Figure) =>
    figures.rows.push([
      section,
      figure.label,
      figure.suppressed ? null : figure.value,
      figure.n,
      figure.suppressed ? 'no: too few people' : 'yes',
      figure.note ?? '',
    ]);
  const walk = (list: ReportSection[], parent: string) => {
    for (const section of list) {
      const heading = parent ? `${parent} / ${section.heading}` : section.heading;
      for (const block of section.blocks) {
        if (block.kind === 'key_figures') block.figures.forEach((f) => figureRow(heading, f));
        if (block.kind === 'figure') figureRow(heading, block.figure);
        // A chart's numbers are the table the report prints beside it; a withheld value stays withheld.
        const table =
          block.kind === 'table' ? block.table : block.kind === 'chart' ? { ...chartTable(block.chart), caption: block.chart.title } : undefined;
        if (table) {
          const { caption, columns, rows } = table;
          for (const row of rows) row.slice(1).forEach((value, i) => breakdowns.rows.push([heading, caption, row[0], columns[i + 1] ?? '', value]));
        }
      }
      walk(section.subsections ?? [], heading);
    }
  };
  walk(sections, '');
  return { figures, breakdowns };
}
