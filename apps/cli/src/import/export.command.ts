import { Inject } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '@coprod/application';
import { FiguresExport, RecordExport, SpreadsheetFormat } from '@coprod/application/import';
import { assertPermitted } from '@coprod/privacy/access/permissions';

interface ExportOptions {
  project?: string;
  format?: string;
  out?: string;
  anonymised?: boolean;
}

const FORMATS: readonly SpreadsheetFormat[] = ['csv', 'xlsx'];

@Command({
  name: 'export',
  arguments: '<what>',
  description:
    "Export to a spreadsheet: coprod export figures --project ID --format csv|xlsx (the public report's figures, with n), or coprod export record --anonymised (open data: events without personal data)",
})
export class ExportCommand extends CommandRunner {
  constructor(
    private readonly figures: FiguresExport,
    private readonly record: RecordExport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run([what]: string[], options: ExportOptions): Promise<void> {
    const format = (options.format ?? 'xlsx') as SpreadsheetFormat;
    if (!FORMATS.includes(format)) throw new Error(`--format must be csv or xlsx; got "${options.format}"`);
    const actor = this.config.localActor ?? { id: 'cli', role: 'administrator' };
    assertPermitted(actor, 'read_figures');
    let file;
    if (what === 'figures') {
      if (!options.project) throw new Error('say which project: coprod export figures --project ID --format csv|xlsx');
      file = await this.figures.export(options.project, format, { actor, source: 'cli' });
    } else if (what === 'record') {
      if (!options.anonymised)
        throw new Error('the record is exported only without personal data: coprod export record --anonymised [--project ID] --format csv|xlsx');
      file = await this.record.export(format, { projectId: options.project });
    } else {
      throw new Error(`cannot export "${what}": say figures or record`);
    }
    const path = resolve(options.out ?? file.fileName);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.body);
    console.log(`wrote ${path}`);
  }

  @Option({ flags: '--project <id>', description: "the project (figures: required; record: only this project's events)" })
  parseProject(value: string): string {
    return value;
  }

  @Option({ flags: '--format <csv|xlsx>', description: 'csv or xlsx (default)' })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'file to write (default: figures-PROJECT.FORMAT or record-anonymised.FORMAT)' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--anonymised', description: 'the record without personal data (the only way it is exported)' })
  parseAnonymised(): boolean {
    return true;
  }
}
