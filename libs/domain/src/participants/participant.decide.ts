import { Command, PersonalData } from '../core/event';
import { conflict, notFound, ruleBroken } from '../core/errors';
import { Format, FORMATS, ParticipantRole, PARTICIPANT_ROLES } from '../core/vocabulary';
import { ParticipantDetails, ParticipantEvent, ParticipantState } from './participant';

export type RegisterParticipant = Command<
  'RegisterParticipant',
  {
    participantId: string;
    role: ParticipantRole;
    seldomHeardGroups: string[];
    preferredFormats: Format[];
    personal: PersonalData<ParticipantDetails>;
    /** The organisation a voluntary or community organisation representative speaks for (e.g. Healthwatch). */
    organisation?: string | null;
  }
>;
/**
 * `organisation`: omitted keeps the one recorded (while the role stays a representative's), null
 * removes it, text replaces it, so a profile update that is not about the organisation never loses it.
 */
export type UpdateParticipantProfile = Command<
  'UpdateParticipantProfile',
  {
    participantId: string;
    role: ParticipantRole;
    seldomHeardGroups: string[];
    preferredFormats: Format[];
    reason: string;
    organisation?: string | null;
  }
>;
export type UpdateParticipantDetails = Command<'UpdateParticipantDetails', { participantId: string; personal: PersonalData<ParticipantDetails> }>;
/** Dated by the clock of whoever handles it (`metadata.now`), never by the caller. */
export type EraseParticipant = Command<'EraseParticipant', { participantId: string; reason: string }>;

export type ParticipantCommand = RegisterParticipant | UpdateParticipantProfile | UpdateParticipantDetails | EraseParticipant;

export function decideParticipant(command: ParticipantCommand, state: ParticipantState): ParticipantEvent[] {
  if (state.status === 'erased') {
    throw conflict(
      'participant.erased',
      `participant ${state.participantId} was erased on ${state.erasedOn}; nothing more can be recorded about them`,
    );
  }
  if (command.type === 'RegisterParticipant') return register(command, state);
  const participant = activeParticipant(state, command.data.participantId);
  switch (command.type) {
    case 'UpdateParticipantProfile':
      return updateProfile(command, participant);
    case 'UpdateParticipantDetails':
      checkPersonal(command.data.participantId, command.data.personal);
      return [{ type: 'ParticipantDetailsUpdated', data: { ...command.data } }];
    case 'EraseParticipant':
      requireReason(command.data.reason, 'an erasure');
      return [{ type: 'ParticipantErased', data: { ...command.data, erasedOn: command.metadata.now }, occurredAt: command.metadata.now }];
    default: {
      const unexpected: never = command;
      throw new Error(`unknown participant command ${(unexpected as Command).type}`);
    }
  }
}

type ActiveParticipant = Extract<ParticipantState, { status: 'active' }>;

function activeParticipant(state: Exclude<ParticipantState, { status: 'erased' }>, participantId: string): ActiveParticipant {
  if (state.status === 'unregistered') {
    throw notFound('participant.not_found', `participant ${participantId} does not exist; register them first`);
  }
  return state;
}

function updateProfile(command: UpdateParticipantProfile, participant: ActiveParticipant): ParticipantEvent[] {
  checkProfile(command.data);
  requireReason(command.data.reason, 'a profile update');
  const { organisation: given, ...data } = command.data;
  const representative = data.role === 'community_organisation_rep';
  if (typeof given === 'string') checkOrganisation(data.participantId, data.role, given, 'updated to');
  const organisation = typeof given === 'string' ? given.trim() : given === null ? null : participant.organisation;
  // Anyone but a representative has no organisation, which an update without the key already says.
  if (!representative) return [{ type: 'ParticipantProfileUpdated', data }];
  return [{ type: 'ParticipantProfileUpdated', data: { ...data, organisation } }];
}

/** Only a voluntary or community organisation representative speaks for an organisation, and it has a name. */
function checkOrganisation(participantId: string, role: ParticipantRole, organisation: string, as: 'registered as' | 'updated to'): void {
  if (role !== 'community_organisation_rep') {
    throw ruleBroken(
      'participant.organisation_for_representatives',
      `participant ${participantId} is ${as} ${role}; only a voluntary or community organisation representative speaks for an organisation`,
    );
  }
  if (organisation.trim() === '')
    throw ruleBroken('participant.organisation_empty', `the organisation of participant ${participantId} is empty; name it, or leave it out`);
}

function register(command: RegisterParticipant, state: ParticipantState): ParticipantEvent[] {
  if (state.status !== 'unregistered') {
    throw conflict(
      'participant.already_registered',
      `participant ${command.data.participantId} is already registered; update their profile or details instead`,
    );
  }
  checkProfile(command.data);
  checkPersonal(command.data.participantId, command.data.personal);
  const { organisation, ...data } = command.data;
  if (organisation === undefined || organisation === null) return [{ type: 'ParticipantRegistered', data }];
  checkOrganisation(command.data.participantId, command.data.role, organisation, 'registered as');
  return [{ type: 'ParticipantRegistered', data: { ...data, organisation: organisation.trim() } }];
}

function checkProfile(profile: { role: string; preferredFormats: readonly string[] }): void {
  if (!(PARTICIPANT_ROLES as readonly string[]).includes(profile.role)) {
    throw ruleBroken('participant.unknown_role', `role "${profile.role}" is not one of ${PARTICIPANT_ROLES.join(', ')}`);
  }
  const unknown = profile.preferredFormats.filter((format) => !(FORMATS as readonly string[]).includes(format));
  if (unknown.length > 0) {
    throw ruleBroken('participant.unknown_format', `preferred format ${unknown.join(', ')} is not one of ${FORMATS.join(', ')}`);
  }
}

function checkPersonal(participantId: string, personal: PersonalData<ParticipantDetails>): void {
  if (personal.subjectId !== participantId) {
    throw ruleBroken(
      'participant.personal_data_subject',
      `personal data is about ${personal.subjectId} but the participant is ${participantId}; a person's details must be about them`,
    );
  }
  if (!personal.fields?.name?.trim()) {
    throw ruleBroken('participant.name_missing', `participant ${participantId} needs a name (it is kept encrypted and erased on request)`);
  }
}

function requireReason(reason: string, what: string): void {
  if (reason.trim() === '') throw ruleBroken('participant.reason_missing', `${what} needs a reason for the audit trail`);
}
