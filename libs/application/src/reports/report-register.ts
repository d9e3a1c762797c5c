import { SqliteReportWordsRegister } from '@coprod/privacy/report-register/report-words-register';

/**
 * The register of whose words each report carried, kept in the keys file and opened there when it is
 * first needed, so a process that never builds a report or answers a subject access request never opens it.
 */
export class ReportRegisterFile {
  private register: SqliteReportWordsRegister | undefined;

  constructor(private readonly keysFile: string) {}

  /** The register, opened on first use. */
  opened(): SqliteReportWordsRegister {
    this.register ??= new SqliteReportWordsRegister({ file: this.keysFile });
    return this.register;
  }

  close(): void {
    this.register?.close();
    this.register = undefined;
  }
}
