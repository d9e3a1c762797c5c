import { command, spec } from '../core/spec';
import { ParticipantEvent, ParticipantRegistered } from './participant';
import { ParticipantCommand } from './participant.decide';
import { participantDecider } from './participant.decider';
import { participantFacts } from './participant.facts';

const given = (events: ParticipantEvent[]) => spec(participantDecider).given(events);

const representative: ParticipantRegistered['data'] = {
  participantId: 'rep-1',
  role: 'community_organisation_rep',
  seldomHeardGroups: [],
  preferredFormats: ['in_person'],
  personal: { subjectId: 'rep-1', fields: { name: 'Asha Patel' } },
};

describe('the organisation a community organisation representative speaks for', () => {
  it('given nothing, when a representative is registered with their organisation, then it is recorded beside the role', () => {
    given([])
      .when(command<ParticipantCommand>('RegisterParticipant', { ...representative, organisation: '  Healthwatch West Berkshire ' }))
      .then([{ type: 'ParticipantRegistered', data: { ...representative, organisation: 'Healthwatch West Berkshire' } }]);
  });

  it('given nothing, when anyone is registered without one, then no organisation is recorded', () => {
    given([])
      .when(command<ParticipantCommand>('RegisterParticipant', { ...representative, organisation: null }))
      .then([{ type: 'ParticipantRegistered', data: representative }]);
  });

  it('given nothing, when a resident is registered with an organisation, then it is refused: only representatives speak for one', () => {
    given([])
      .when(command<ParticipantCommand>('RegisterParticipant', { ...representative, role: 'resident', organisation: 'Healthwatch' }))
      .thenRefuses(
        'rule',
        /registered as resident; only a voluntary or community organisation representative speaks for an organisation/,
        'participant.organisation_for_representatives',
      );
  });

  it('given nothing, when the organisation is blank, then it is refused', () => {
    given([])
      .when(command<ParticipantCommand>('RegisterParticipant', { ...representative, organisation: '   ' }))
      .thenRefuses('rule', /organisation of participant rep-1 is empty/, 'participant.organisation_empty');
  });

  it('is part of the participant facts, and null for everyone else', () => {
    const facts = participantFacts.empty();
    participantFacts.apply(facts, {
      eventId: 'e1',
      position: 1,
      occurredAt: '2026-01-01',
      type: 'ParticipantRegistered',
      data: { ...representative, organisation: 'Healthwatch' },
    });
    participantFacts.apply(facts, {
      eventId: 'e2',
      position: 2,
      occurredAt: '2026-01-01',
      type: 'ParticipantRegistered',
      data: { ...representative, participantId: 'r2', role: 'resident' },
    });
    expect([facts.participants.get('rep-1')?.organisation, facts.participants.get('r2')?.organisation]).toEqual(['Healthwatch', null]);
  });
});
