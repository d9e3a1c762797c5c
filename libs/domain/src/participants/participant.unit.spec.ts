import { command, spec } from '../core/spec';
import { ParticipantErased, ParticipantEvent, ParticipantRegistered } from './participant';
import { ParticipantCommand } from './participant.decide';
import { participantDecider } from './participant.decider';

const given = (events: ParticipantEvent[]) => spec(participantDecider).given(events);

const registered: ParticipantRegistered = {
  type: 'ParticipantRegistered',
  data: {
    participantId: 'p-3',
    role: 'carer',
    seldomHeardGroups: ['young_carers'],
    preferredFormats: ['paper', 'phone'],
    personal: { subjectId: 'p-3', fields: { name: 'Aled Jones', postcode: 'RG14 5LD' } },
  },
};
const erased: ParticipantErased = {
  type: 'ParticipantErased',
  data: { participantId: 'p-3', erasedOn: '2026-02-20', reason: 'Asked to be forgotten' },
};
const profile = { participantId: 'p-3', role: 'resident', seldomHeardGroups: [], preferredFormats: ['online'], reason: 'Moved into the area' };

describe('participant', () => {
  describe('registering', () => {
    it('registers a person with their role, groups and preferred formats', () => {
      given([]).when(command<ParticipantCommand>('RegisterParticipant', registered.data)).then([registered]);
      expect(given([registered]).state).toMatchObject({ status: 'active', role: 'carer', preferredFormats: ['paper', 'phone'] });
    });

    it('allows a person with no preferred format', () => {
      const data = { ...registered.data, preferredFormats: [] };
      given([]).when(command<ParticipantCommand>('RegisterParticipant', data)).then([{ type: 'ParticipantRegistered', data }]);
    });

    it('refuses a second registration of the same person', () => {
      given([registered])
        .when(command<ParticipantCommand>('RegisterParticipant', registered.data))
        .thenRefuses('conflict', /participant p-3 is already registered/);
    });

    it('refuses personal data about somebody else', () => {
      const data = { ...registered.data, personal: { subjectId: 'p-4', fields: { name: 'Aled Jones' } } };
      given([]).when(command<ParticipantCommand>('RegisterParticipant', data)).thenRefuses('rule', /about p-4 but the participant is p-3/);
    });

    it('refuses a person without a name', () => {
      const data = { ...registered.data, personal: { subjectId: 'p-3', fields: { name: '  ' } } };
      given([]).when(command<ParticipantCommand>('RegisterParticipant', data)).thenRefuses('rule', /p-3 needs a name/);
    });

    it('refuses a role or format outside the vocabulary', () => {
      given([])
        .when(command<ParticipantCommand>('RegisterParticipant', { ...registered.data, role: 'volunteer' } as never))
        .thenRefuses('rule', /role "volunteer" is not one of resident/);
      given([])
        .when(command<ParticipantCommand>('RegisterParticipant', { ...registered.data, preferredFormats: ['fax'] } as never))
        .thenRefuses('rule', /preferred format fax/);
    });
  });

  describe('updating', () => {
    it('updates the profile with a reason, and later figures use the new role', () => {
      given([registered])
        .when(command<ParticipantCommand>('UpdateParticipantProfile', profile as never))
        .then([{ type: 'ParticipantProfileUpdated', data: profile } as ParticipantEvent]);
      const updated = given([registered, { type: 'ParticipantProfileUpdated', data: profile } as ParticipantEvent]).state;
      expect(updated).toMatchObject({ status: 'active', role: 'resident', preferredFormats: ['online'] });
    });

    it('refuses a profile update without a reason', () => {
      given([registered])
        .when(command<ParticipantCommand>('UpdateParticipantProfile', { ...profile, reason: '' } as never))
        .thenRefuses('rule', /profile update needs a reason/);
    });

    it('refuses to update someone who was never registered', () => {
      given([])
        .when(command<ParticipantCommand>('UpdateParticipantProfile', profile as never))
        .thenRefuses('not_found', /participant p-3 does not exist; register them first/);
    });

    it('updates personal details about the same person', () => {
      const data = { participantId: 'p-3', personal: { subjectId: 'p-3', fields: { name: 'Aled Jones', email: 'aled@example.org' } } };
      given([registered]).when(command<ParticipantCommand>('UpdateParticipantDetails', data)).then([{ type: 'ParticipantDetailsUpdated', data }]);
    });

    it('refuses details about somebody else', () => {
      const data = { participantId: 'p-3', personal: { subjectId: 'p-9', fields: { name: 'Someone' } } };
      given([registered]).when(command<ParticipantCommand>('UpdateParticipantDetails', data)).thenRefuses('rule', /about p-9/);
    });
  });

  describe('erasure', () => {
    it('erases a person when the erasure is handled, dated by the handler\'s clock, without personal data in the event', () => {
      const now = '2026-02-20T09:30:00.000Z';
      given([registered])
        .when(command<ParticipantCommand>('EraseParticipant', { participantId: 'p-3', reason: 'Asked to be forgotten' }, { now }))
        .then([{ type: 'ParticipantErased', data: { participantId: 'p-3', erasedOn: now, reason: 'Asked to be forgotten' }, occurredAt: now }]);
    });

    it('takes no date from the caller: an erasedOn in the command is ignored', () => {
      const now = '2026-02-20T09:30:00.000Z';
      const [event] = participantDecider.decide(
        command<ParticipantCommand>('EraseParticipant', { participantId: 'p-3', reason: 'x', erasedOn: '1999-01-01' } as never, { now }),
        given([registered]).state,
      );
      expect(event.data).toMatchObject({ erasedOn: now });
    });

    it('refuses an erasure without a reason', () => {
      given([registered])
        .when(command<ParticipantCommand>('EraseParticipant', { ...erased.data, reason: ' ' }))
        .thenRefuses('rule', /erasure needs a reason/);
    });

    it('folds a stream whose personal data was erased (key destroyed)', () => {
      const keyless: ParticipantRegistered = { ...registered, data: { ...registered.data, personal: { subjectId: 'p-3', erased: true } } };
      expect(given([keyless, erased]).state).toEqual({ status: 'erased', participantId: 'p-3', erasedOn: '2026-02-20' });
    });

    it.each([
      ['RegisterParticipant', registered.data],
      ['UpdateParticipantProfile', profile],
      ['UpdateParticipantDetails', { participantId: 'p-3', personal: { subjectId: 'p-3', fields: { name: 'A' } } }],
      ['EraseParticipant', erased.data],
    ])('refuses %s after erasure', (type, data) => {
      given([registered, erased])
        .when(command<ParticipantCommand>(type as ParticipantCommand['type'], data as never))
        .thenRefuses('conflict', /participant p-3 was erased on 2026-02-20/);
    });
  });
});
