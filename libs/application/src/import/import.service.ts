import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { createHash } from 'node:crypto';
import { Command, DomainError, notFound, streamName } from '@coprod/domain';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { assertPermitted } from '@coprod/privacy/access/permissions';
import { permissionForCommand } from '../access/command-permissions';
import { checkCommandInput, InvalidInput, InvalidInputField } from '../commands/command-input';
import { DeciderRegistry } from '../commands/decider-registry';
import { eventIdFor } from '../commands/event-ids';
import { HandleDomainCommand } from '../commands/handle-domain-command';
import { PERSONAL_DATA_PROTECTOR, PersonalDataProtector } from '../commands/personal-data-protector';
import { ReferenceChecker } from '../commands/reference-checker';
import { READ_MODELS, ReadModels } from '../read-models/read-models';
import { ContactIndex } from './contact-index';
import { DryRun } from './dry-run';
import { columnOf, ImportKind, ImportTarget, KIND_COLUMNS, MatchPerson, rowCommand, RowCommand, RowProblem } from './import-kinds';
import { ImportTable, readTable } from './read-table';
import { applySurveyMapping, looksLikeFormsExport, SurveyMapping } from './survey-mapping';

/** Who is importing: the same identity every command of the import is decided and permitted for. */
export type ImportActor = { id: string; role: string; participantId?: string };

/**
 * A command's DTO, applied to a row's data: the data as the DTO reads it (defaults filled in) and
 * every field it refuses. The DTOs live with the HTTP API; every way in passes the same check.
 */
export type CommandDtoCheck = (
  type: string,
  data: Record<string, unknown>,
) => Promise<{ data: Record<string, unknown>; errors: InvalidInputField[] }>;

/** What to import, and where from. */
export interface ImportRequest {
  kind: ImportKind;
  bytes: Buffer;
  fileName: string;
  target: ImportTarget;
  actor: ImportActor;
  /** `import` for a spreadsheet, `paper` for one typed up from paper sheets. */
  source: 'import' | 'paper';
  mapping?: SurveyMapping;
}

/** One problem in the file: the row a spreadsheet shows (1 is the header row), the column, and why. */
export interface ImportRowError {
  rowNumber: number;
  column: string;
  problem: string;
}

/** One row's command, ready to record. */
export interface PlannedRow {
  rowNumber: number;
  commandId: string;
  type: string;
  data: Record<string, unknown>;
  /** Recorded by an earlier import of the same file: it will record nothing again. */
  alreadyImported: boolean;
}

/** The whole file checked, nothing recorded: what it would record, or every reason it cannot. */
export interface ImportPlan {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  encoding: string;
  source: 'import' | 'paper';
  target: ImportTarget;
  rows: PlannedRow[];
  errors: ImportRowError[];
}

/** What an import recorded. */
export interface ImportOutcome {
  sha256: string;
  rows: number;
  recorded: number;
  alreadyImported: number;
  events: number;
  position: number;
}

/** A file with problems was not imported; every problem is listed. */
export class ImportRefused extends Error {
  override readonly name = 'ImportRefused';
  constructor(
    readonly fileName: string,
    readonly errors: ImportRowError[],
  ) {
    super(
      `${fileName} was not imported, nothing was recorded: ${errors.length} problem${errors.length === 1 ? '' : 's'}\n${errors.map(describeRowError).join('\n')}`,
    );
  }
}

/** `row 4, minutes: must be a whole number`. */
export function describeRowError(error: ImportRowError): string {
  return `row ${error.rowNumber}${error.column ? `, ${error.column}` : ''}: ${error.problem}`;
}

/** Reports how far a long import has got. */
export type ImportProgress = (phase: 'checking' | 'recording', done: number, total: number) => void;

/** Rows sent to the command bus at once: enough to share commits, few enough to keep memory flat. */
const CONCURRENT_ROWS = 32;

/** Codes of the record's rules that are about the person a row names. */
const PERSON_RULES = /participant|attendance_already|erased|claimant/;

/**
 * Brings a file in through the same commands as every other way in. The whole file is checked
 * first, each row through its command's input rules, DTO, permission, references and a dry run of
 * its decider over the record as it stands (rows deciding on the same record see the rows before
 * them); only a file with no problems is recorded. Each row's command id comes from the file's
 * SHA-256 and the row, so importing the same file again records nothing twice; every event carries
 * the file's SHA-256 and row in its correlation id (`import:<sha256>:row:<n>`).
 */
