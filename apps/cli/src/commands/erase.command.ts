import { Inject } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Command, CommandRunner, Option } from 'nest-commander';
import { APP_CONFIG, AppConfig, HandleDomainCommand } from '@coprod/application';
import { KEY_STORE, KeyStore } from '@coprod/privacy';

@Command({ name: 'erase', arguments: '<participantId>', description: "Erase a participant: record ParticipantErased (free of personal data) and destroy their key, so their personal data can never be read again" })
export class EraseCommand extends CommandRunner {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async run([participantId]: string[], options: { reason?: string }): Promise<void> {
    const now = new Date().toISOString();
    const actor = this.config.localActor ?? { id: 'cli', role: 'administrator' };
    await this.commandBus.execute(
      new HandleDomainCommand(
        { type: 'EraseParticipant', data: { participantId, erasedOn: now, reason: options.reason ?? 'erasure requested by the participant' }, metadata: { commandId: randomUUID(), now, actor } },
        { source: 'cli', correlationId: randomUUID() },
      ),
    );
    const destroyed = await this.keys.destroyKey(participantId);
    console.log(`participant ${participantId} erased: ${destroyed ? 'their key was destroyed' : 'no key was held'}; figures and hours still count them, their words and details are gone`);
  }

  @Option({ flags: '--reason <text>', description: 'why (recorded on the event)' })
  parseReason(value: string): string {
    return value;
  }
}
