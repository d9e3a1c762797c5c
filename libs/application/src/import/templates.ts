import { IMPORT_KINDS, ImportKind, KIND_COLUMNS } from './import-kinds';
import { SurveyMapping } from './survey-mapping';
import { OutputSheet, toCsv, toXlsx } from './spreadsheet-out';

/** One template file, named as it is written. */
export interface TemplateFile {
  fileName: string;
  body: Buffer;
}

/** The sheet a kind's template holds: the header row and one worked example row. */
function exampleSheet(kind: ImportKind): OutputSheet {
  const columns = KIND_COLUMNS[kind];
  return {
    name: kind,
    columns: columns.map((c) => c.name),
    rows: [columns.map((c) => c.example)],
    widths: columns.map((c) => Math.max(14, c.name.length + 4, c.example.length + 2)),
  };
}

/** The notes sheet: what each column holds, whether it must be filled in, and its example. */
function notesSheet(kind: ImportKind): OutputSheet {
  return {
    name: 'Notes',
    columns: ['column', 'required', 'what it holds', 'example'],
    rows: KIND_COLUMNS[kind].map((c) => [c.name, c.required ? 'yes' : 'no', c.description, c.example]),
    widths: [22, 10, 100, 30],
  };
}

/**
 * A mapping for a Microsoft Forms export of the pre-round survey, as a starting point: the question
 * headings are the form's own, so a council edits them to match its form.
 */
export const EXAMPLE_SURVEY_MAPPING: SurveyMapping = {
  phase: 'pre',
  responseIdPrefix: 'forms-pre-',
  columns: {
    ID: 'response_id',
    'Completion time': 'responded_on',
    Email: 'email',
    'I am confident working in partnership with the council': 'confidence_in_partnership',
    'I have the skills and knowledge to take part': 'skills_and_knowledge',
    'I can influence what the council decides': 'sense_of_influence',
  },
  answers: { 'Strongly disagree': 1, Disagree: 2, 'Neither agree nor disagree': 3, Agree: 4, 'Strongly agree': 5 },
};

/** A CSV and an XLSX template for every kind, and an example survey mapping. */
export async function importTemplates(): Promise<TemplateFile[]> {
  const files: TemplateFile[] = [];
  for (const kind of IMPORT_KINDS) {
    const sheet = exampleSheet(kind);
    files.push({ fileName: `${kind}.csv`, body: toCsv(sheet) });
    files.push({
      fileName: `${kind}.xlsx`,
      body: await toXlsx([sheet, notesSheet(kind)], { title: `coprod ${kind} import template`, creator: 'coprod' }),
    });
  }
  files.push({ fileName: 'survey-mapping.example.json', body: Buffer.from(`${JSON.stringify(EXAMPLE_SURVEY_MAPPING, null, 2)}\n`, 'utf8') });
  return files;
}