@Injectable()
export class ImportService implements OnApplicationShutdown {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly deciders: DeciderRegistry,
    private readonly references: ReferenceChecker,
    private readonly contacts: ContactIndex,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_PROTECTOR) private readonly protector: PersonalDataProtector,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  onApplicationShutdown(): void {
    this.contacts.close();
  }

  /** Checks the whole file and says what it would record; records nothing. */
  async plan(request: ImportRequest, checkDto: CommandDtoCheck, progress?: ImportProgress): Promise<ImportPlan> {
    let table = await readTable(request.bytes, request.fileName);
    if (request.kind === 'survey' && request.mapping) table = applySurveyMapping(table, request.mapping);
    else if (request.kind === 'survey' && looksLikeFormsExport(table)) {
      throw new Error(
        `${request.fileName} is laid out as a Microsoft Forms export (ID, Start time, Completion time); give a mapping file that says which question is which survey item`,
      );
    }
    const base: ImportPlan = {
      kind: request.kind,
      fileName: request.fileName,
      sha256: table.sha256,
      encoding: table.encoding,
      source: request.source,
      target: request.target,
      rows: [],
      errors: [],
    };
    const headingErrors = checkHeadings(request.kind, table);
    if (headingErrors.length > 0) return { ...base, errors: headingErrors };
    const type = commandTypeOf(request.kind);
    assertPermitted(request.actor, permissionForCommand(type));
    await this.checkTarget(request.target);
    await this.contacts.catchUp(this.store, this.protector);

    const errors: ImportRowError[] = table.unreadable.map((u) => ({ rowNumber: u.rowNumber, column: u.column, problem: u.problem }));
    const rows: PlannedRow[] = [];
    const seenContacts = new Map<string, number>();
    const match = this.matcher();
    const dryRun = new DryRun(this.store, this.deciders);
    const now = new Date().toISOString();
    let done = 0;
    for (const row of table.rows) {
      progress?.('checking', done++, table.rows.length);
      const rowErrors = (problems: RowProblem[]) => errors.push(...problems.map((p) => ({ rowNumber: row.rowNumber, ...p })));
      const made = rowCommand(request.kind, row, request.target, table.sha256, match);
      if (Array.isArray(made)) {
        rowErrors(made);
        continue;
      }
      if (request.kind === 'participants') {
        const clash = this.contactClash(row.cells, String(made.data.participantId), seenContacts, row.rowNumber);
        if (clash.length > 0) {
          rowErrors(clash);
          continue;
        }
      }
      const commandId = importCommandId(table.sha256, row.rowNumber, made.type, request.target);
      const checked = await this.checkRow(made, checkDto);
      if ('problems' in checked) {
        rowErrors(checked.problems);
        continue;
      }
      const alreadyImported = (await this.store.findEvent(eventIdFor(commandId, 0))) !== undefined;
      if (!alreadyImported) {
        const command: Command = { type: made.type, data: checked.data, metadata: { commandId, now, actor: request.actor } };
        const refused = await this.refusal(command, made, dryRun);
        if (refused) {
          rowErrors([refused]);
          continue;
        }
      }
      rows.push({ rowNumber: row.rowNumber, commandId, type: made.type, data: checked.data, alreadyImported });
    }
    progress?.('checking', table.rows.length, table.rows.length);
    if (table.rows.length === 0) errors.push({ rowNumber: 2, column: '', problem: 'the file has a header row but no rows to import' });
    return { ...base, rows, errors: errors.sort((a, b) => a.rowNumber - b.rowNumber) };
  }

  /**
   * Records a checked file, each row through the command bus; refuses a plan with problems. Should the
   * record change between the check and this (someone records the same person at the session) so that
   * a row is refused, the rows already recorded stay, and importing the file again records the rest,
   * nothing twice.
   */
  async record(plan: ImportPlan, actor: ImportActor, progress?: ImportProgress): Promise<ImportOutcome> {
    if (plan.errors.length > 0) throw new ImportRefused(plan.fileName, plan.errors);
    let recorded = 0;
    let events = 0;
    let position = 0;
    const now = new Date().toISOString();
    const recordRow = async (row: PlannedRow) => {
      const result = await this.commandBus.execute(
        new HandleDomainCommand(
          { type: row.type, data: row.data, metadata: { commandId: row.commandId, now, actor } },
          { source: plan.source, correlationId: `import:${plan.sha256}:row:${row.rowNumber}` },
        ),
      );
      if (!result.duplicate) {
        recorded += 1;
        events += result.eventIds.length;
      }
      position = Math.max(position, result.position);
    };
    // Rows on different records are sent together, so their appends share a commit; rows on the same
    // record (a register's session) go one after another, in the file's order, as they were checked.
    for (let start = 0; start < plan.rows.length; start += CONCURRENT_ROWS) {
      progress?.('recording', start, plan.rows.length);
      const byStream = new Map<string, PlannedRow[]>();
      for (const row of plan.rows.slice(start, start + CONCURRENT_ROWS)) {
        const stream = this.deciders.streamOf(this.deciders.forCommand(row.type), { type: row.type, data: row.data } as Command);
        byStream.set(stream, [...(byStream.get(stream) ?? []), row]);
      }
      await Promise.all(
        [...byStream.values()].map(async (rows) => {
          for (const row of rows) await recordRow(row);
        }),
      );
    }
    progress?.('recording', plan.rows.length, plan.rows.length);
    if (plan.kind === 'participants') await this.contacts.catchUp(this.store, this.protector);
    if (position > 0) await this.readModels.runtime.waitFor(position, 60_000).catch(() => undefined);
    return { sha256: plan.sha256, rows: plan.rows.length, recorded, alreadyImported: plan.rows.length - recorded, events, position };
  }

  /** The project must exist, and a session given must be one of its own: a register is never filed under another project. */
  private async checkTarget(target: ImportTarget): Promise<void> {
    const [project] = await this.store.readStream(streamName({ name: 'project' }, target.projectId), { maxCount: 1 });
    if (!project)
      throw notFound(
        'import.project_not_found',
        `project ${target.projectId} does not exist; check the project id (coprod outcomes lists the projects' figures)`,
      );
    if (!target.activityId) return;
    const [planned] = await this.store.readStream(streamName({ name: 'activity' }, target.activityId), { maxCount: 1 });
    if (!planned)
      throw notFound('import.activity_not_found', `session ${target.activityId} does not exist; plan and hold it first, then import its register`);
    if (planned.data.projectId !== target.projectId) {
      throw notFound(
        'import.activity_of_another_project',
        `session ${target.activityId} belongs to project ${String(planned.data.projectId)}, not ${target.projectId}; check the project and session ids`,
      );
    }
  }

  /** Finds a row's person by id, or by the blind index of their e-mail or phone; two people is ambiguous. */
  private matcher(): MatchPerson {
    return ({ participantId, email, phone }) => {
      if (participantId !== '') return { participantId };
      if (email === '' && phone === '')
        return { column: 'participant_id', problem: 'names nobody: give the participant id, or their e-mail address or phone number' };
      const found = new Set<string>();
      const lookups: ['email' | 'phone', string][] = [];
      if (email !== '') lookups.push(['email', email]);
      if (phone !== '') lookups.push(['phone', phone]);
      for (const [kind, value] of lookups) {
        const ids = this.contacts.find(kind, value);
        if (ids.length > 1)
          return {
            column: kind,
            problem: `matches ${ids.length} participants (${ids.join(', ')}); the match is ambiguous, so give the participant id instead`,
          };
        if (ids.length === 0)
          return { column: kind, problem: `matches no participant; register them first (import participants) or give their participant id` };
        found.add(ids[0]);
      }
      if (found.size > 1)
        return {
          column: 'email',
          problem: `the e-mail and the phone number belong to different participants (${[...found].join(', ')}); give the participant id instead`,
        };
      return { participantId: [...found][0] };
    };
  }

  /** A new person's contact details must not already find someone else, in the record or earlier in the file. */
  private contactClash(cells: Record<string, string>, participantId: string, seen: Map<string, number>, rowNumber: number): RowProblem[] {
    const problems: RowProblem[] = [];
    for (const kind of ['email', 'phone'] as const) {
      const value = cells[kind] ?? '';
      if (value === '') continue;
      const others = this.contacts.find(kind, value).filter((id) => id !== participantId);
      if (others.length > 0)
        problems.push({
          column: kind,
          problem: `is already recorded for participant ${others.join(', ')}; one ${kind === 'email' ? 'e-mail address' : 'phone number'} must find one person, so leave it out or update that participant instead`,
        });
      const digest = `${kind}:${this.contacts.digest(kind, value)}`;
      const earlier = seen.get(digest);
      if (earlier !== undefined)
        problems.push({
          column: kind,
          problem: `is the same as on row ${earlier}; one ${kind === 'email' ? 'e-mail address' : 'phone number'} must find one person`,
        });
      else seen.set(digest, rowNumber);
    }
    return problems;
  }

  /** The row through the command's input rules and DTO: the data as the command will carry it, or the problems by column. */
  private async checkRow(made: RowCommand, checkDto: CommandDtoCheck): Promise<{ data: Record<string, unknown> } | { problems: RowProblem[] }> {
    try {
      checkCommandInput(made.type, made.data);
    } catch (error) {
      if (error instanceof InvalidInput) return { problems: fieldProblems(made, error.fields) };
      throw error;
    }
    const { data, errors } = await checkDto(made.type, made.data);
    return errors.length > 0 ? { problems: fieldProblems(made, errors) } : { data };
  }

  /** Why the record would refuse the row's command (references, then a dry run of the decider), or nothing. */
  private async refusal(command: Command, made: RowCommand, dryRun: DryRun): Promise<RowProblem | undefined> {
    try {
      await this.references.check(command);
      await dryRun.decide(command);
      return undefined;
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === 'forbidden') throw error;
      return { column: ruleColumn(error.code, error.message, made), problem: error.message };
    }
  }
}

