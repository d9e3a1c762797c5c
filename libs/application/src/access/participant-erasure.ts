import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { KEY_STORE, KeyStore } from '@coprod/privacy/keys/key-store.port';
import { CommandResult } from '../commands/command-result';
import { HandleDomainCommand } from '../commands/handle-domain-command';
import { READ_MODELS, ReadModels } from '../read-models/read-models';

/** Who asked for an erasure, why, and through which channel. */
export interface ErasureRequest {
  participantId: string;
  reason?: string;
  actor: { id: string; role: string };
  source: string;
  /** A repeated id records nothing twice. */
  commandId?: string;
  correlationId?: string;
}

/** What an erasure did. */
export interface ErasureResult {
  participantId: string;
  erasedOn: string;
  eventIds: string[];
  position: number;
  /** False when no key was held any more (an earlier erasure already destroyed it). */
  keyDestroyed: boolean;
}

const DEFAULT_REASON = 'erasure requested by the participant';

/**
 * Erases a participant on the append-only log: records ParticipantErased (which holds no personal
 * data), then destroys their key, so every sealed field about them can never be opened again while
 * the chain still verifies and every figure still counts them. Used by the API and the CLI.
 */
@Injectable()
export class ParticipantErasure {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
    @Inject(READ_MODELS) private readonly readModels: ReadModels,
  ) {}

  async erase(request: ErasureRequest): Promise<ErasureResult> {
    const commandId = request.commandId ?? randomUUID();
    const now = new Date().toISOString();
    const heldKey = (await this.keys.getKey(request.participantId)) !== undefined;
    // The command path records ParticipantErased and then destroys the key, whichever route asked.
    const result: CommandResult = await this.commandBus.execute(
      new HandleDomainCommand(
        {
          type: 'EraseParticipant',
          data: { participantId: request.participantId, reason: request.reason?.trim() || DEFAULT_REASON },
          metadata: { commandId, now, actor: { id: request.actor.id, role: request.actor.role } },
        },
        { source: request.source, correlationId: request.correlationId ?? commandId },
      ),
    );
    await this.readModels.runtime.waitFor(result.position).catch(() => undefined);
    const keyDestroyed = heldKey && (await this.keys.isDestroyed(request.participantId));
    return { participantId: request.participantId, erasedOn: now, eventIds: result.eventIds, position: result.position, keyDestroyed };
  }
}
