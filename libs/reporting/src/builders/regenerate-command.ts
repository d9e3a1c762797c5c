/** The output formats every report can be rendered in. */
export type ReportFormat = 'pdf' | 'html' | 'md' | 'docx';

/** The formats, in the order the command line offers them. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'html', 'md', 'docx'];

/** Quotes a command-line argument only where the shell needs it. */
function arg(value: string): string {
  return /^[A-Za-z0-9_./:+-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The exact `coprod report ...` command that produces a report again: the subcommand and its
 * options in a fixed order, with both clocks pinned to what this report used.
 */
export function regenerateCommand(subcommand: 'case-study' | 'committee' | 'history' | 'easy-read', options: [string, string | undefined][], format: ReportFormat, out: string): string {
  const given = options.filter((pair): pair is [string, string] => pair[1] !== undefined).map(([name, value]) => `--${name} ${arg(value)}`);
  return ['coprod report', subcommand, ...given, `--format ${format}`, `--out ${arg(out)}`].join(' ');
}
