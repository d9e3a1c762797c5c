import { chmodSync, writeFileSync } from 'node:fs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { Inject } from '@nestjs/common';
import { AccessLog, APP_CONFIG, AppConfig, SubjectAccess } from '@coprod/application';

interface SubjectAccessOptions {
  out?: string;
  json?: boolean;
}

@Command({
  name: 'subject-access',
  arguments: '<participantId>',
  description: 'Export everything held about one participant (their details opened, where their words were used) as Markdown, or JSON with --json',
})
export class SubjectAccessCommand extends CommandRunner {
  constructor(
    private readonly subjectAccess: SubjectAccess,
    private readonly accessLog: AccessLog,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run([participantId]: string[], options: SubjectAccessOptions): Promise<void> {
    const exported = await this.subjectAccess.export(participantId);
    const actor = this.config.localActor!;
    this.accessLog.record({
      actorId: actor.id,
      actorRole: actor.role,
      what: 'subject access',
      subject: participantId,
      route: 'coprod subject-access',
    });
    const text = options.json ? `${JSON.stringify(exported.json, null, 2)}\n` : exported.markdown;
    if (!options.out) {
      process.stdout.write(text);
      return;
    }
    // The file holds the person's details in the clear: readable by its owner only.
    writeFileSync(options.out, text, { mode: 0o600 });
    chmodSync(options.out, 0o600);
    console.log(
      `subject access export for ${participantId}: ${exported.json.events.length} events, ${exported.json.quotes.length} quotes, written to ${options.out}`,
    );
  }

  @Option({ flags: '--out <file>', description: 'write the export to this file (readable by you only) instead of printing it' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'the JSON twin instead of Markdown' })
  parseJson(): boolean {
    return true;
  }
}
