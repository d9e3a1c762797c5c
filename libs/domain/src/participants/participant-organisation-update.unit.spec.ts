import { command, spec } from '../core/spec';
import { ParticipantEvent, ParticipantProfileUpdated, ParticipantRegistered } from './participant';
import { ParticipantCommand, UpdateParticipantProfile } from './participant.decide';
import { participantDecider } from './participant.decider';
import { participantFacts } from './participant.facts';

const given = (events: ParticipantEvent[]) => spec(participantDecider).given(events);

const registered: ParticipantRegistered = {
  type: 'ParticipantRegistered',
  data: {
    participantId: 'rep-1',
    role: 'community_organisation_rep',
    seldomHeardGroups: [],
    preferredFormats: ['in_person'],
    personal: { subjectId: 'rep-1', fields: { name: 'Asha Patel' } },
    organisation: 'Healthwatch West Berkshire',
  },
};
const profile: UpdateParticipantProfile['data'] = {
  participantId: 'rep-1',
  role: 'community_organisation_rep',
  seldomHeardGroups: ['carers'],
  preferredFormats: ['in_person', 'online'],
  reason: 'Moved from Healthwatch to the carers centre',
};
const update = (data: Partial<UpdateParticipantProfile['data']>) => command<ParticipantCommand>('UpdateParticipantProfile', { ...profile, ...data });
const updated = (organisation: string | null, data: Partial<UpdateParticipantProfile['data']> = {}): ParticipantProfileUpdated => ({
  type: 'ParticipantProfileUpdated',
  data: { ...profile, ...data, organisation },
});

describe('a change of organisation on a profile update', () => {
  it('given a representative of Healthwatch, when their profile names a new organisation, then the new one is recorded', () => {
    given([registered])
      .when(update({ organisation: '  Berkshire Carers Centre ' }))
      .then([updated('Berkshire Carers Centre')]);
  });

  it('given a representative of Healthwatch, when their profile is updated without naming one, then Healthwatch is kept', () => {
    given([registered])
      .when(update({}))
      .then([updated('Healthwatch West Berkshire')]);
  });

  it('given a representative of Healthwatch, when the organisation is given as null, then it is removed', () => {
    given([registered])
      .when(update({ organisation: null }))
      .then([updated(null)]);
  });

  it('given a representative of Healthwatch, when they become a resident, then they no longer speak for an organisation', () => {
    const { organisation: _none, ...asResident } = updated(null, { role: 'resident' }).data;
    given([registered])
      .when(update({ role: 'resident' }))
      .then([{ type: 'ParticipantProfileUpdated', data: asResident }]);
  });

  it('given a resident, when they become a representative with their organisation, then it is recorded', () => {
    const { organisation: _none, ...asResident } = registered.data;
    const resident: ParticipantRegistered = { type: 'ParticipantRegistered', data: { ...asResident, role: 'resident' } };
    given([resident])
      .when(update({ organisation: 'Age UK Berkshire' }))
      .then([updated('Age UK Berkshire')]);
  });

  it('given a representative, when the update names an organisation for a resident, then it is refused: only representatives speak for one', () => {
    given([registered])
      .when(update({ role: 'resident', organisation: 'Healthwatch West Berkshire' }))
      .thenRefuses(
        'rule',
        /rep-1 is updated to resident; only a voluntary or community organisation representative speaks for an organisation/,
        'participant.organisation_for_representatives',
      );
  });

  it('given a representative, when the new organisation is blank, then it is refused', () => {
    given([registered])
      .when(update({ organisation: '   ' }))
      .thenRefuses('rule', /organisation of participant rep-1 is empty/, 'participant.organisation_empty');
  });

  it('given later updates, then the participant facts hold the organisation they leave', () => {
    const facts = participantFacts.empty();
    const apply = (position: number, event: ParticipantEvent) =>
      participantFacts.apply(facts, { eventId: `e${position}`, position, occurredAt: '2026-01-01', ...event } as never);
    apply(1, registered);
    // An update recorded before updates carried the organisation keeps the one registered.
    const { organisation: _none, ...earlier } = updated(null).data;
    apply(2, { type: 'ParticipantProfileUpdated', data: earlier });
    expect(facts.participants.get('rep-1')?.organisation).toBe('Healthwatch West Berkshire');
    apply(3, updated('Berkshire Carers Centre'));
    expect(facts.participants.get('rep-1')?.organisation).toBe('Berkshire Carers Centre');
    apply(4, { type: 'ParticipantProfileUpdated', data: { ...earlier, role: 'resident' } });
    expect(facts.participants.get('rep-1')?.organisation).toBeNull();
  });
});
