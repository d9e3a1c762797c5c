import { Event, PersonalData } from '../core/event';
import { Format, ParticipantRole } from '../core/vocabulary';

/** What a participant tells us about themselves: encrypted under their own key, destroyed on erasure. */
export type ParticipantDetails = { name: string; email?: string; phone?: string; postcode?: string; accessNeeds?: string };

export type ParticipantRegistered = Event<
  'ParticipantRegistered',
  {
    participantId: string;
    role: ParticipantRole;
    seldomHeardGroups: string[];
    preferredFormats: Format[];
    personal: PersonalData<ParticipantDetails>;
    /** The organisation a community organisation representative speaks for; an organisation, not personal data. */
    organisation?: string | null;
  }
>;
export type ParticipantProfileUpdated = Event<
  'ParticipantProfileUpdated',
  { participantId: string; role: ParticipantRole; seldomHeardGroups: string[]; preferredFormats: Format[]; reason: string }
>;
export type ParticipantDetailsUpdated = Event<
  'ParticipantDetailsUpdated',
  { participantId: string; personal: PersonalData<ParticipantDetails> }
>;
/** Carries no personal data: the person's key is destroyed, their earlier events stay verifiable. */
export type ParticipantErased = Event<'ParticipantErased', { participantId: string; erasedOn: string; reason: string }>;

export type ParticipantEvent = ParticipantRegistered | ParticipantProfileUpdated | ParticipantDetailsUpdated | ParticipantErased;

export type ParticipantState =
  | { status: 'unregistered' }
  | {
      status: 'active';
      participantId: string;
      role: ParticipantRole;
      seldomHeardGroups: string[];
      preferredFormats: Format[];
    }
  | { status: 'erased'; participantId: string; erasedOn: string };

export const initialParticipantState = (): ParticipantState => ({ status: 'unregistered' });

/** Never reads `personal.fields`: they are absent once the person has been erased. */
export function evolveParticipant(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  switch (event.type) {
    case 'ParticipantRegistered':
    case 'ParticipantProfileUpdated':
      if (state.status === 'erased') return state;
      return {
        status: 'active',
        participantId: event.data.participantId,
        role: event.data.role,
        seldomHeardGroups: [...event.data.seldomHeardGroups],
        preferredFormats: [...event.data.preferredFormats],
      };
    case 'ParticipantDetailsUpdated':
      return state;
    case 'ParticipantErased':
      return { status: 'erased', participantId: event.data.participantId, erasedOn: event.data.erasedOn };
    default: {
      // Events this aggregate does not know (a correction sharing the stream) leave it unchanged.
      const ignored: never = event;
      void ignored;
      return state;
    }
  }
}
