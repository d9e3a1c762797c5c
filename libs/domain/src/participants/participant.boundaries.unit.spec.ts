import { command, spec } from '../core/spec';
import { PARTICIPANT_ROLES, roleGroup } from '../core/vocabulary';
import { organisationAfter, ParticipantErased, ParticipantEvent, ParticipantProfileUpdated, ParticipantRegistered } from './participant';
import { ParticipantCommand } from './participant.decide';
import { participantDecider } from './participant.decider';

const given = (events: ParticipantEvent[]) => spec(participantDecider).given(events);

const registered: ParticipantRegistered = {
  type: 'ParticipantRegistered',
  data: {
    participantId: 'r-1',
    role: 'community_organisation_rep',
    seldomHeardGroups: ['gypsy_roma_traveller'],
    preferredFormats: ['paper'],
    personal: { subjectId: 'r-1', fields: { name: 'Dee Khan' } },
    organisation: 'Healthwatch',
  },
};
/** An update recorded before updates carried the organisation. */
const olderUpdate: ParticipantProfileUpdated = {
  type: 'ParticipantProfileUpdated',
  data: { participantId: 'r-1', role: 'community_organisation_rep', seldomHeardGroups: [], preferredFormats: ['phone'], reason: 'Moved' },
};
const erased: ParticipantErased = {
  type: 'ParticipantErased',
  data: { participantId: 'r-1', erasedOn: '2026-05-01T09:00:00.000Z', reason: 'Asked' },
};

describe('participant: the state its rules read', () => {
  it('keeps the groups, formats and organisation a person was registered with', () => {
    expect(given([registered]).state).toEqual({
      status: 'active',
      participantId: 'r-1',
      role: 'community_organisation_rep',
      seldomHeardGroups: ['gypsy_roma_traveller'],
      preferredFormats: ['paper'],
      organisation: 'Healthwatch',
    });
  });

  it('keeps the organisation of a representative through an update that did not carry one', () => {
    expect(given([registered, olderUpdate]).state).toMatchObject({ status: 'active', organisation: 'Healthwatch', preferredFormats: ['phone'] });
  });

  it('keeps an erased person erased whatever is folded after the erasure', () => {
    const state = given([registered, erased, olderUpdate, registered]).state;
    expect(state).toEqual({ status: 'erased', participantId: 'r-1', erasedOn: '2026-05-01T09:00:00.000Z' });
    given([registered, erased, olderUpdate])
      .when(command<ParticipantCommand>('EraseParticipant', { participantId: 'r-1', reason: 'Again' }))
      .thenRefuses('conflict', /erased/);
  });
});

describe('participant: the organisation a person speaks for', () => {
  it('is the one a registration names, or none: a registration never inherits one', () => {
    const { organisation: _, ...withoutOrganisation } = registered.data;
    expect(organisationAfter('Age UK', { type: 'ParticipantRegistered', data: withoutOrganisation })).toBeNull();
    expect(organisationAfter(null, registered)).toBe('Healthwatch');
  });

  it("is kept through an older update only while the role is a representative's", () => {
    expect(organisationAfter('Healthwatch', olderUpdate)).toBe('Healthwatch');
    expect(organisationAfter('Healthwatch', { ...olderUpdate, data: { ...olderUpdate.data, role: 'resident' } })).toBeNull();
    expect(organisationAfter('Healthwatch', { ...olderUpdate, data: { ...olderUpdate.data, organisation: null } })).toBeNull();
  });
});

describe('participant: the formats a refusal names', () => {
  it('lists every preferred format that is not one of the formats', () => {
    given([])
      .when(command<ParticipantCommand>('RegisterParticipant', { ...registered.data, preferredFormats: ['fax', 'pigeon', 'online'] } as never))
      .thenRefuses('rule', 'preferred format fax, pigeon is not one of in_person, online, phone, paper, hybrid', 'participant.unknown_format');
  });
});

describe('participant: the role group every figure is broken down by', () => {
  it('puts officers with council staff, councillors with councillors, and every other role with residents and communities', () => {
    expect(roleGroup('council_officer')).toBe('council_staff');
    expect(roleGroup('councillor')).toBe('councillors');
    const others = PARTICIPANT_ROLES.filter((role) => role !== 'council_officer' && role !== 'councillor');
    expect(others.length).toBeGreaterThan(0);
    for (const role of others) expect([role, roleGroup(role)]).toEqual([role, 'residents_and_communities']);
  });
});
