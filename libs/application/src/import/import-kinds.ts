import {
  ATTENDANCE_CAPACITIES,
  EXPENSE_CATEGORIES,
  FORMATS,
  LIKERT_MAX,
  LIKERT_MIN,
  PARTICIPANT_ROLES,
  SURVEY_ITEMS,
  SURVEY_PHASES,
} from '@coprod/domain';
import { TableRow } from './read-table';

/** What can be imported: each kind is one command per row. */
export const IMPORT_KINDS = ['participants', 'register', 'survey', 'expenses'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One column of a kind's file: its heading, what it holds, and the template's worked example. */
export interface ImportColumn {
  name: string;
  description: string;
  example: string;
  required: boolean;
}

/** One problem with one cell (or with a row as a whole when `column` is empty). */
export interface RowProblem {
  column: string;
  problem: string;
}

/** Whoever a row is about, as written on it: an id, or an e-mail address or phone number to match. */
export interface PersonCells {
  participantId: string;
  email: string;
  phone: string;
}

/** Finds the participant a row names; a problem names the column that failed and why. */
export type MatchPerson = (person: PersonCells) => { participantId: string } | RowProblem;

/** What an import is asked to do beyond the file: the project, the session, where the file came from. */
export interface ImportTarget {
  projectId: string;
  activityId?: string;
}

/** A row turned into the command it records, with the command field each column fills (for error messages). */
export interface RowCommand {
  type: string;
  data: Record<string, unknown>;
  /** DTO field path prefix → column heading, e.g. `minutes` → `minutes`, `personal.fields.email` → `email`. */
  columns: Record<string, string>;
}

const PERSON_COLUMNS: ImportColumn[] = [
  {
    name: 'participant_id',
    description: "The participant's id in the record, if known; otherwise give their e-mail or phone",
    example: 'part-003',
    required: false,
  },
  {
    name: 'email',
    description: 'E-mail address, to find the participant when no id is given (matched without storing it)',
    example: '',
    required: false,
  },
  {
    name: 'phone',
    description: 'Phone number, to find the participant when no id or e-mail is given (matched without storing it)',
    example: '',
    required: false,
  },
];

/** The columns of each kind, in the order the templates write them. */
export const KIND_COLUMNS: Readonly<Record<ImportKind, readonly ImportColumn[]>> = {
  participants: [
    {
      name: 'participant_id',
      description: 'An id for the person (letters, digits, - _ .); left empty, one is made from the file and row',
      example: 'part-101',
      required: false,
    },
    {
      name: 'name',
      description: 'Name the person wants to be known by (kept encrypted under their own key)',
      example: 'Siân Hughes-Bélanger',
      required: true,
    },
    {
      name: 'email',
      description: 'E-mail address (encrypted; a keyed blind index of it finds them in later imports)',
      example: 'sian.hb@example.org',
      required: false,
    },
    {
      name: 'phone',
      description: 'Phone number, UK or international (encrypted; blind-indexed like the e-mail)',
      example: '07700 900123',
      required: false,
    },
    { name: 'postcode', description: 'UK postcode, in full or just its first part', example: 'RG14', required: false },
    { name: 'role', description: `How they take part: ${PARTICIPANT_ROLES.join(', ')}`, example: 'resident', required: true },
    {
      name: 'seldom_heard_groups',
      description: 'Seldom-heard groups they belong to, as the council names them, separated by ;',
      example: 'low_income;carers',
      required: false,
    },
    {
      name: 'preferred_formats',
      description: `Ways they prefer to take part, separated by ;: ${FORMATS.join(', ')}`,
      example: 'in_person;paper',
      required: false,
    },
    { name: 'access_needs', description: 'What they need to take part fully', example: 'Large-print papers posted a week ahead', required: false },
  ],
  register: [
    ...PERSON_COLUMNS.map((c) => (c.name === 'participant_id' ? { ...c, example: 'part-101' } : c)),
    { name: 'minutes', description: 'Minutes the person took part, a whole number', example: '120', required: true },
    { name: 'capacity', description: `Capacity they took part in: ${ATTENDANCE_CAPACITIES.join(', ')}`, example: 'member', required: true },
    { name: 'format', description: `How they took part: ${FORMATS.join(', ')} (paper for a paper sign-in)`, example: 'paper', required: true },
  ],
  survey: [
    ...PERSON_COLUMNS.map((c) => (c.name === 'participant_id' ? { ...c, example: 'part-101' } : c)),
    {
      name: 'response_id',
      description: 'Id of the response, e.g. the paper form number; left empty, one is made from the file and row',
      example: 'svy-pre-101',
      required: false,
    },
    { name: 'phase', description: `Before or after taking part: ${SURVEY_PHASES.join(', ')}`, example: 'pre', required: true },
    { name: 'responded_on', description: 'Date of the response (YYYY-MM-DD)', example: '2026-01-20', required: true },
    ...SURVEY_ITEMS.map((item) => ({
      name: item,
      description: `Answer from ${LIKERT_MIN} (disagree strongly) to ${LIKERT_MAX} (agree strongly); may be left empty`,
      example: item === 'sense_of_influence' ? '2' : '3',
      required: false,
    })),
  ],
  expenses: [
    {
      name: 'claim_id',
      description: 'Id of the claim, e.g. the form number; left empty, one is made from the file and row',
      example: 'exp-101',
      required: false,
    },
    ...PERSON_COLUMNS.map((c) => (c.name === 'participant_id' ? { ...c, example: 'part-101' } : c)),
    {
      name: 'activity_id',
      description: 'The session the expense was for, if any (or give --activity for the whole file)',
      example: '',
      required: false,
    },
    { name: 'category', description: `What the money is for: ${EXPENSE_CATEGORIES.join(', ')}`, example: 'travel', required: true },
    { name: 'amount', description: 'Amount claimed in pounds and pence, e.g. 12.50 or £12.50', example: '£12.50', required: true },
    { name: 'description', description: 'What the expense was', example: 'Return bus fare to the workshop', required: true },
    { name: 'claimed_on', description: 'Date of the claim (YYYY-MM-DD)', example: '2026-02-11', required: true },
  ],
};

/** The command each kind records. */
export const KIND_COMMAND: Readonly<Record<ImportKind, string>> = {
  participants: 'RegisterParticipant',
  register: 'RecordAttendance',
  survey: 'RecordSurveyResponse',
  expenses: 'ClaimExpense',
};

/** The id made for a row with none: the same file and row always give the same id. */
export function madeId(prefix: string, sha256: string, rowNumber: number): string {
  return `${prefix}-${sha256.slice(0, 10)}-${rowNumber}`;
}

const listOf = (cell: string): string[] =>
  cell
    .split(/[;,]/)
    .map((v) => v.trim())
    .filter(Boolean);

/** A whole number as typed (`120`, `120.0` from a spreadsheet); anything else is left for the DTO to refuse. */
function wholeOrText(cell: string): number | string {
  return /^-?\d+(\.0+)?$/.test(cell) ? Number(cell) : cell;
}

/** Pounds and pence (`12.50`, `£12.50`, `£1,200`) to whole pence; more than two decimals is refused. */
export function pence(cell: string): number | RowProblem {
  const plain = cell.replace(/^£/, '').replace(/,/g, '').trim();
  if (!/^\d+(\.\d{1,2})?$/.test(plain))
    return { column: 'amount', problem: `"${cell}" is not an amount of money; write pounds and pence like 12.50 or £12.50` };
  const [pounds, decimals = ''] = plain.split('.');
  return Number(pounds) * 100 + Number(decimals.padEnd(2, '0'));
}

/** Excel's dates arrive as instants; a plain date is what the record keeps for these fields. */
function dateOf(cell: string): string {
  return /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/.test(cell) ? cell.slice(0, 10) : cell;
}

/**
 * The command a row records, or the problems that stop it. Missing required cells are found here;
 * everything else about the values is judged by the command's own DTO and decider.
 */
export function rowCommand(kind: ImportKind, row: TableRow, target: ImportTarget, sha256: string, match: MatchPerson): RowCommand | RowProblem[] {
  const cell = (name: string) => row.cells[name] ?? '';
  const missing = KIND_COLUMNS[kind]
    .filter((c) => c.required && cell(c.name) === '')
    .map((c) => ({ column: c.name, problem: 'is empty; it must be filled in' }));
  const person = kind === 'participants' ? undefined : match({ participantId: cell('participant_id'), email: cell('email'), phone: cell('phone') });
  const problems: RowProblem[] = [...missing, ...(person && 'problem' in person ? [person] : [])];
  if (problems.length > 0) return problems;
  const participantId = person && 'participantId' in person ? person.participantId : '';
  switch (kind) {
    case 'participants': {
      const id = cell('participant_id') || madeId('part', sha256, row.rowNumber);
      const fields: Record<string, string> = { name: cell('name') };
      for (const [column, field] of [
        ['email', 'email'],
        ['phone', 'phone'],
        ['postcode', 'postcode'],
        ['access_needs', 'accessNeeds'],
      ]) {
        if (cell(column) !== '') fields[field] = cell(column);
      }
      return {
        type: 'RegisterParticipant',
        data: {
          participantId: id,
          role: cell('role'),
          seldomHeardGroups: listOf(cell('seldom_heard_groups')),
          preferredFormats: listOf(cell('preferred_formats')),
          personal: { subjectId: id, fields },
        },
        columns: {
          participantId: 'participant_id',
          role: 'role',
          seldomHeardGroups: 'seldom_heard_groups',
          preferredFormats: 'preferred_formats',
          'personal.subjectId': 'participant_id',
          'personal.fields.name': 'name',
          'personal.fields.email': 'email',
          'personal.fields.phone': 'phone',
          'personal.fields.postcode': 'postcode',
          'personal.fields.accessNeeds': 'access_needs',
        },
      };
    }
    case 'register':
      if (!target.activityId)
        return [
          { column: '', problem: 'a register is for one session: give its activity id (--activity, or choose the session on the upload page)' },
        ];
      return {
        type: 'RecordAttendance',
        data: {
          activityId: target.activityId,
          participantId,
          minutes: wholeOrText(cell('minutes')),
          capacity: cell('capacity'),
          format: cell('format'),
        },
        columns: { activityId: 'activity', participantId: 'participant_id', minutes: 'minutes', capacity: 'capacity', format: 'format' },
      };
    case 'survey': {
      const answers: Record<string, number | string> = {};
      for (const item of SURVEY_ITEMS) if (cell(item) !== '') answers[item] = wholeOrText(cell(item));
      return {
        type: 'RecordSurveyResponse',
        data: {
          projectId: target.projectId,
          participantId,
          responseId: cell('response_id') || madeId('svy', sha256, row.rowNumber),
          phase: cell('phase'),
          answers,
          respondedOn: dateOf(cell('responded_on')),
        },
        columns: {
          projectId: 'project',
          participantId: 'participant_id',
          responseId: 'response_id',
          phase: 'phase',
          ...Object.fromEntries(SURVEY_ITEMS.map((item) => [`answers.${item}`, item])),
          answers: SURVEY_ITEMS.join(', '),
          respondedOn: 'responded_on',
        },
      };
    }
    case 'expenses': {
      const amount = pence(cell('amount'));
      if (typeof amount !== 'number') return [amount];
      return {
        type: 'ClaimExpense',
        data: {
          claimId: cell('claim_id') || madeId('exp', sha256, row.rowNumber),
          projectId: target.projectId,
          participantId,
          activityId: cell('activity_id') || target.activityId || null,
          category: cell('category'),
          amountPence: amount,
          description: cell('description'),
          claimedOn: dateOf(cell('claimed_on')),
        },
        columns: {
          claimId: 'claim_id',
          projectId: 'project',
          participantId: 'participant_id',
          activityId: 'activity_id',
          category: 'category',
          amountPence: 'amount',
          description: 'description',
          claimedOn: 'claimed_on',
        },
      };
    }
    default: {
      const unexpected: never = kind;
      throw new Error(`unknown import kind ${String(unexpected)}`);
    }
  }
}

/** The column a command field came from: the longest matching prefix of its path. */
export function columnOf(command: RowCommand, fieldPath: string): string {
  let best = '';
  let column = '';
  for (const [prefix, name] of Object.entries(command.columns)) {
    if ((fieldPath === prefix || fieldPath.startsWith(`${prefix}.`)) && prefix.length > best.length) {
      best = prefix;
      column = name;
    }
  }
  return column || fieldPath;
}
