import Database from 'better-sqlite3';
import { openSecretsDatabase } from '../sqlite/secrets-database';

/** The reports whose building is registered: those that can carry participants' words. */
export type RegisteredReportKind = 'case_study' | 'committee_extract';

/** One participant whose words a report carried: ids only, never names or words. */
export interface WordsOfParticipant {
  participantId: string;
  quoteIds: string[];
  contributionIds: string[];
}

/** One report as it was built: what it was, about what, for whom, when, by whom, and whose words it carried. */
export interface ReportBuilt {
  reportKind: RegisteredReportKind;
  /** What the report is about: a project (case study) or a decision (committee extract). */
  subject: { kind: 'project' | 'decision'; id: string };
  projectId: string;
  /** Who the report is for, as the consent vocabulary names it: public, internal_evaluation or committee_papers. */
  audience: string;
  format: string;
  builtAt: string;
  builtBy: { id: string; role: string };
  /** How it was asked for: api or cli. */
  source: string;
  provenanceDigest: string;
  words: WordsOfParticipant[];
}

/** A registered report that carried one participant's words, with which of theirs. */
export interface ReportCarryingWords extends Omit<ReportBuilt, 'words'> {
  /** The register's number for this report, in the order reports were built. */
  entry: number;
  quoteIds: string[];
  contributionIds: string[];
}

export interface ReportWordsRegisterOptions {
  /** Path of the keys file (the register shares it with keys and tokens), or `:memory:`. */
  file: string;
  clock?: () => Date;
}

const APPEND_ONLY = (table: string) => `
CREATE TRIGGER IF NOT EXISTS ${table}_never_updated BEFORE UPDATE ON ${table}
BEGIN SELECT RAISE(ABORT, 'the register of reports and the words they carried is append-only: add an entry, never change one'); END;
CREATE TRIGGER IF NOT EXISTS ${table}_never_deleted BEFORE DELETE ON ${table}
BEGIN SELECT RAISE(ABORT, 'the register of reports and the words they carried is append-only: add an entry, never remove one'); END;
`;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS report_register_started (
  only_row    INTEGER PRIMARY KEY CHECK (only_row = 1),
  started_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS report_register (
  entry              INTEGER PRIMARY KEY AUTOINCREMENT,
  report_kind        TEXT NOT NULL,
  subject_kind       TEXT NOT NULL,
  subject_id         TEXT NOT NULL,
  project_id         TEXT NOT NULL,
  audience           TEXT NOT NULL,
  format             TEXT NOT NULL,
  built_at           TEXT NOT NULL,
  built_by           TEXT NOT NULL,
  built_by_role      TEXT NOT NULL,
  source             TEXT NOT NULL,
  provenance_digest  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS report_register_words (
  entry             INTEGER NOT NULL REFERENCES report_register (entry),
  participant_id    TEXT NOT NULL,
  quote_ids         TEXT NOT NULL,
  contribution_ids  TEXT NOT NULL,
  PRIMARY KEY (entry, participant_id)
);
CREATE INDEX IF NOT EXISTS report_register_words_by_participant ON report_register_words (participant_id, entry);
${APPEND_ONLY('report_register_started')}
${APPEND_ONLY('report_register')}
${APPEND_ONLY('report_register_words')}
`;

interface CarryingRow {
  entry: number;
  report_kind: RegisteredReportKind;
  subject_kind: 'project' | 'decision';
  subject_id: string;
  project_id: string;
  audience: string;
  format: string;
  built_at: string;
  built_by: string;
  built_by_role: string;
  source: string;
  provenance_digest: string;
  quote_ids: string;
  contribution_ids: string;
}

/**
 * The register of every case study and committee extract built, and whose words each carried, in
 * the keys file: durable (synchronous writes), private like the keys and tokens beside it, and
 * outside the read models, so `coprod rebuild` never drops it. Entries are only ever added: the
 * database itself refuses to change or remove one. It holds participant ids, never names or words.
 */
export class SqliteReportWordsRegister {
  private readonly db: Database.Database;
  private readonly statements: ReturnType<SqliteReportWordsRegister['prepare']>;
  private closed = false;

  constructor(options: ReportWordsRegisterOptions) {
    const clock = options.clock ?? (() => new Date());
    this.db = openSecretsDatabase(options.file);
    this.db.exec(SCHEMA);
    this.db.prepare('INSERT OR IGNORE INTO report_register_started (only_row, started_at) VALUES (1, ?)').run(clock().toISOString());
    this.statements = this.prepare();
  }

  /** Adds one built report and whose words it carried, all or nothing; returns its entry number. */
  record(report: ReportBuilt): number {
    for (const words of report.words) {
      if (typeof words.participantId !== 'string' || words.participantId.trim() === '') {
        throw new TypeError(`a participant whose words a report carried needs their id, got ${JSON.stringify(words.participantId)}`);
      }
    }
    const add = this.db.transaction((): number => {
      const { lastInsertRowid } = this.statements.addReport.run(
        report.reportKind,
        report.subject.kind,
        report.subject.id,
        report.projectId,
        report.audience,
        report.format,
        report.builtAt,
        report.builtBy.id,
        report.builtBy.role,
        report.source,
        report.provenanceDigest,
      );
      const entry = Number(lastInsertRowid);
      for (const words of report.words) {
        this.statements.addWords.run(entry, words.participantId, JSON.stringify(words.quoteIds), JSON.stringify(words.contributionIds));
      }
      return entry;
    });
    return add.immediate();
  }

  /** Every registered report that carried the participant's words, oldest first. */
  reportsCarrying(participantId: string): ReportCarryingWords[] {
    return (this.statements.carrying.all(participantId) as CarryingRow[]).map((row) => ({
      entry: row.entry,
      reportKind: row.report_kind,
      subject: { kind: row.subject_kind, id: row.subject_id },
      projectId: row.project_id,
      audience: row.audience,
      format: row.format,
      builtAt: row.built_at,
      builtBy: { id: row.built_by, role: row.built_by_role },
      source: row.source,
      provenanceDigest: row.provenance_digest,
      quoteIds: JSON.parse(row.quote_ids) as string[],
      contributionIds: JSON.parse(row.contribution_ids) as string[],
    }));
  }

  /** When this register began: reports built before then were not registered. */
  keptSince(): string {
    return (this.statements.started.get() as { started_at: string }).started_at;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private prepare() {
    return {
      addReport: this.db.prepare(
        `INSERT INTO report_register (report_kind, subject_kind, subject_id, project_id, audience, format, built_at, built_by, built_by_role, source, provenance_digest)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      addWords: this.db.prepare('INSERT INTO report_register_words (entry, participant_id, quote_ids, contribution_ids) VALUES (?, ?, ?, ?)'),
      carrying: this.db.prepare(
        `SELECT r.*, w.quote_ids, w.contribution_ids FROM report_register_words w JOIN report_register r ON r.entry = w.entry
         WHERE w.participant_id = ? ORDER BY r.entry`,
      ),
      started: this.db.prepare('SELECT started_at FROM report_register_started WHERE only_row = 1'),
    };
  }
}
