import { SURVEY_ITEMS, SURVEY_PHASES } from '@coprod/domain';
import { ImportTable } from './read-table';

/**
 * How a survey export laid out one row per respondent and one column per question (Microsoft Forms'
 * Excel download) becomes the survey template's columns: which heading fills which column, how worded
 * answers read as numbers, and the phase when the export has no phase column.
 */
export interface SurveyMapping {
  /** Export heading → template column (`participant_id`, `email`, `phone`, `response_id`, `phase`, `responded_on`, or a survey item). */
  columns: Record<string, string>;
  /** Worded answers → the number they stand for, e.g. `"Strongly agree": 5`; matched ignoring case. */
  answers?: Record<string, number>;
  /** `pre` or `post`, for an export that holds one round. */
  phase?: string;
  /** Put before the export's own response ids (Microsoft Forms numbers them 1, 2, 3 in every form). */
  responseIdPrefix?: string;
}

const TARGETS = new Set(['participant_id', 'email', 'phone', 'response_id', 'phase', 'responded_on', ...SURVEY_ITEMS]);

/** The headings Microsoft Forms writes on every export; a survey file with them needs a mapping. */
export const MICROSOFT_FORMS_HEADINGS = ['ID', 'Start time', 'Completion time'];

/** Reads and checks a mapping file's JSON, naming every problem. */
export function parseSurveyMapping(text: string): SurveyMapping {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`the survey mapping is not JSON: ${(error as Error).message}`);
  }
  const problems: string[] = [];
  const mapping = raw as Partial<SurveyMapping>;
  if (!mapping || typeof mapping !== 'object' || !mapping.columns || typeof mapping.columns !== 'object') {
    throw new Error('the survey mapping must be a JSON object with "columns": { "export heading": "template column" }');
  }
  for (const [heading, target] of Object.entries(mapping.columns)) {
    if (!TARGETS.has(String(target))) problems.push(`"${heading}" maps to "${String(target)}", which is not one of ${[...TARGETS].join(', ')}`);
  }
  for (const [answer, value] of Object.entries(mapping.answers ?? {})) {
    if (!Number.isInteger(value)) problems.push(`answer "${answer}" must map to a whole number`);
  }
  if (mapping.phase !== undefined && !(SURVEY_PHASES as readonly string[]).includes(mapping.phase))
    problems.push(`phase must be one of ${SURVEY_PHASES.join(', ')}`);
  if (problems.length > 0) throw new Error(`the survey mapping cannot be used: ${problems.join('; ')}`);
  return { columns: mapping.columns, answers: mapping.answers, phase: mapping.phase, responseIdPrefix: mapping.responseIdPrefix };
}

/** Whether a survey file is in an export's layout rather than the template's. */
export function looksLikeFormsExport(table: ImportTable): boolean {
  return MICROSOFT_FORMS_HEADINGS.every((h) => table.headers.includes(h));
}

/**
 * The export's rows in the template's columns. Row numbers stay the export's own, so an error points
 * at the row a person sees in the file they have; a mapped heading missing from the file is refused.
 */
export function applySurveyMapping(table: ImportTable, mapping: SurveyMapping): ImportTable {
  const absent = Object.keys(mapping.columns).filter((heading) => !table.headers.includes(heading));
  if (absent.length > 0) throw new Error(`the survey mapping names columns the file does not have: ${absent.map((h) => `"${h}"`).join(', ')}`);
  const answers = new Map(Object.entries(mapping.answers ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const targets = Object.values(mapping.columns);
  const headers = [...new Set([...targets, ...(mapping.phase && !targets.includes('phase') ? ['phase'] : [])])];
  const rows = table.rows.map((row) => {
    const cells: Record<string, string> = {};
    for (const [heading, target] of Object.entries(mapping.columns)) {
      let value = row.cells[heading] ?? '';
      if ((SURVEY_ITEMS as readonly string[]).includes(target) && answers.has(value.toLowerCase())) value = String(answers.get(value.toLowerCase()));
      if (target === 'response_id' && value !== '' && mapping.responseIdPrefix) value = `${mapping.responseIdPrefix}${value}`;
      if (target === 'responded_on' && /^\d{4}-\d{2}-\d{2}T/.test(value)) value = value.slice(0, 10);
      cells[target] = value;
    }
    if (mapping.phase && !cells.phase) cells.phase = mapping.phase;
    return { rowNumber: row.rowNumber, cells };
  });
  return { ...table, headers, rows };
}
