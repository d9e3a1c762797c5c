import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadDefinitionFor, type ReportDefinition, type ReportKind } from '@coprod/reporting';

/** Environment variable naming a council's own folder of report definitions. */
export const REPORTS_DIR_ENV = 'COPROD_REPORTS_DIR';

/**
 * The folder of report definitions: the council's own when `COPROD_REPORTS_DIR` is set, otherwise the
 * `reports/` folder shipped with the product, found by walking up from this module (sources or dist/).
 */
export function reportsFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env[REPORTS_DIR_ENV]) return resolve(env[REPORTS_DIR_ENV]);
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'reports', 'case-study.yaml'))) return join(dir, 'reports');
    if (dirname(dir) === dir) throw new Error(`cannot find the reports/ folder of report definitions above ${__dirname}; set ${REPORTS_DIR_ENV} or reinstall the product`);
  }
}

/** Reads the definition of one report kind; read on every report, so edits apply without a restart. */
export function reportDefinition(kind: ReportKind): ReportDefinition {
  return loadDefinitionFor(kind, reportsFolder());
}
