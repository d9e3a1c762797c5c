import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { APP_CONFIG, AppConfig, ParticipantErasure } from '@coprod/application';

@Command({ name: 'erase', arguments: '<participantId>', description: "Erase a participant: record ParticipantErased (free of personal data) and destroy their key, so their personal data can never be read again" })
export class EraseCommand extends CommandRunner {
  constructor(
    private readonly erasure: ParticipantErasure,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run([participantId]: string[], options: { reason?: string }): Promise<void> {
    const actor = this.config.localActor ?? { id: 'cli', role: 'administrator' };
    const { keyDestroyed } = await this.erasure.erase({ participantId, reason: options.reason, actor, source: 'cli' });
    console.log(`participant ${participantId} erased: ${keyDestroyed ? 'their key was destroyed' : 'no key was held'}; figures and hours still count them, their words and details are gone`);
  }

  @Option({ flags: '--reason <text>', description: 'why (recorded on the event)' })
  parseReason(value: string): string {
    return value;
  }
}
