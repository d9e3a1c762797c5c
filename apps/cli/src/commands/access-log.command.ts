import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { AccessLog, APP_CONFIG, AppConfig } from '@coprod/application';
import { assertPermitted } from '@coprod/privacy/access/permissions';

interface AccessLogOptions {
  since?: string;
  subject?: string;
  json?: boolean;
}

@Command({
  name: 'access-log',
  description:
    'Who read personal data (subject access, participant details, internal-audience reports), when and by which route: coprod access-log [--since DATE] [--subject ID] [--json]',
})
export class AccessLogCommand extends CommandRunner {
  constructor(
    private readonly log: AccessLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run(_: string[], options: AccessLogOptions): Promise<void> {
    // The same permission as GET /api/access-log: the auditor's and the administrator's.
    assertPermitted(this.config.localActor!, 'read_access_log');
    if (options.since !== undefined && Number.isNaN(Date.parse(options.since)))
      throw new Error(`--since must be a date such as 2026-05-01, got "${options.since}"`);
    const entries = this.log.list({ since: options.since, subject: options.subject });
    if (options.json) {
      console.log(JSON.stringify(entries, null, 2));
      return;
    }
    if (entries.length === 0) {
      console.log('no reads of personal data are logged' + (options.since ? ` since ${options.since}` : ''));
      return;
    }
    for (const entry of entries)
      console.log(`${entry.at}  ${entry.actorId} (${entry.actorRole})  ${entry.what} of ${entry.subject}  via ${entry.route}`);
  }

  @Option({ flags: '--since <date>', description: 'only reads at or after this date or instant' })
  parseSince(value: string): string {
    return value;
  }

  @Option({ flags: '--subject <id>', description: 'only reads of this participant (or project, for reports)' })
  parseSubject(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print JSON' })
  parseJson(): boolean {
    return true;
  }
}
