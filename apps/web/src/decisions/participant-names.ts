import { Inject, Injectable } from '@nestjs/common';
import { PERSONAL_DATA_PROTECTOR, PersonalDataProtector } from '@coprod/application';
import { EVENT_STORE, EventStore } from '@coprod/event-store';
import { can } from '@coprod/privacy';
import { RequestActor } from '../../../api/src/http/request-actor';

/** What a page may say about a participant: their name only to roles allowed to read personal details. */
export interface ParticipantName {
  participantId: string;
  /** Their name, or null when it is not shown. */
  name: string | null;
  erased: boolean;
}

/**
 * Opens participants' names for someone allowed to read personal details (read_personal), from the
 * participant's own record; everyone else gets the participant id alone.
 */
@Injectable()
export class ParticipantNames {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_PROTECTOR) private readonly protector: PersonalDataProtector,
  ) {}

  /** Whether this person sees names. */
  shown(actor: RequestActor): boolean {
    return can(actor.role, 'read_personal');
  }

  async of(actor: RequestActor, participantIds: readonly string[]): Promise<Map<string, ParticipantName>> {
    const names = new Map<string, ParticipantName>();
    for (const participantId of new Set(participantIds)) {
      names.set(participantId, this.shown(actor) ? await this.opened(participantId) : { participantId, name: null, erased: false });
    }
    return names;
  }

  private async opened(participantId: string): Promise<ParticipantName> {
    let name: string | null = null;
    let erased = false;
    for (const event of await this.store.readStream(`participant-${participantId}`)) {
      if (event.type === 'ParticipantErased') {
        erased = true;
        name = null;
        continue;
      }
      if (event.type !== 'ParticipantRegistered' && event.type !== 'ParticipantDetailsUpdated') continue;
      const opened = await this.protector.open(event.data as Record<string, unknown>, event.id);
      const fields = (opened.personal as { fields?: { name?: unknown } } | undefined)?.fields;
      if (typeof fields?.name === 'string') name = fields.name;
    }
    return { participantId, name: erased ? null : name, erased };
  }
}
