import { QueryBus } from '@nestjs/cqrs';
import Table from 'cli-table3';
import { Command, CommandRunner, Option } from 'nest-commander';
import { GetProjectOutcomes } from '@coprod/application';
import { IndicatorResult } from '@coprod/frameworks';
import { outcomesBody } from '../../../api/src/outcomes/outcomes.controller';

interface OutcomesOptions {
  project: string;
  framework?: string;
  asOf?: string;
  knownAt?: string;
  json?: boolean;
}

@Command({ name: 'outcomes', description: "Show a project's outcome figures: coprod outcomes --project ID [--framework ID] [--as-of DATE] [--known-at POSITION|DATE] [--json]" })
export class OutcomesCommand extends CommandRunner {
  constructor(private readonly queryBus: QueryBus) {
    super();
  }

  async run(_: string[], options: OutcomesOptions): Promise<void> {
    if (!options.project) throw new Error('name the project: coprod outcomes --project <project id>');
    const result = await this.queryBus.execute(
      new GetProjectOutcomes({ projectId: options.project, frameworkId: options.framework, asOf: options.asOf, knownAt: options.knownAt, now: new Date().toISOString() }),
    );
    const body = outcomesBody(result);
    if (options.json) {
      console.log(JSON.stringify(body, null, 2));
      return;
    }
    console.log(`${body.project?.title} — ${body.framework.name} (version ${body.framework.version})`);
    console.log(`as of ${body.clocks.asOf}, as known at ${body.clocks.knownAt}; ${body.clocks.eventCount} events up to position ${body.clocks.lastPositionIncluded}`);
    console.log(`provenance digest ${body.clocks.provenanceDigest}`);
    for (const outcome of body.outcomes) {
      const table = new Table({ head: ['Indicator', 'Value', 'n', 'What it shows'], colWidths: [34, 10, 6, 70], wordWrap: true });
      for (const indicator of outcome.indicators) table.push([indicator.title, formatValue(indicator), String(indicator.n), indicator.statement]);
      console.log(`\nOutcome ${outcome.number}: ${outcome.title}${outcome.tailoredWording ? `\n  For this project: ${outcome.tailoredWording}` : ''}`);
      console.log(table.toString());
    }
  }

  @Option({ flags: '--project <id>', description: 'project id' })
  parseProject(value: string): string {
    return value;
  }

  @Option({ flags: '--framework <id>', description: "framework to report against (default: the project's own)" })
  parseFramework(value: string): string {
    return value;
  }

  @Option({ flags: '--as-of <date>', description: 'what had happened by this date (by when it happened)' })
  parseAsOf(value: string): string {
    return value;
  }

  @Option({ flags: '--known-at <position|date>', description: 'as recorded up to this global position or date' })
  parseKnownAt(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print JSON instead of tables' })
  parseJson(): boolean {
    return true;
  }
}

function formatValue(indicator: IndicatorResult): string {
  if (indicator.value === null) return '—';
  if (indicator.unit === 'pence') return `£${(indicator.value / 100).toFixed(2)}`;
  if (indicator.unit === 'percent') return `${indicator.value}%`;
  return String(indicator.value);
}
