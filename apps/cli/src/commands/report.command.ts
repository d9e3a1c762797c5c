import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { QueryBus } from '@nestjs/cqrs';
import { SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { Inject } from '@nestjs/common';
import { AccessLog, APP_CONFIG, AppConfig, ListProjects, RenderedReport, ReportRequester, ReportService } from '@coprod/application';
import { CASE_STUDY_AUDIENCES, HISTORY_SUBJECT_KINDS, REPORT_FORMATS, type CaseStudyAudience, type ReportFormat } from '@coprod/reporting/builders';

interface CommonOptions {
  framework?: string;
  asOf?: string;
  knownAt?: string;
  format?: string;
  out?: string;
}

/** The format a file's name asks for, where its extension is one a report is made in. */
const FORMAT_OF_EXTENSION: Readonly<Record<string, ReportFormat>> = { '.pdf': 'pdf', '.html': 'html', '.htm': 'html', '.md': 'md', '.docx': 'docx' };

/**
 * The format to write: `--format`, or else the one `--out`'s extension names (report.md is Markdown), or else
 * PDF. A `--format` that contradicts the file's extension is refused, so report.md never holds a PDF.
 */
function formatOf(options: CommonOptions): ReportFormat {
  const extension = options.out ? extname(options.out).toLowerCase() : '';
  const named = FORMAT_OF_EXTENSION[extension];
  const format = (options.format ?? named ?? 'pdf') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new Error(`--format must be one of ${REPORT_FORMATS.join(', ')}; got "${options.format}"`);
  if (named && named !== format) throw new Error(`--out ${options.out} is named as ${named} but --format is ${format}: change one of them`);
  return format;
}

function save(file: string, report: Pick<RenderedReport, 'body'>): string {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, report.body);
  return path;
}

/** Reports built here are registered as asked for from the command line, by its configured identity (COPROD_ACTOR). */
const FROM_THE_CLI: ReportRequester = { source: 'cli' };

function requireOut(options: CommonOptions, usage: string): string {
  if (!options.out) throw new Error(`say where to write the report: ${usage}`);
  return options.out;
}

/** Options every report subcommand shares. */
abstract class ReportSubcommand extends CommandRunner {
  @Option({ flags: '--framework <id>', description: "framework to report against (default: the project's own)" })
  parseFramework(value: string): string {
    return value;
  }

  @Option({ flags: '--as-of <date>', description: 'what had happened by this date (default: everything recorded)' })
  parseAsOf(value: string): string {
    return value;
  }

  @Option({ flags: '--known-at <position|date>', description: 'as recorded up to this global position or date (default: everything recorded)' })
  parseKnownAt(value: string): string {
    return value;
  }

  @Option({ flags: '--format <pdf|html|md|docx>', description: 'pdf (default), html, md (Markdown) or docx (Word, built-in styles for a council template)' })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'file to write' })
  parseOut(value: string): string {
    return value;
  }
}

