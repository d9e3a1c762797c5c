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
/**
 * `organisation` is the organisation the person speaks for after the update, null for none. Updates
 * recorded before it was carried have no `organisation`: theirs is the one registered, kept only while the role is a representative's.
 */
export type ParticipantProfileUpdated = Event<
  'ParticipantProfileUpdated',
  {
    participantId: string;
    role: ParticipantRole;
    seldomHeardGroups: string[];
    preferredFormats: Format[];
    reason: string;
    organisation?: string | null;
  }
>;
export type ParticipantDetailsUpdated = Event<'ParticipantDetailsUpdated', { participantId: string; personal: PersonalData<ParticipantDetails> }>;
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
      organisation: string | null;
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
        organisation: organisationAfter(state.status === 'active' ? state.organisation : null, event),
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

/**
 * The organisation a person speaks for after a registration or profile update: the one the event
 * names, else (an update recorded before updates carried it) the one before, kept while the role is a representative's.
 */
export function organisationAfter(
  before: string | null,
  event: Pick<ParticipantRegistered | ParticipantProfileUpdated, 'type' | 'data'>,
): string | null {
  if (event.data.organisation !== undefined) return event.data.organisation;
  if (event.type === 'ParticipantRegistered' || event.data.role !== 'community_organisation_rep') return null;
  return before;
}
