import { Event, Recorded } from '../core/event';
import { command, spec } from '../core/spec';
import { applyCorrections, EventCorrected } from './correction';
import { CorrectEvent, CorrectionCommand } from './correction.decide';
import { correctionDecider } from './correction.decider';

const given = (events: Event[]) => spec(correctionDecider).given(events);

// spec() gives the n-th given event the id `event-n`.
const attendance: Event = {
  type: 'AttendanceRecorded',
  data: { activityId: 'a-1', projectId: 'p1', participantId: 'p-3', minutes: 120, capacity: 'member', format: 'paper' },
  occurredAt: '2026-03-10T18:00:00.000Z',
};
const held: Event = {
  type: 'ActivityHeld',
  data: { activityId: 'a-1', projectId: 'p1', heldOn: '2026-03-10T18:00:00.000Z', durationMinutes: 120, ladderLevel: 'engagement', note: null },
};
const correctionOf = (eventId: string, kind: 'void' | 'amend', changes: Record<string, unknown> | null): EventCorrected => ({
  type: 'EventCorrected',
  data: { eventId, eventType: 'AttendanceRecorded', kind, changes, reason: 'Sign-in sheet misread' },
});
const correct = (data: Partial<CorrectEvent['data']>) =>
  command<CorrectionCommand>('CorrectEvent', { stream: 'activity-a-1', eventId: 'event-1', kind: 'amend', changes: { minutes: 90 }, reason: 'Sign-in sheet misread', ...data });

describe('correction', () => {
  it('addresses the corrected stream itself, not a stream of its own', () => {
    expect(correctionDecider.streamIdOf(correct({}))).toBe('activity-a-1');
  });

  describe('amending', () => {
    it('amends a field of the original event, dated when the original happened', () => {
      given([attendance])
        .when(correct({}))
        .then([{ ...correctionOf('event-1', 'amend', { minutes: 90 }), occurredAt: '2026-03-10T18:00:00.000Z' }]);
    });

    it('refuses an amendment with no changes', () => {
      given([attendance]).when(correct({ changes: null })).thenRefuses('rule', /amending event event-1 needs the fields to change/);
      given([attendance]).when(correct({ changes: {} })).thenRefuses('rule', /needs the fields to change/);
    });

    it('refuses a field the original does not have, naming the fields that can be amended', () => {
      given([attendance])
        .when(correct({ changes: { hours: 2 } }))
        .thenRefuses('rule', /AttendanceRecorded event event-1 has no field hours; amendable fields are minutes, capacity, format/);
    });

    it.each(['participantId', 'participantIds', 'personal', 'recordedBy'])('refuses amending %s', (field) => {
      const original: Event = { type: 'X', data: { [field]: 'p-3', note: 'x' } };
      given([original]).when(correct({ changes: { [field]: 'p-4' } })).thenRefuses('rule', /identity, actors and personal data are not amended this way/);
    });

    it('refuses a value of a different kind, but fills a field that was empty', () => {
      given([attendance]).when(correct({ changes: { minutes: '90' } })).thenRefuses('rule', /minutes of event event-1 is a number and cannot become a string/);
      given([held]).when(correct({ changes: { durationMinutes: Number.NaN } })).thenRefuses('rule', /must be a finite number/);
      expect(correctionDecider.decide(correct({ changes: { note: 'Ran over' } }), given([held]).state)).toHaveLength(1);
    });
  });

  describe('voiding', () => {
    it('voids an event', () => {
      given([attendance])
        .when(correct({ kind: 'void', changes: null }))
        .then([{ ...correctionOf('event-1', 'void', null), occurredAt: '2026-03-10T18:00:00.000Z' }]);
    });

    it('refuses a void with changes', () => {
      given([attendance]).when(correct({ kind: 'void', changes: { minutes: 90 } })).thenRefuses('rule', /send no changes, or amend it instead/);
    });

    it('refuses correcting a voided event again', () => {
      given([attendance, correctionOf('event-1', 'void', null)])
        .when(correct({}))
        .thenRefuses('conflict', /event event-1 \(AttendanceRecorded\) was voided/);
    });
  });

  it('refuses an event that is not in the stream', () => {
    given([attendance]).when(correct({ eventId: 'event-9' })).thenRefuses('not_found', /event event-9 is not in stream activity-a-1/);
    given([]).when(correct({})).thenRefuses('not_found', /event event-1 is not in stream/);
  });

  it('refuses correcting a correction', () => {
    given([attendance, correctionOf('event-1', 'amend', { minutes: 90 })])
      .when(correct({ eventId: 'event-2' }))
      .thenRefuses('rule', /correct the original event instead/);
  });

  it('refuses a correction without a reason', () => {
    given([attendance]).when(correct({ reason: ' ' })).thenRefuses('rule', /needs a reason/);
  });

  it('refuses an unknown kind', () => {
    given([attendance]).when(correct({ kind: 'delete' } as never)).thenRefuses('rule', /correction kind "delete" is not one of void, amend/);
  });
});

describe('applyCorrections', () => {
  const recorded = (id: string, event: Event): Recorded<Event> => ({
    occurredAt: '2026-03-10T18:00:00.000Z',
    recordedAt: '2026-03-11T09:00:00.000Z',
    ...event,
    id,
  });
  const other = recorded('e2', { ...attendance, data: { ...attendance.data, participantId: 'p-4', minutes: 60 } });

  it('merges amendments into data, later amendments winning, and drops the corrections', () => {
    const events = [
      recorded('e1', attendance),
      other,
      recorded('c1', correctionOf('e1', 'amend', { minutes: 90, format: 'in_person' })),
      recorded('c2', correctionOf('e1', 'amend', { minutes: 100 })),
    ];
    const read = applyCorrections(events);
    expect(read.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(read[0].data).toEqual({ ...attendance.data, minutes: 100, format: 'in_person' });
    expect(read[1]).toBe(other);
  });

  it('removes voided events, even if they were amended first', () => {
    const events = [
      recorded('e1', attendance),
      other,
      recorded('c1', correctionOf('e1', 'amend', { minutes: 90 })),
      recorded('c2', correctionOf('e1', 'void', null)),
    ];
    expect(applyCorrections(events).map((e) => e.id)).toEqual(['e2']);
  });

  it('leaves the original events untouched', () => {
    const original = recorded('e1', attendance);
    applyCorrections([original, recorded('c1', correctionOf('e1', 'amend', { minutes: 90 }))]);
    expect(original.data).toEqual(attendance.data);
  });
});
