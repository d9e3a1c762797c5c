import { label, percent } from './indicator';
import { FactEvent, foldProjectFacts } from './project-facts';

describe('the words and folds every indicator shares', () => {
  it('turns a key into words: "person_drawing_on_care" is "Person drawing on care"', () => {
    expect(label('person_drawing_on_care')).toBe('Person drawing on care');
    expect(label('carer')).toBe('Carer');
  });

  it('gives no share of nobody, rather than a share that is not a number', () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(1, 3)).toBe(33.3);
  });

  it('folds past an event no feature folds (a correction, already applied) without stopping', () => {
    const events: FactEvent[] = [
      {
        eventId: 'e1',
        type: 'ParticipantRegistered',
        position: 1,
        occurredAt: '2026-03-01T10:00:00.000Z',
        data: { participantId: 'r1', role: 'resident', seldomHeardGroups: [], preferredFormats: [] },
      },
      { eventId: 'e2', type: 'EventCorrected', position: 2, occurredAt: '2026-03-02T10:00:00.000Z', data: { eventId: 'e1' } },
    ];
    expect([...foldProjectFacts(events).participants.keys()]).toEqual(['r1']);
  });
});