@SubCommand({ name: 'case-study', description: 'A project case study: coprod report case-study --project ID [--audience public|internal_evaluation] --out FILE, or --all --out-dir DIR' })
export class CaseStudyReportCommand extends ReportSubcommand {
  constructor(
    private readonly reports: ReportService,
    private readonly queryBus: QueryBus,
    private readonly accessLog: AccessLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  /** A report for the internal audience carries personal data: its reading is logged. */
  private logRead(projectId: string, audience: CaseStudyAudience): void {
    if (audience !== 'internal_evaluation') return;
    const actor = this.config.localActor!;
    this.accessLog.record({ actorId: actor.id, actorRole: actor.role, what: 'internal-audience report', subject: projectId, route: 'coprod report case-study --audience internal_evaluation' });
  }

  async run(_: string[], options: CommonOptions & { project?: string; audience?: string; all?: boolean; outDir?: string }): Promise<void> {
    const format = formatOf(options);
    const audience = (options.audience ?? 'public') as CaseStudyAudience;
    if (!CASE_STUDY_AUDIENCES.includes(audience)) throw new Error(`--audience must be one of ${CASE_STUDY_AUDIENCES.join(', ')}; got "${options.audience}"`);
    const request = { frameworkId: options.framework, asOf: options.asOf, knownAt: options.knownAt, audience };
    if (options.all) {
      if (!options.outDir) throw new Error('say where to write the reports: coprod report case-study --all --out-dir DIR');
      const projects = await this.queryBus.execute(new ListProjects());
      const bar = new SingleBar({ format: 'case studies [{bar}] {value}/{total} {project}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 });
      bar.start(projects.length, 0, { project: '' });
      for (const project of projects) {
        const report = await this.reports.caseStudy(project.projectId, request, format, FROM_THE_CLI);
        this.logRead(project.projectId, audience);
        save(join(options.outDir, report.fileName), report);
        bar.increment(1, { project: project.projectId });
      }
      bar.stop();
      console.log(`${projects.length} case studies written to ${resolve(options.outDir)}`);
      return;
    }
    if (!options.project) throw new Error('name the project: coprod report case-study --project <project id> --out FILE (or --all --out-dir DIR)');
    const out = requireOut(options, 'coprod report case-study --project <project id> --out FILE');
    const report = await this.reports.caseStudy(options.project, request, format, FROM_THE_CLI);
    this.logRead(options.project, audience);
    console.log(`case study of ${options.project} written to ${save(out, report)} (${report.body.length} bytes)`);
  }

  @Option({ flags: '--project <id>', description: 'project id' })
  parseProject(value: string): string {
    return value;
  }

  @Option({ flags: '--audience <audience>', description: 'public (default) or internal_evaluation: decides which quotes consent allows' })
  parseAudience(value: string): string {
    return value;
  }

  @Option({ flags: '--all', description: 'every project, one file each, into --out-dir' })
  parseAll(): boolean {
    return true;
  }

  @Option({ flags: '--out-dir <dir>', description: 'folder for --all' })
  parseOutDir(value: string): string {
    return value;
  }
}

@SubCommand({ name: 'easy-read', description: "An Easy Read summary of a project's public case study: coprod report easy-read --project ID [--format pdf|html] --out FILE" })
export class EasyReadReportCommand extends ReportSubcommand {
  constructor(private readonly reports: ReportService) {
    super();
  }

  async run(_: string[], options: CommonOptions & { project?: string }): Promise<void> {
    const format = options.format ?? 'pdf';
    if (format !== 'pdf' && format !== 'html') throw new Error(`the Easy Read summary is made as pdf or html; got --format "${options.format}"`);
    if (!options.project) throw new Error('name the project: coprod report easy-read --project <project id> --out FILE');
    const out = requireOut(options, 'coprod report easy-read --project <project id> --out FILE');
    const report = await this.reports.easyRead(options.project, { frameworkId: options.framework, asOf: options.asOf, knownAt: options.knownAt }, format);
    console.log(`Easy Read summary of ${options.project} written to ${save(out, report)} (${report.body.length} bytes)`);
  }

  @Option({ flags: '--project <id>', description: 'project id' })
  parseProject(value: string): string {
    return value;
  }
}

@SubCommand({ name: 'committee', description: 'How co-production shaped one decision, for a committee paper: coprod report committee --decision ID --out FILE' })
export class CommitteeReportCommand extends ReportSubcommand {
  constructor(private readonly reports: ReportService) {
    super();
  }

  async run(_: string[], options: CommonOptions & { decision?: string }): Promise<void> {
    const format = formatOf(options);
    if (!options.decision) throw new Error('name the decision: coprod report committee --decision <decision id> --out FILE');
    const out = requireOut(options, 'coprod report committee --decision <decision id> --out FILE');
    const clocks = { frameworkId: options.framework, asOf: options.asOf, knownAt: options.knownAt };
    const report = await this.reports.committee(options.decision, clocks, format, FROM_THE_CLI);
    console.log(`committee extract for ${options.decision} written to ${save(out, report)} (${report.body.length} bytes)`);
  }

  @Option({ flags: '--decision <id>', description: 'decision id' })
  parseDecision(value: string): string {
    return value;
  }
}

@SubCommand({ name: 'history', description: 'Audit history: coprod report history (--project|--decision|--claim|--participant) ID --out FILE' })
export class HistoryReportCommand extends ReportSubcommand {
  constructor(private readonly reports: ReportService) {
    super();
  }

  async run(_: string[], options: CommonOptions & Partial<Record<(typeof HISTORY_SUBJECT_KINDS)[number], string>>): Promise<void> {
    const format = formatOf(options);
    const named = HISTORY_SUBJECT_KINDS.filter((kind) => options[kind] !== undefined);
    if (named.length !== 1) throw new Error(`name exactly one subject: coprod report history (${HISTORY_SUBJECT_KINDS.map((k) => `--${k}`).join('|')}) ID --out FILE`);
    const kind = named[0];
    const out = requireOut(options, `coprod report history --${kind} ${options[kind]} --out FILE`);
    const report = await this.reports.auditHistory(kind, options[kind]!, { knownAt: options.knownAt }, format);
    console.log(`history of ${kind} ${options[kind]} written to ${save(out, report)} (${report.body.length} bytes)`);
  }

  @Option({ flags: '--project <id>', description: 'a project' })
  parseProject(value: string): string {
    return value;
  }

  @Option({ flags: '--decision <id>', description: 'a decision' })
  parseDecision(value: string): string {
    return value;
  }

  @Option({ flags: '--claim <id>', description: 'an expense claim' })
  parseClaim(value: string): string {
    return value;
  }

  @Option({ flags: '--participant <id>', description: 'a participant' })
  parseParticipant(value: string): string {
    return value;
  }
}

@Command({
  name: 'report',
  description: 'Produce a report from the record: case-study, easy-read, committee or history (coprod report <kind> --help)',
  subCommands: [CaseStudyReportCommand, EasyReadReportCommand, CommitteeReportCommand, HistoryReportCommand],
})
export class ReportCommand extends CommandRunner {
  async run(): Promise<void> {
    throw new Error('name the report: coprod report case-study|easy-read|committee|history ... (coprod report case-study --help)');
  }
}
