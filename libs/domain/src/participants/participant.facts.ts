import { Fact, FactFold } from '../core/fact';
import { organisationAfter, ParticipantEvent } from './participant';

/** A person as figures count them: never their personal details. */
export interface ParticipantFact {
  participantId: string;
  role: string;
  groups: string[];
  formats: string[];
  /** The organisation a community organisation representative speaks for, or null. Never a figure: with a role it can name someone. */
  organisation: string | null;
  erased: boolean;
  eventIds: string[];
}

export interface ParticipantFacts {
  participants: Map<string, ParticipantFact>;
}

export const participantFacts: FactFold<ParticipantEvent, ParticipantFacts> = {
  empty: () => ({ participants: new Map() }),
  eventTypes: { ParticipantRegistered: true, ParticipantProfileUpdated: true, ParticipantDetailsUpdated: true, ParticipantErased: true },
  apply(f: ParticipantFacts, e: Fact<ParticipantEvent>): void {
    switch (e.type) {
      case 'ParticipantRegistered':
      case 'ParticipantProfileUpdated': {
        const existing = f.participants.get(e.data.participantId);
        f.participants.set(e.data.participantId, {
          participantId: e.data.participantId,
          role: e.data.role ?? existing?.role,
          groups: e.data.seldomHeardGroups ?? existing?.groups ?? [],
          formats: e.data.preferredFormats ?? existing?.formats ?? [],
          organisation: organisationAfter(existing?.organisation ?? null, e),
          erased: existing?.erased ?? false,
          eventIds: [...(existing?.eventIds ?? []), e.eventId],
        });
        return;
      }
      case 'ParticipantDetailsUpdated':
        // Personal details are never a figure.
        return;
      case 'ParticipantErased': {
        const existing = f.participants.get(e.data.participantId);
        if (existing) existing.erased = true;
        return;
      }
      default: {
        const unexpected: never = e;
        void unexpected;
      }
    }
  },
};
