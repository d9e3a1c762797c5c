import { command, spec } from '../core/spec';
import { streamName } from '../core/decider';
import { ParticipantErased, ParticipantEvent, ParticipantRegistered } from './participant';
import { ParticipantCommand, RegisterParticipant } from './participant.decide';
import { participantDecider } from './participant.decider';

const given = (events: ParticipantEvent[]) => spec(participantDecider).given(events);

const registration: RegisterParticipant['data'] = {
  participantId: 'p-8',
  role: 'family_member',
  seldomHeardGroups: [],
  preferredFormats: ['online'],
  personal: { subjectId: 'p-8', fields: { name: 'Bryn Evans' } },
};
const registered: ParticipantRegistered = { type: 'ParticipantRegistered', data: registration };
const erased: ParticipantErased = {
  type: 'ParticipantErased',
  data: { participantId: 'p-8', erasedOn: '2026-02-20T09:00:00.000Z', reason: 'Asked' },
};
const register = (data: Record<string, unknown> = {}) => command<ParticipantCommand>('RegisterParticipant', { ...registration, ...data } as never);
const profile = (data: Record<string, unknown> = {}) =>
  command<ParticipantCommand>('UpdateParticipantProfile', {
    participantId: 'p-8',
    role: 'carer',
    seldomHeardGroups: [],
    preferredFormats: [],
    reason: 'Now a carer',
    ...data,
  } as never);
const details = (personal: unknown) => command<ParticipantCommand>('UpdateParticipantDetails', { participantId: 'p-8', personal } as never);
const erase = (reason: string) => command<ParticipantCommand>('EraseParticipant', { participantId: 'p-8', reason });

describe('participant: what is refused, with the code clients see', () => {
  it('refuses a second registration, and anything at all once erased', () => {
    given([registered])
      .when(register())
      .thenRefuses('conflict', 'participant p-8 is already registered; update their profile or details instead', 'participant.already_registered');
    for (const cmd of [register(), profile(), details(registration.personal), erase('again')]) {
      given([registered, erased])
        .when(cmd)
        .thenRefuses(
          'conflict',
          'participant p-8 was erased on 2026-02-20T09:00:00.000Z; nothing more can be recorded about them',
          'participant.erased',
        );
    }
  });

  it('refuses updates and erasure of a person never registered', () => {
    for (const cmd of [profile(), details(registration.personal), erase('x')]) {
      given([]).when(cmd).thenRefuses('not_found', 'participant p-8 does not exist; register them first', 'participant.not_found');
    }
  });

  it('refuses an unknown role or format, on registering and on updating the profile', () => {
    given([])
      .when(register({ role: 'wizard' }))
      .thenRefuses('rule', /^role "wizard" is not one of resident, /, 'participant.unknown_role');
    given([registered])
      .when(profile({ role: 'wizard' }))
      .thenRefuses('rule', /^role "wizard" is not one of/, 'participant.unknown_role');
    given([])
      .when(register({ preferredFormats: ['online', 'carrier_pigeon'] }))
      .thenRefuses('rule', 'preferred format carrier_pigeon is not one of in_person, online, phone, paper, hybrid', 'participant.unknown_format');
  });

  it('refuses details about someone else, or without a name', () => {
    given([])
      .when(register({ personal: { subjectId: 'p-9', fields: { name: 'Bryn Evans' } } }))
      .thenRefuses(
        'rule',
        "personal data is about p-9 but the participant is p-8; a person's details must be about them",
        'participant.personal_data_subject',
      );
    for (const fields of [{ name: ' ' }, {}]) {
      given([registered])
        .when(details({ subjectId: 'p-8', fields }))
        .thenRefuses('rule', 'participant p-8 needs a name (it is kept encrypted and erased on request)', 'participant.name_missing');
    }
  });

  it('refuses a profile update or an erasure without a reason', () => {
    given([registered])
      .when(profile({ reason: ' ' }))
      .thenRefuses('rule', 'a profile update needs a reason for the audit trail', 'participant.reason_missing');
    given([registered]).when(erase('')).thenRefuses('rule', 'an erasure needs a reason for the audit trail', 'participant.reason_missing');
  });

  it('dates an erasure by the clock of whoever handles it', () => {
    given([registered])
      .when(erase('Asked to be forgotten'))
      .then([
        {
          type: 'ParticipantErased',
          data: { participantId: 'p-8', reason: 'Asked to be forgotten', erasedOn: '2026-03-01T12:00:00.000Z' },
          occurredAt: '2026-03-01T12:00:00.000Z',
        },
      ]);
  });

  it('keeps each person in their own stream, named participant-<id>', () => {
    expect(streamName(participantDecider, participantDecider.streamIdOf(register()))).toBe('participant-p-8');
  });
});
