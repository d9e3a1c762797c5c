import { Inject } from '@nestjs/common';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option } from 'nest-commander';
import { APP_CONFIG, AppConfig } from '@coprod/application';
import {
  IMPORT_KINDS,
  ImportKind,
  ImportPlan,
  ImportProgress,
  ImportRefused,
  ImportService,
  importTemplates,
  parseSurveyMapping,
} from '@coprod/application/import';
import { checkCommandDto } from './command-dto-check';

interface ImportOptions {
  project?: string;
  activity?: string;
  dryRun?: boolean;
  mapping?: string;
  source?: string;
  outDir?: string;
}

/** Files longer than this show a progress bar. */
const PROGRESS_FROM_ROWS = 200;

@Command({
  name: 'import',
  arguments: '<kind> [file]',
  description: `Import a CSV or XLSX file through the same commands as the API: coprod import ${IMPORT_KINDS.join('|')} FILE --project ID [--activity ID] [--dry-run]; coprod import templates --out-dir DIR writes a template of each`,
})
export class ImportCommand extends CommandRunner {
  constructor(
    private readonly imports: ImportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run([kind, file]: string[], options: ImportOptions): Promise<void> {
    if (kind === 'templates') return this.templates(options);
    if (!(IMPORT_KINDS as readonly string[]).includes(kind))
      throw new Error(`cannot import "${kind}": the kinds are ${IMPORT_KINDS.join(', ')} (or "templates" to write the templates)`);
    if (!file) throw new Error(`say which file to import: coprod import ${kind} FILE --project ID`);
    if (!options.project) throw new Error(`say which project the file is for: coprod import ${kind} ${file} --project ID`);
    const source = options.source ?? 'import';
    if (source !== 'import' && source !== 'paper') throw new Error(`--source must be import or paper; got "${options.source}"`);
    const actor = this.config.localActor ?? { id: 'cli', role: 'administrator' };
    const bytes = readFileSync(resolve(file));
    const bar = new SingleBar({ format: '{phase} [{bar}] {value}/{total} rows', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 });
    let shown = false;
    const progress: ImportProgress = (phase, done, total) => {
      if (total < PROGRESS_FROM_ROWS) return;
      if (!shown) {
        bar.start(total, done, { phase });
        shown = true;
      }
      bar.setTotal(total);
      bar.update(done, { phase });
    };
    const plan = await this.imports.plan(
      {
        kind: kind as ImportKind,
        bytes,
        fileName: basename(file),
        target: { projectId: options.project, ...(options.activity ? { activityId: options.activity } : {}) },
        actor,
        source,
        mapping: options.mapping ? parseSurveyMapping(readFileSync(resolve(options.mapping), 'utf8')) : undefined,
      },
      checkCommandDto,
      progress,
    );
    if (plan.errors.length > 0) {
      if (shown) bar.stop();
      throw new ImportRefused(plan.fileName, plan.errors);
    }
    if (options.dryRun) {
      if (shown) bar.stop();
      console.log(`${summary(plan)}; dry run: nothing was recorded`);
      return;
    }
    const outcome = await this.imports.record(plan, actor, progress);
    if (shown) bar.stop();
    console.log(`${summary(plan)}; recorded ${outcome.recorded} rows (${outcome.events} events), ${outcome.alreadyImported} already imported before`);
  }

  private async templates(options: ImportOptions): Promise<void> {
    if (!options.outDir) throw new Error('say where to write the templates: coprod import templates --out-dir DIR');
    const dir = resolve(options.outDir);
    mkdirSync(dir, { recursive: true });
    const files = await importTemplates();
    for (const file of files) writeFileSync(join(dir, file.fileName), file.body);
    console.log(`wrote ${files.length} files to ${dir}: ${files.map((f) => f.fileName).join(', ')}`);
  }

  @Option({ flags: '--project <id>', description: 'the project the rows belong to' })
  parseProject(value: string): string {
    return value;
  }

  @Option({ flags: '--activity <id>', description: 'the session a register is for (and the session of every expense claim without its own)' })
  parseActivity(value: string): string {
    return value;
  }

  @Option({ flags: '--dry-run', description: 'check the whole file and say what it would record; record nothing' })
  parseDryRun(): boolean {
    return true;
  }

  @Option({ flags: '--mapping <file>', description: 'for a survey export (Microsoft Forms): a JSON file saying which column is which survey item' })
  parseMapping(value: string): string {
    return value;
  }

  @Option({
    flags: '--source <import|paper>',
    description: 'where the rows came from: import (a spreadsheet, default) or paper (typed up from paper sheets)',
  })
  parseSource(value: string): string {
    return value;
  }

  @Option({ flags: '--out-dir <dir>', description: 'where `import templates` writes the templates' })
  parseOutDir(value: string): string {
    return value;
  }
}

function summary(plan: ImportPlan): string {
  const fresh = plan.rows.filter((r) => !r.alreadyImported).length;
  return `${plan.fileName} (${plan.encoding}, sha256 ${plan.sha256.slice(0, 12)}…): ${plan.rows.length} rows valid, ${fresh} new`;
}