/** The command id of one row: the file, the row, what it records and where; never who imports it. */
export function importCommandId(sha256: string, rowNumber: number, type: string, target: ImportTarget): string {
  const digest = createHash('sha256')
    .update([sha256, String(rowNumber), type, target.projectId, target.activityId ?? ''].join('\u0000'))
    .digest('hex');
  return `import-${digest.slice(0, 40)}`;
}

function commandTypeOf(kind: ImportKind): string {
  return { participants: 'RegisterParticipant', register: 'RecordAttendance', survey: 'RecordSurveyResponse', expenses: 'ClaimExpense' }[kind];
}

/** Headings the kind does not have, or required headings missing, are listed against row 1. */
function checkHeadings(kind: ImportKind, table: ImportTable): ImportRowError[] {
  const known = new Set(KIND_COLUMNS[kind].map((c) => c.name));
  const unknown = table.headers
    .filter((h) => h !== '' && !known.has(h))
    .map((h) => ({ rowNumber: 1, column: h, problem: `is not a column of a ${kind} file; the columns are ${[...known].join(', ')}` }));
  const missing = KIND_COLUMNS[kind]
    .filter((c) => c.required && !table.headers.includes(c.name))
    .map((c) => ({ rowNumber: 1, column: c.name, problem: `is missing from the header row; every ${kind} file needs it (${c.description})` }));
  return [...missing, ...unknown];
}

function fieldProblems(made: RowCommand, fields: InvalidInputField[]): RowProblem[] {
  return fields.map((f) => {
    const column = columnOf(made, f.field);
    const field = f.field.split('.').pop() ?? f.field;
    return { column, problem: f.problems.map((p) => p.replace(new RegExp(`^${field}\\b`), 'it')).join('; ') };
  });
}

/** The column a refusal by the record's rules is about: one the rule's code names, else the person or the row. */
function ruleColumn(code: string, message: string, made: RowCommand): string {
  const rule = code.split('.').pop() ?? code;
  const columns = [...new Set(Object.values(made.columns))];
  const named = columns.find((c) => c !== '' && rule.includes(c.replace(/_id$/, '').replace(/_on$/, '')));
  if (named) return named;
  if (PERSON_RULES.test(code)) return 'participant_id';
  if (code === 'reference.not_found') {
    if (/^participant /.test(message)) return 'participant_id';
    if (/^activity /.test(message)) return made.columns.activityId ?? 'activity';
    if (/^project /.test(message)) return 'project';
  }
  return '';
}
